// setValueInText: sets one key in YAML text and leaves every other byte as the user wrote it.
#include <vector>

#include "config_file.h"
#include "config_text.h"
#include "message_text.h"
#include "yaml_text_scan.h"

namespace tb {
namespace {

bool isFlow(const YAML::Node& node) {
    return node.Style() == YAML::EmitterStyle::Flow;
}

std::vector<std::string> splitPath(std::string_view path) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t dot = path.find('.', start);
        parts.emplace_back(path.substr(start, dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return parts;
}

// The indentation step the file already uses for nested sections, so inserted ones match.
int indentStep(const YAML::Node& root) {
    if (root.IsMap()) {
        for (const auto& pair : root) {
            if (pair.second.IsMap() && !isFlow(pair.second) && pair.second.size() > 0) {
                const int step = pair.second.Mark().column - pair.first.Mark().column;
                if (step > 0) return step;
            }
        }
    }
    return 2;
}

// A replacement for an old quoted scalar keeps the user's quote style.
std::string inQuoteStyle(std::string_view oldText, std::string_view value) {
    const char quote = oldText.empty() ? 0 : oldText.front();
    const char first = value.empty() ? 0 : value.front();
    if ((quote != '"' && quote != '\'') || first == '"' || first == '\'' || first == '[' ||
        first == '{') {
        return std::string(value);
    }
    std::string out(1, quote);
    for (char c : value) {
        if (quote == '"' && (c == '"' || c == '\\')) out += '\\';
        if (quote == '\'' && c == '\'') out += '\'';
        out += c;
    }
    return out + quote;
}

std::string blockEntry(const std::vector<std::string>& keys, size_t from, int indent, int step,
                       std::string_view value, const std::string& newline) {
    std::string out;
    for (size_t i = from; i < keys.size(); ++i) {
        if (i > from) out += newline;
        out += std::string(indent + (i - from) * step, ' ') + keys[i] + ":";
        if (i + 1 == keys.size()) out += " " + std::string(value);
    }
    return out;
}

std::string flowEntry(const std::vector<std::string>& keys, size_t from, std::string_view value) {
    if (from + 1 == keys.size()) return keys[from] + ": " + std::string(value);
    return keys[from] + ": {" + flowEntry(keys, from + 1, value) + "}";
}

std::string spliced(std::string_view text, size_t begin, size_t end, std::string_view piece) {
    return std::string(text.substr(0, begin)) + std::string(piece) + std::string(text.substr(end));
}

// Where the walk down the key path stopped.
struct Stop {
    YAML::Node section;     // the deepest section that exists (the root at first)
    YAML::Node sectionKey;  // its key node; undefined for the root
    bool sectionInFlow = false;
    size_t found = 0;       // how many leading keys exist
    YAML::Node key, value;  // the last key found and its value
};

Result<std::string> replaceValue(std::string_view text, const Stop& stop, std::string_view value) {
    const size_t colon = afterKeyColon(text, stop.key.Mark().pos, stop.sectionInFlow);
    if (stop.value.IsNull()) {
        const auto [begin, end] = emptyValueSpan(text, colon, stop.sectionInFlow);
        return spliced(text, begin, end, begin == end ? " " + std::string(value) : value);
    }
    const size_t end = nodeEnd(text, stop.value, stop.sectionInFlow);
    if ((stop.value.IsMap() || stop.value.IsSequence()) && !isFlow(stop.value)) {
        // A block collection becomes the flow value on the key's own line.
        return spliced(text, colon, end, " " + std::string(value));
    }
    const size_t begin = stop.value.Mark().pos;
    return spliced(text, begin, end, inQuoteStyle(text.substr(begin, end - begin), value));
}

Result<std::string> insertValue(std::string_view text, const YAML::Node& root, const Stop& stop,
                                const std::vector<std::string>& keys, std::string_view value) {
    const std::string newline = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    const int step = indentStep(root);
    const YAML::Node& section = stop.section;
    if (stop.found == 0 && !(section.IsMap() && isFlow(section))) {
        // A new top-level key goes at the very end of the file.
        const bool needsNewline = !text.empty() && text.back() != '\n';
        return std::string(text) + (needsNewline ? newline : "") +
               blockEntry(keys, 0, 0, step, value, newline) + newline;
    }
    if (section.IsMap() && isFlow(section)) {
        size_t close = nodeEnd(text, section, stop.sectionInFlow) - 1;
        size_t at = close;
        while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
        const bool empty = text[at - 1] == '{';
        return spliced(text, at, at, (empty ? "" : ", ") + flowEntry(keys, stop.found, value));
    }
    if (section.IsMap()) {
        YAML::const_iterator last = section.begin();
        for (auto it = section.begin(); it != section.end(); ++it) last = it;
        const size_t end = last->second.IsNull()
                               ? afterKeyColon(text, last->first.Mark().pos, false)
                               : nodeEnd(text, last->second, false);
        const size_t at = lineEndAt(text, end);
        const int indent = section.Mark().column;
        return spliced(text, at, at,
                       newline + blockEntry(keys, stop.found, indent, step, value, newline));
    }
    if (section.IsNull()) {
        const size_t at = lineEndAt(text, stop.sectionKey.Mark().pos);
        const int indent = stop.sectionKey.Mark().column + step;
        return spliced(text, at, at,
                       newline + blockEntry(keys, stop.found, indent, step, value, newline));
    }
    return fail(fillText(config_text::kCannotAddKey, {keys[stop.found]}));
}

}  // namespace

Result<std::string> setValueInText(std::string_view text, std::string_view keyPath,
                                   std::string_view valueText) {
    if (valueText.find_first_of("\r\n") != std::string_view::npos) {
        return fail(fillText(config_text::kOneLineValue, {keyPath}));
    }
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& error) {
        return fail(fillText(config_text::kCannotEditBroken,
                             {std::to_string(error.mark.line + 1),
                              std::to_string(error.mark.column + 1), error.msg}));
    }
    const std::vector<std::string> keys = splitPath(keyPath);
    for (const std::string& key : keys) {
        if (key.empty()) return fail(fillText(config_text::kNotKeyPath, {keyPath}));
    }

