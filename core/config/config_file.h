#pragma once
// The YAML side of configs (yaml-cpp): load, validate with FILE:LINE:COL diagnostics,
// --set overrides, and in-place edits that keep the user's text byte for byte.

#include <string>
#include <string_view>
#include <vector>

#include "core/protocol/result.h"
#include "schema.h"

namespace tb {

struct Diagnostic {
    std::string file;     // the config file, or "--set" for command-line overrides
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based
    std::string key;      // schema key path when the problem belongs to one
    std::string message;  // "unknown key 'optim.lrr'; did you mean 'optim.lr'?"

    std::string format() const;  // "FILE:LINE:COL: error: message"
};

// Where the run reads data.path: on this machine, or on the SSH host it is launched on.
enum class DataPathsOn { ThisMachine, Host };

struct LoadedConfig {
    ConfigValues values;                  // complete: defaults filled in for absent keys
    std::vector<Diagnostic> diagnostics;  // every problem found, in text order
    DataPathsOn dataPaths = DataPathsOn::ThisMachine;
    bool ok() const { return diagnostics.empty(); }
};

// Parses and validates YAML text. On this machine, relative data paths are resolved against
// `baseDir` and stored absolute in values, and a missing data path is a diagnostic. On a host
// the path is the box's: kept as written (a relative one is taken from the box's home, "~/..."),
// not checked here; the trainer there checks it.
LoadedConfig parseConfigText(std::string_view text, const std::string& fileName,
                             const std::string& baseDir,
                             DataPathsOn dataPaths = DataPathsOn::ThisMachine);
LoadedConfig loadConfigFile(const std::string& path);

// Applies "key.path=value" overrides, validated like the file; problems are appended as
// diagnostics with file "--set".
void applyOverrides(LoadedConfig& config, const std::vector<std::string>& assignments);

// Sets one key in YAML text and changes nothing else: comments, order and spacing stay.
// An absent key is inserted in its section (the section is created when absent).
// `valueText` is YAML scalar or flow text ("0.01", "[32, 64]", "adamw").
Result<std::string> setValueInText(std::string_view text, std::string_view keyPath,
                                   std::string_view valueText);

}  // namespace tb
