#pragma once
// Parsing and printing of canonical value text (ints, floats, bools, int lists). Std only;
// shared by the schema checks, the typed view and the resolved-config reader.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tb {

std::string_view trimmed(std::string_view text);
// A path's leading "~" or "~/" replaced by $HOME; any other text (or no $HOME) as it is.
std::string expandHome(const std::string& path);

// Each parser accepts the whole text or nothing: "12abc" is not an int.
std::optional<int64_t> parseInt(std::string_view text);
std::optional<double> parseFloat(std::string_view text);
std::optional<bool> parseBool(std::string_view text);
// "[1, 28, 28]" (spaces optional); nullopt when not a bracketed list of ints.
std::optional<std::vector<int64_t>> parseIntList(std::string_view text);

std::string formatFloat(double value);  // shortest text that reads back to the same double
std::string formatIntList(const std::vector<int64_t>& values);  // "[1, 28, 28]"

}  // namespace tb
