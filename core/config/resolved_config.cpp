// The resolved-config line format: writer and validating reader (std only).
#include "resolved_config.h"

#include <set>

#include "config_limits.h"
#include "unknown_keys.h"
#include "value_text.h"

namespace tb {
namespace {

bool isText(KeyType type) {
    return type == KeyType::String || type == KeyType::Path || type == KeyType::Choice;
}

std::string quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '"':
                out += "\\\"";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += c;
        }
    }
    return out + "\"";
}

// Reads a double-quoted string that must make up the whole of `text`; "" on success.
std::string unquote(std::string_view text, std::string& out) {
    out.clear();
    for (size_t i = 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            if (i + 1 != text.size()) return "unexpected text after the closing quote";
            return {};
        }
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i == text.size()) break;
        switch (text[i]) {
            case '\\':
                out += '\\';
                break;
            case '"':
                out += '"';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            default:
                return std::string("unknown escape \\") + text[i];
        }
    }
    return "missing closing quote";
}

std::string_view firstLine(std::string_view text) {
    const size_t end = text.find('\n');
    return trimmed(text.substr(0, end));
}

}  // namespace

bool looksLikeResolvedConfig(std::string_view text) {
    return firstLine(text).substr(0, kResolvedConfigHeader.size() - 1) ==
           kResolvedConfigHeader.substr(0, kResolvedConfigHeader.size() - 1);
}

std::string writeResolvedConfig(const ConfigValues& values) {
    std::string out(kResolvedConfigHeader);
    out += '\n';
    for (const KeyDef& def : configSchema()) {
        const auto it = values.find(def.path);
        const std::string& value = it != values.end() ? it->second : def.defaultValue;
        out += def.path + " = " + (isText(def.type) ? quote(value) : value) + "\n";
    }
    return out;
}

Result<ConfigValues> readResolvedConfig(std::string_view text, const std::string& fileName) {
    if (text.size() > kMaxConfigBytes) return fail(configTooLarge(fileName, text.size()));
    if (!looksLikeResolvedConfig(text)) {
        return fail(fileName + ":1: not a trainbench resolved config (the first line must be '" +
                    std::string(kResolvedConfigHeader) + "')");
    }
    if (firstLine(text) != kResolvedConfigHeader) {
        return fail(fileName + ":1: resolved config version '" + std::string(firstLine(text)) +
                    "' is not supported; this trainer reads version 1 (update the trainer)");
    }
    ConfigValues values = defaultValues();
    std::set<std::string> seen;
    std::string errors;
    const auto report = [&](int line, const std::string& message) {
        errors +=
            (errors.empty() ? "" : "\n") + fileName + ":" + std::to_string(line) + ": " + message;
    };

    UnknownKeyCap unknownKeys;
    int firstUnlistedLine = 0;
    int lineNumber = 0;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = trimmed(text.substr(start, end - start));
        start = end + 1;
        ++lineNumber;
        if (line.empty() || line.front() == '#') continue;

        const size_t equals = line.find('=');
        if (equals == std::string_view::npos) {
            report(lineNumber, "expected 'key = value', got '" + std::string(line) + "'");
            continue;
        }
        const std::string key(trimmed(line.substr(0, equals)));
        const std::string_view rawValue = trimmed(line.substr(equals + 1));
        const KeyDef* def = findKey(key);
        if (!def) {
            if (unknownKeys.listNext()) {
                report(lineNumber, unknownKeyMessage(key));
            } else if (unknownKeys.unlisted() == 1) {
                firstUnlistedLine = lineNumber;
            }
            continue;
        }
        if (!seen.insert(key).second) {
            report(lineNumber, "duplicate key '" + key + "'");
            continue;
        }
        std::string value(rawValue);
        if (!rawValue.empty() && rawValue.front() == '"') {
            const std::string problem = unquote(rawValue, value);
            if (!problem.empty()) {
                report(lineNumber, key + ": " + problem);
                continue;
            }
        }
        std::string canonical;
        const std::string problem = checkValue(*def, value, canonical);
        if (!problem.empty()) {
            report(lineNumber, key + " " + problem);
            continue;
        }
        values[key] = canonical;
    }
    if (unknownKeys.unlisted() > 0) report(firstUnlistedLine, unknownKeys.summary());
    if (!errors.empty()) return fail(errors);
    return values;
}

}  // namespace tb
