// Loads a config for trainbench-train without pulling torch into this translation unit.
#include "config_source.h"

#include <filesystem>

#include "core/config/assignment.h"
#include "core/config/resolved_config.h"
#include "core/config/value_text.h"
#include "core/protocol/atomic_file.h"
#if TB_HAVE_YAML
#include "core/config/config_file.h"
#endif

namespace tb {
namespace {

std::optional<ConfigSource> loadResolved(ConfigSource source, const std::vector<std::string>& sets,
                                         std::ostream& diagnostics) {
    auto values = readResolvedConfig(source.text, source.path);
    if (!values) {
        diagnostics << values.error() << '\n';
        return std::nullopt;
    }
    source.values = std::move(*values);
    bool ok = true;
    for (const auto& assignment : sets) {
        if (const std::string problem = applyAssignment(source.values, assignment);
            !problem.empty()) {
            diagnostics << "--set: error: " << problem << '\n';
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    // A run launched on an SSH host names its data "~/..." when the user wrote a path relative
    // to the box's home: the launcher cannot know that home, the trainer here can.
    std::string& dataPath = source.values["data.path"];
    dataPath = expandHome(dataPath);
    return source;
}

}  // namespace

std::optional<ConfigSource> loadConfigSource(const std::string& path,
                                             const std::vector<std::string>& sets,
                                             std::ostream& diagnostics) {
    auto text = readFile(path);
    if (!text) {
        diagnostics << path << ": error: " << text.error() << '\n';
        return std::nullopt;
    }
    ConfigSource source{path, std::move(*text), false, {}};
    if (looksLikeResolvedConfig(source.text))
        return loadResolved(std::move(source), sets, diagnostics);
#if TB_HAVE_YAML
    LoadedConfig loaded =
        parseConfigText(source.text, path, std::filesystem::absolute(path).parent_path().string());
    applyOverrides(loaded, sets);
    for (const auto& diagnostic : loaded.diagnostics) diagnostics << diagnostic.format() << '\n';
    if (!loaded.ok()) return std::nullopt;
    source.isYaml = true;
    source.values = std::move(loaded.values);
    return source;
#else
    diagnostics << path << ": error: this trainer was built without YAML support; give it the "
                << "resolved config the launcher writes (trainbench-train --print-resolved)\n";
    return std::nullopt;
#endif
}

}  // namespace tb
