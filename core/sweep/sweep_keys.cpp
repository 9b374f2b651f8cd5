// The keys of a sweep's parameters and listed trials (config keys or script placeholders) and
// their values, checked against the schema exactly as a config's are.
#include <cctype>

#include "core/config/config_text.h"
#include "core/sweep/sweep_text.h"
#include "core/sweep/sweep_yaml.h"

namespace tb {
namespace {

// As a script command's {name} is written (runs/script_command.cpp), so the name can be filled.
bool isPlaceholderName(const std::string& name) {
    const auto start = [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
    };
    const auto inner = [&](char c) {
        return start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '.';
    };
    if (name.empty() || !start(name.front()) || name.back() == '.') return false;
    for (const char c : name) {
        if (!inner(c)) return false;
    }
    return true;
}

std::string firstKeyOf(const std::string& section) {
    for (const KeyDef& def : configSchema()) {
        if (def.path.rfind(section + ".", 0) == 0) return def.path;
    }
    return section + ".KEY";
}

// Returns "" and fills `key`, or what is wrong with the key's text.
std::string parseKey(const std::string& text, ParameterKey& key) {
    if (!text.empty() && text.front() == '{') {
        if (text.size() < 3 || text.back() != '}') {
            return fillText(sweep_text::kNotPlaceholder, {shownText(text)});
        }
        key.name = text.substr(1, text.size() - 2);
        if (!isPlaceholderName(key.name)) {
            return fillText(sweep_text::kPlaceholderName, {shownText(text)});
        }
        if (findKey(key.name)) {
            return fillText(sweep_text::kPlaceholderIsConfigKey, {text, key.name});
        }
        key.placeholder = true;
        return {};
    }
    key.name = text;
    key.def = findKey(text);
    if (key.def) return {};
    if (isConfigSection(text)) {
        return fillText(sweep_text::kKeyIsSection, {text, firstKeyOf(text)});
    }
    return fillText(sweep_text::kUnknownParameterKey, {unknownKeyMessage(text)});
}

}  // namespace

// The parameter's key from a YAML key node, or a diagnostic and false.
bool readParameterKey(const YAML::Node& node, SweepReport& report, ParameterKey& key) {
    const TextPosition at = positionOf(node.Mark());
    if (!node.IsScalar()) {
        report.add(at, "", fillText(sweep_text::kKeysMustBeKeys, {nodeShape(node)}));
        return false;
    }
    const std::string problem = parseKey(node.Scalar(), key);
    if (problem.empty()) return true;
    report.add(at, node.Scalar(), problem);
    return false;
}

// Checks one value; "" with `canonical` set, else the message and `at` the offending node.
std::string checkParameterValue(const ParameterKey& key, const YAML::Node& value,
                                TextPosition keyAt, std::string& canonical, TextPosition& at) {
    if (key.def) {
        const std::string problem = checkValueNode(*key.def, value, keyAt, canonical, at);
        return problem.empty() ? problem : fillText(config_text::kKeyProblem, {key.name, problem});
    }
    at = value.IsNull() ? keyAt : positionOf(value.Mark());
    const std::string name = "{" + key.name + "}";
    if (value.IsNull()) return fillText(sweep_text::kPlaceholderNoValue, {name});
    if (!value.IsScalar())
        return fillText(sweep_text::kPlaceholderTakesText, {name, nodeShape(value)});
    const std::string& text = value.Scalar();
    if (text.size() > kMaxPlaceholderText) {
        return fillText(sweep_text::kPlaceholderTooLong,
                        {name, std::to_string(text.size()), std::to_string(kMaxPlaceholderText)});
    }
    if (text.find_first_of(std::string("\n\r\0", 3)) != std::string::npos) {
        return fillText(sweep_text::kPlaceholderOneLine, {name});
    }
    canonical = text;
    return {};
}

}  // namespace tb
