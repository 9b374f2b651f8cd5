// Loading YAML configs with diagnostics, cross-key checks and --set overrides.
#include "config_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "config_limits.h"
#include "config_text.h"
#include "message_text.h"
#include "unknown_keys.h"
#include "value_text.h"
#include "yaml_validate.h"

namespace tb {
namespace {

namespace fs = std::filesystem;

// A problem that involves several keys; reported at `key`'s value when the file gives one.
struct CrossProblem {
    std::string key;
    std::string fallbackKey;  // where to point when `key` is absent from the text
    std::string message;
    bool operator==(const CrossProblem&) const = default;
};

const std::set<std::string> kCrossKeys = {"data.kind", "data.path", "model.kind", "model.depth"};

std::string dataPathHint(const std::string& kind) {
    if (kind == "mnist") return config_text::kHintMnist;
    if (kind == "cifar10") return config_text::kHintCifar;
    return config_text::kHintCsv;
}

std::vector<CrossProblem> crossCheck(const ConfigValues& values, DataPathsOn dataPaths) {
    const auto get = [&](const std::string& key) {
        const auto it = values.find(key);
        return it != values.end() ? it->second : findKey(key)->defaultValue;
    };
    std::vector<CrossProblem> problems;
    const std::string kind = get("data.kind");
    const std::string path = get("data.path");
    if (kind != "synthetic") {
        const std::string hint = dataPathHint(kind);
        std::error_code error;
        const auto status = fs::status(path, error);
        if (path.empty()) {
            problems.push_back(
                {"data.path", "data.kind", fillText(config_text::kDataPathRequired, {kind, hint})});
        } else if (dataPaths == DataPathsOn::Host) {
            // The box's path: its trainer checks it.
        } else if (!fs::exists(status)) {
            problems.push_back(
                {"data.path", "data.kind", fillText(config_text::kDataPathMissing, {path, hint})});
        } else if (kind == "csv" ? fs::is_directory(status) : !fs::is_directory(status)) {
            problems.push_back({"data.path", "data.kind",
                                fillText(kind == "csv" ? config_text::kDataPathIsFolder
                                                       : config_text::kDataPathNotFolder,
                                         {path, hint})});
        }
    }
    const auto depth = parseInt(get("model.depth"));
    if (get("model.kind") == "resnet" && depth && (*depth - 2) % 6 != 0) {
        problems.push_back({"model.depth", "model.kind",
                            fillText(config_text::kResnetDepth, {std::to_string(*depth)})});
    }
    return problems;
}

std::string absolutePath(const std::string& path, const fs::path& baseDir) {
    if (path.empty()) return path;
    fs::path result(expandHome(path));
    if (result.is_relative()) result = baseDir / result;
    return result.lexically_normal().string();
}

// A path on an SSH host: absolute and "~..." stay; a relative one is taken from the home folder
// (the run's own folder would be a surprise), which the trainer there expands.
std::string hostPath(const std::string& path) {
    if (path.empty() || path.front() == '/' || path.front() == '~') return path;
    return "~/" + path;
}

void sortByPosition(std::vector<Diagnostic>& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
}

std::string stripQuotes(std::string_view text) {
    if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
        text.back() == text.front()) {
        return std::string(text.substr(1, text.size() - 2));
    }
    return std::string(text);
}

// Checks one --set value: text values are taken as written (a shell already removed quotes
// or left them for us to strip); everything else is read as YAML, exactly like the file.
std::string checkOverride(const KeyDef& def, std::string_view text, std::string& canonical) {
    if (def.type == KeyType::String || def.type == KeyType::Path) {
        return checkValue(def, stripQuotes(text), canonical);
    }
    try {
        const YAML::Node node = YAML::Load(std::string(text));
        TextPosition unused;
        return checkValueNode(def, node, {}, canonical, unused);
    } catch (const YAML::Exception&) {
        return checkValue(def, text, canonical);
    }
}

}  // namespace

std::string Diagnostic::format() const {
    std::string where = file;
    if (line > 0) where += ":" + std::to_string(line);
    if (line > 0 && column > 0) where += ":" + std::to_string(column);
    return where + ": error: " + message;
}

