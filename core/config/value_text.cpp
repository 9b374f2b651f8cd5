// Parsing and printing of canonical value text; see value_text.h.
#include "value_text.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "core/protocol/number_text.h"

namespace tb {

std::string expandHome(const std::string& path) {
    const char* home = std::getenv("HOME");
    if (!home || (path != "~" && path.rfind("~/", 0) != 0)) return path;
    return (std::filesystem::path(home) / path.substr(path.size() > 1 ? 2 : 1)).string();
}

std::string_view trimmed(std::string_view text) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return text;
}

std::optional<int64_t> parseInt(std::string_view text) {
    text = trimmed(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<double> parseFloat(std::string_view text) {
    text = trimmed(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0;
    const auto [end, ec] = parseDouble(text.data(), text.data() + text.size(), value);
    // parseDouble also reads "inf" and "nan"; no config value means either.
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<bool> parseBool(std::string_view text) {
    text = trimmed(text);
    // The YAML 1.1 spellings yaml-cpp itself accepts, so a file that reads as a bool in other
    // YAML tools reads as one here too.
    for (std::string_view yes : {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}) {
        if (text == yes) return true;
    }
    for (std::string_view no : {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"}) {
        if (text == no) return false;
    }
    return std::nullopt;
}

std::optional<std::vector<int64_t>> parseIntList(std::string_view text) {
    text = trimmed(text);
    if (text.size() < 2 || text.front() != '[' || text.back() != ']') return std::nullopt;
    text = trimmed(text.substr(1, text.size() - 2));
    std::vector<int64_t> values;
    if (text.empty()) return values;
    while (true) {
        const size_t comma = text.find(',');
        const auto value = parseInt(text.substr(0, comma));
        if (!value) return std::nullopt;
        values.push_back(*value);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return values;
}

std::string formatFloat(double value) {
    return formatDouble(value);
}

std::string formatIntList(const std::vector<int64_t>& values) {
    std::string text = "[";
    for (size_t i = 0; i < values.size(); ++i) {
        if (i > 0) text += ", ";
        text += std::to_string(values[i]);
    }
    return text + "]";
}

}  // namespace tb
