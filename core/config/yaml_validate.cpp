// Validates a parsed YAML config tree against the schema; see yaml_validate.h.
#include "yaml_validate.h"

#include "config_text.h"
#include "message_text.h"
#include "unknown_keys.h"
#include "value_text.h"

namespace tb {
namespace {

std::string typeDescription(const KeyDef& def) {
    switch (def.type) {
        case KeyType::Int:
            return config_text::kAnInteger;
        case KeyType::Float:
            return config_text::kANumber;
        case KeyType::Bool:
            return config_text::kTrueOrFalse;
        case KeyType::String:
            return config_text::kText;
        case KeyType::Path:
            return config_text::kAPath;
        case KeyType::IntList:
            return fillText(config_text::kAnIntList, {def.defaultValue});
        case KeyType::Choice: {
            std::string list;
            for (const auto& choice : def.choices) list += (list.empty() ? "" : ", ") + choice;
            return fillText(config_text::kOneOf, {list});
        }
    }
    return config_text::kAValue;
}

std::string shapeName(const YAML::Node& node) {
    return node.IsMap()        ? config_text::kAMapping
           : node.IsSequence() ? config_text::kAList
                               : config_text::kASingleValue;
}

std::string checkListNode(const KeyDef& def, const YAML::Node& list, std::string& canonical,
                          TextPosition& at) {
    std::string text = "[";
    for (size_t i = 0; i < list.size(); ++i) {
        const YAML::Node element = list[i];
        at = positionOf(element.Mark());
        if (!element.IsScalar() || !parseInt(element.Scalar())) {
            const std::string got =
                element.IsScalar() ? "'" + element.Scalar() + "'" : shapeName(element);
            return fillText(config_text::kElementIs,
                            {typeDescription(def), std::to_string(i + 1), got});
        }
        text += (i > 0 ? ", " : "") + element.Scalar();
    }
    text += "]";
    at = positionOf(list.Mark());
    const std::string problem = checkValue(def, text, canonical);
    if (problem.empty()) return {};
    // Point at the element that is out of range; a wrong count stays on the list itself.
    // (Every list key allows a single element, so "[e]" checks one element's range.)
    for (size_t i = 0; i < list.size(); ++i) {
        std::string unused;
        if (!checkValue(def, "[" + list[i].Scalar() + "]", unused).empty()) {
            at = positionOf(list[i].Mark());
            break;
        }
    }
    return problem;
}

class TreeWalker {
public:
    TreeWalker(const std::string& fileName, LoadedConfig& config,
               std::map<std::string, TextPosition>& positions)
        : m_fileName(fileName), m_config(config), m_positions(positions) {}

    void walkRoot(const YAML::Node& root) {
        if (root.IsNull()) return;  // an empty file means every default
        if (!root.IsMap()) {
            report(positionOf(root.Mark()), "",
                   fillText(config_text::kConfigNotMapping, {shapeName(root)}));
            return;
        }
        walkMap(root, "");
        if (m_unknownKeys.unlisted() > 0) report(m_firstUnlisted, "", m_unknownKeys.summary());
    }

private:
    void walkMap(const YAML::Node& map, const std::string& prefix) {
        std::map<std::string, int> firstLines;
        for (const auto& pair : map) {
            const TextPosition keyAt = positionOf(pair.first.Mark());
            if (!pair.first.IsScalar()) {
                report(keyAt, prefix,
                       fillText(config_text::kKeysMustBePlain, {shapeName(pair.first)}));
                continue;
            }
            const std::string path =
                prefix.empty() ? pair.first.Scalar() : prefix + "." + pair.first.Scalar();
            const auto [first, isNew] = firstLines.emplace(path, keyAt.line);
            if (!isNew) {
                report(keyAt, path,
                       fillText(config_text::kDuplicateKey, {path, std::to_string(first->second)}));
                continue;
            }
            walkEntry(path, pair.second, keyAt);
        }
    }

    void walkEntry(const std::string& path, const YAML::Node& value, TextPosition keyAt) {
        const TextPosition valueAt = value.IsNull() ? keyAt : positionOf(value.Mark());
        if (path == "version") {
            if (!value.IsScalar() || value.Scalar() != "1") {
                report(valueAt, path, config_text::kVersionMustBe1Reads);
            }
            return;
        }
        if (isConfigSection(path)) {
            if (value.IsMap()) {
                walkMap(value, path);
            } else if (!value.IsNull()) {
                report(valueAt, path,
                       fillText(config_text::kSectionNotValue, {path, exampleKey(path)}));
            }
            return;
        }
        const KeyDef* def = findKey(path);
        if (!def) {
            if (m_unknownKeys.listNext()) {
                report(keyAt, path, unknownKeyMessage(path));
            } else if (m_unknownKeys.unlisted() == 1) {
                m_firstUnlisted = keyAt;
            }
            return;
        }
        m_positions[path] = valueAt;
        std::string canonical;
        TextPosition at;
        const std::string problem = checkValueNode(*def, value, keyAt, canonical, at);
        if (problem.empty()) {
            m_config.values[path] = canonical;
        } else {
            report(at, path, fillText(config_text::kKeyProblem, {path, problem}));
        }
    }

    static std::string exampleKey(const std::string& section) {
        for (const KeyDef& def : configSchema()) {
            if (def.path.compare(0, section.size() + 1, section + ".") == 0) {
                return def.path.substr(section.size() + 1) + ": " + def.defaultValue;
            }
        }
        return "key: value";
    }

    void report(TextPosition at, const std::string& key, std::string message) {
        m_config.diagnostics.push_back(
            Diagnostic{m_fileName, at.line, at.column, key, std::move(message)});
    }

    const std::string& m_fileName;
    LoadedConfig& m_config;
    std::map<std::string, TextPosition>& m_positions;
    UnknownKeyCap m_unknownKeys;
    TextPosition m_firstUnlisted;
};

}  // namespace

TextPosition positionOf(const YAML::Mark& mark) {
    if (mark.is_null() || mark.line < 0) return {};
    return {mark.line + 1, mark.column + 1};
}

std::string checkValueNode(const KeyDef& def, const YAML::Node& value, TextPosition keyAt,
                           std::string& canonical, TextPosition& at) {
    at = value.IsNull() ? keyAt : positionOf(value.Mark());
    if (value.IsNull()) {
        // An empty path or name is a value; an empty number is a forgotten one.
        if (def.type == KeyType::String || def.type == KeyType::Path) {
            return checkValue(def, "", canonical);
        }
        return fillText(config_text::kNoValueExpected, {typeDescription(def)});
    }
    if (def.type == KeyType::IntList && value.IsSequence()) {
        return checkListNode(def, value, canonical, at);
    }
    if (!value.IsScalar())
        return fillText(config_text::kMustBeGot, {typeDescription(def), shapeName(value)});
    return checkValue(def, value.Scalar(), canonical);
}

void validateConfigTree(const YAML::Node& root, const std::string& fileName, LoadedConfig& config,
                        std::map<std::string, TextPosition>& valuePositions) {
    TreeWalker(fileName, config, valuePositions).walkRoot(root);
}

}  // namespace tb