    // YAML::Node's operator= writes into the node it refers to; reset() rebinds, so the walk
    // uses reset() and never changes the tree.
    Stop stop;
    stop.section.reset(root);
    bool exists = false;
    for (; stop.found < keys.size(); ++stop.found) {
        if (!stop.section.IsMap()) break;
        stop.sectionInFlow = stop.sectionInFlow || isFlow(stop.section);
        bool present = false;
        for (const auto& pair : stop.section) {
            if (pair.first.IsScalar() && pair.first.Scalar() == keys[stop.found]) {
                stop.key.reset(pair.first);
                stop.value.reset(pair.second);
                present = true;
            }
        }
        if (!present) break;
        if (stop.found + 1 == keys.size()) {
            exists = true;
            break;
        }
        stop.sectionKey.reset(stop.key);
        stop.section.reset(stop.value);
    }
    Result<std::string> edited = exists ? replaceValue(text, stop, valueText)
                                        : insertValue(text, root, stop, keys, valueText);
    if (!edited) return edited;

    // The edit is only done when the new text reads back with the new value; a value that
    // needs quoting in this spot is refused rather than written wrongly.
    try {
        YAML::Node check = YAML::Load(*edited);
        for (const std::string& key : keys) {
            if (!check.IsMap()) return fail(fillText(config_text::kNotWritten, {keyPath}));
            check.reset(check[key]);
        }
        if (!check.IsDefined() ||
            YAML::Dump(check) != YAML::Dump(YAML::Load(std::string(valueText)))) {
            return fail(fillText(config_text::kQuoteIt, {valueText, keyPath}));
        }
    } catch (const YAML::Exception& error) {
        return fail(fillText(config_text::kWouldBreakYaml, {keyPath, valueText, error.msg}));
    }
    return edited;
}

}  // namespace tb
