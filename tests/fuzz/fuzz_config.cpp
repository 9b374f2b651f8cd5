// Fuzz target: a config's YAML text, validated as the editor and the launcher do (configs also
// come back from boxes on resume), then one in-place edit of a key the input names.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/config/config_file.h"
#include "core/config/schema.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const tb::LoadedConfig config =
        tb::parseConfigText(text, "fuzz.yaml", "/nonexistent", tb::DataPathsOn::Host);
    const auto& schema = tb::configSchema();
    if (!schema.empty()) {
        const std::string& key = schema[size % schema.size()].path;
        (void)tb::setValueInText(text, key, "0.5");
        (void)tb::setValueInText(text, key, "[1, 2]");
    }
    (void)config;
    return 0;
}
