#pragma once
// Internal to tb_config: checks a parsed YAML tree against the schema, one diagnostic per
// problem, each at the line and column of the offending key or value.

#include <map>
#include <string>

#include <yaml-cpp/yaml.h>

#include "config_file.h"

namespace tb {

struct TextPosition {
    int line = 0;  // 1-based; 0 when unknown
    int column = 0;
};

TextPosition positionOf(const YAML::Mark& mark);

// Checks one value node for `def`. Returns "" and writes the canonical text when valid; else a
// message to follow the key name ("must be an integer, got 'x'") and `at` names the offending
// node (`keyAt` when the value has no position of its own, such as an empty value).
std::string checkValueNode(const KeyDef& def, const YAML::Node& value, TextPosition keyAt,
                           std::string& canonical, TextPosition& at);

// Walks the whole document: valid values go into config.values, problems into
// config.diagnostics, and the position of every value given is recorded so checks that involve
// several keys can point at one of them.
void validateConfigTree(const YAML::Node& root, const std::string& fileName, LoadedConfig& config,
                        std::map<std::string, TextPosition>& valuePositions);

}  // namespace tb