LoadedConfig parseConfigText(std::string_view text, const std::string& fileName,
                             const std::string& baseDir, DataPathsOn dataPaths) {
    LoadedConfig config;
    config.values = defaultValues();
    if (text.size() > kMaxConfigBytes) {
        config.diagnostics.push_back({fileName, 0, 0, "", configTooLarge(fileName, text.size())});
        return config;
    }
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& error) {
        const TextPosition at = positionOf(error.mark);
        config.diagnostics.push_back(
            {fileName, at.line, at.column, "", fillText(config_text::kYamlSyntax, {error.msg})});
        return config;
    }
    std::map<std::string, TextPosition> positions;
    validateConfigTree(root, fileName, config, positions);

    config.dataPaths = dataPaths;
    std::string& dataPath = config.values["data.path"];
    dataPath = dataPaths == DataPathsOn::Host ? hostPath(dataPath)
                                              : absolutePath(dataPath, fs::path(baseDir));
    for (const CrossProblem& problem : crossCheck(config.values, dataPaths)) {
        auto at = positions.find(problem.key);
        if (at == positions.end()) at = positions.find(problem.fallbackKey);
        const TextPosition where = at != positions.end() ? at->second : TextPosition{};
        config.diagnostics.push_back(
            {fileName, where.line, where.column, problem.key, problem.message});
    }
    sortByPosition(config.diagnostics);
    return config;
}

LoadedConfig loadConfigFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadedConfig config;
        config.values = defaultValues();
        config.diagnostics.push_back({path, 0, 0, "", config_text::kCannotReadConfig});
        return config;
    }
    // Not read whole when it is far too large to be a config.
    std::error_code sizeError;
    const auto size = fs::file_size(path, sizeError);
    if (!sizeError && size > kMaxConfigBytes) {
        LoadedConfig config;
        config.values = defaultValues();
        config.diagnostics.push_back({path, 0, 0, "", configTooLarge(path, size)});
        return config;
    }
    std::ostringstream text;
    text << in.rdbuf();
    std::error_code error;
    const fs::path absolute = fs::absolute(path, error);
    return parseConfigText(text.str(), path, absolute.parent_path().string());
}

void applyOverrides(LoadedConfig& config, const std::vector<std::string>& assignments) {
    const auto report = [&](const std::string& key, std::string message) {
        config.diagnostics.push_back({"--set", 0, 0, key, std::move(message)});
    };
    const ConfigValues before = config.values;
    bool crossKeyChanged = false;
    UnknownKeyCap unknownKeys;
    for (const std::string& assignment : assignments) {
        const size_t equals = assignment.find('=');
        if (equals == std::string::npos) {
            report("", fillText(config_text::kExpectedAssignment, {assignment}));
            continue;
        }
        const std::string key(trimmed(std::string_view(assignment).substr(0, equals)));
        const std::string_view text = trimmed(std::string_view(assignment).substr(equals + 1));
        if (key == "version") {
            if (text != "1") report(key, config_text::kVersionMustBe1);
            continue;
        }
        const KeyDef* def = findKey(key);
        if (!def) {
            if (isConfigSection(key)) {
                report(key, fillText(config_text::kSetSection, {key}));
            } else if (unknownKeys.listNext()) {
                report(key, unknownKeyMessage(key));
            }
            continue;
        }
        std::string canonical;
        const std::string problem = checkOverride(*def, text, canonical);
        if (!problem.empty()) {
            report(key, fillText(config_text::kKeyProblem, {key, problem}));
            continue;
        }
        // Relative paths on a command line mean relative to where the user typed it.
        if (def->type == KeyType::Path) {
            canonical = config.dataPaths == DataPathsOn::Host
                            ? hostPath(canonical)
                            : absolutePath(canonical, fs::current_path());
        }
        config.values[key] = canonical;
        crossKeyChanged = crossKeyChanged || kCrossKeys.count(key) > 0;
    }
    if (unknownKeys.unlisted() > 0) report("", unknownKeys.summary());
    if (!crossKeyChanged) return;
    // The overrides may fix what the file got wrong, or break what it got right.
    const std::vector<CrossProblem> old = crossCheck(before, config.dataPaths);
    const std::vector<CrossProblem> now = crossCheck(config.values, config.dataPaths);
    std::erase_if(config.diagnostics, [&](const Diagnostic& diagnostic) {
        return std::any_of(old.begin(), old.end(), [&](const CrossProblem& problem) {
            return problem.key == diagnostic.key && problem.message == diagnostic.message &&
                   std::find(now.begin(), now.end(), problem) == now.end();
        });
    });
    for (const CrossProblem& problem : now) {
        if (std::find(old.begin(), old.end(), problem) == old.end()) {
            report(problem.key, problem.message);
        }
    }
}

}  // namespace tb
