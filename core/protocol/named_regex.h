#pragma once
// Regexes with named groups on top of std::regex (ECMAScript), which has none: `(?<name>...)`
// and Python's `(?P<name>...)` are rewritten into numbered groups. Std only.

#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace tb {

struct NamedGroup {
    std::string name;  // letters, digits, '_', '/', '.'; starts with a letter or '_'
    int index = 0;     // std::smatch index
};

struct NamedRegex {
    std::string pattern;  // as the user wrote it
    std::regex regex;
    std::vector<NamedGroup> groups;  // in pattern order
};

// Errors give the 1-based character position and what to change, e.g.
// "regex 'loss=(?<x\S+)' at position 6: group name not closed by '>'".
Result<NamedRegex> compileNamedRegex(std::string_view pattern);

}  // namespace tb
