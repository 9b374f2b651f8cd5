# tb_embed_trainer_sources(TARGET): embeds what a box needs to build trainbench-train — the
# sources `-DTB_TRAINER_ONLY=ON` compiles, the wrapper project and build.sh — as the Qt resource
# :/trainer-src/..., and the box probe as :/trainer-prepare/detect.sh. "Prepare host" uploads
# :/trainer-src as it is; its sha256 (with the box's torch) keys the build cache on the box.
function(tb_embed_trainer_sources target)
  set(root ${PROJECT_SOURCE_DIR})
  set(here ${root}/resources/remote-build)
  file(GLOB_RECURSE files RELATIVE ${root} CONFIGURE_DEPENDS
    ${root}/core/protocol/*.h ${root}/core/protocol/*.cpp
    ${root}/core/train/*.h ${root}/core/train/*.cpp
    ${root}/app/train/*.h ${root}/app/train/*.cpp
    ${root}/core/config/*.h ${root}/core/config/*.cpp)
  # core/config's YAML side (tb_config, yaml-cpp) is launcher-only.
  list(FILTER files EXCLUDE REGEX "^core/config/(config_file|yaml_)")
  list(APPEND files CMakeLists.txt app/CMakeLists.txt core/protocol/CMakeLists.txt
    core/config/CMakeLists.txt core/train/CMakeLists.txt)
  list(SORT files)
  set(qrc "<!DOCTYPE RCC>\n<RCC version=\"1.0\">\n  <qresource prefix=\"/trainer-src\">\n")
  string(APPEND qrc "    <file alias=\"CMakeLists.txt\">${here}/CMakeLists.txt</file>\n")
  string(APPEND qrc "    <file alias=\"build.sh\">${here}/build.sh</file>\n")
  foreach(file IN LISTS files)
    string(APPEND qrc "    <file alias=\"trainbench/${file}\">${root}/${file}</file>\n")
  endforeach()
  string(APPEND qrc "  </qresource>\n  <qresource prefix=\"/trainer-prepare\">\n")
  string(APPEND qrc "    <file alias=\"detect.sh\">${here}/detect.sh</file>\n")
  string(APPEND qrc "  </qresource>\n</RCC>\n")
  set(out ${CMAKE_CURRENT_BINARY_DIR}/trainer_sources.qrc)
  file(CONFIGURE OUTPUT ${out} CONTENT "${qrc}" @ONLY)
  target_sources(${target} PRIVATE ${out})
  set_target_properties(${target} PROPERTIES AUTORCC ON)
endfunction()
