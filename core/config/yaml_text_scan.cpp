// Finds where YAML nodes end in raw text; see yaml_text_scan.h.
#include "yaml_text_scan.h"

namespace tb {
namespace {

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

size_t quotedEnd(std::string_view text, size_t start) {
    const char quote = text[start];
    for (size_t i = start + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') {
            ++i;
        } else if (text[i] == quote) {
            // In single quotes '' is an escaped quote, not the end.
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i;
                continue;
            }
            return i + 1;
        }
    }
    return text.size();
}

size_t flowEnd(std::string_view text, size_t start) {
    int depth = 0;
    for (size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"' || c == '\'') {
            i = quotedEnd(text, i) - 1;
        } else if (c == '#' && i > 0 && (isBlank(text[i - 1]) || text[i - 1] == '\n')) {
            i = lineEndAt(text, i) - 1;  // comments may sit inside a multi-line flow collection
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if ((c == ']' || c == '}') && --depth == 0) {
            return i + 1;
        }
    }
    return text.size();
}

size_t plainEnd(std::string_view text, size_t start, bool inFlow) {
    size_t end = start;
    for (; end < text.size(); ++end) {
        const char c = text[end];
        if (c == '\n' || c == '\r') break;
        if (c == '#' && end > start && isBlank(text[end - 1])) break;
        if (inFlow && (c == ',' || c == ']' || c == '}')) break;
    }
    while (end > start && isBlank(text[end - 1])) --end;
    return end;
}

}  // namespace

size_t lineEndAt(std::string_view text, size_t pos) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) return text.size();
    if (end > pos && text[end - 1] == '\r') --end;
    return end;
}

size_t tokenEnd(std::string_view text, size_t start, bool inFlow) {
    if (start >= text.size()) return text.size();
    const char c = text[start];
    if (c == '"' || c == '\'') return quotedEnd(text, start);
    if (c == '[' || c == '{') return flowEnd(text, start);
    return plainEnd(text, start, inFlow);
}

size_t nodeEnd(std::string_view text, const YAML::Node& node, bool inFlow) {
    const size_t start = node.Mark().pos;
    if (node.IsScalar() || node.Style() == YAML::EmitterStyle::Flow) {
        return tokenEnd(text, start, inFlow);
    }
    if (node.IsSequence() && node.size() > 0) {
        const YAML::Node last = node[node.size() - 1];
        return last.IsNull() ? lineEndAt(text, start) : nodeEnd(text, last, false);
    }
    if (node.IsMap() && node.size() > 0) {
        YAML::const_iterator last = node.begin();
        for (auto it = node.begin(); it != node.end(); ++it) last = it;
        if (last->second.IsNull()) {
            const size_t colon = afterKeyColon(text, last->first.Mark().pos, false);
            return emptyValueSpan(text, colon, false).second;
        }
        return nodeEnd(text, last->second, false);
    }
    return tokenEnd(text, start, inFlow);
}

size_t afterKeyColon(std::string_view text, size_t keyStart, bool inFlow) {
    size_t pos = keyStart;
    if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
        pos = quotedEnd(text, pos);
    }
    // A plain key ends at the first ':' followed by a blank, a line end or (in flow) a bracket.
    for (; pos < text.size(); ++pos) {
        if (text[pos] != ':') continue;
        const char next = pos + 1 < text.size() ? text[pos + 1] : '\n';
        if (isBlank(next) || next == '\n' || next == '\r' ||
            (inFlow && (next == ',' || next == '}' || next == ']'))) {
            return pos + 1;
        }
    }
    return text.size();
}

std::pair<size_t, size_t> emptyValueSpan(std::string_view text, size_t from, bool inFlow) {
    size_t begin = from;
    while (begin < text.size() && isBlank(text[begin])) ++begin;
    const char c = begin < text.size() ? text[begin] : '\n';
    if (c == '\n' || c == '\r' || c == '#' || (inFlow && (c == ',' || c == '}'))) {
        return {from, from};
    }
    return {begin, tokenEnd(text, begin, inFlow)};
}

}  // namespace tb
