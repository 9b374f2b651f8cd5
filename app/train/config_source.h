#pragma once
// Where trainbench-train's config comes from: a YAML file (when built with yaml-cpp) or a
// resolved config, plus --set assignments. Problems are printed as FILE:LINE:COL diagnostics.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/config/schema.h"

namespace tb {

struct ConfigSource {
    std::string path;
    std::string text;  // the file as given
    bool isYaml = false;
    ConfigValues values;  // complete and valid
};

std::optional<ConfigSource> loadConfigSource(const std::string& path,
                                             const std::vector<std::string>& sets,
                                             std::ostream& diagnostics);

}  // namespace tb
