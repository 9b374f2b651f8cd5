#pragma once
// Locale-free reading and writing of doubles, exact both ways. std::from_chars/to_chars for
// floating point arrived only in GCC 11, and the trainer builds on boxes with GCC 9 and 10;
// strtod/printf follow LC_NUMERIC, which Qt sets from the environment ("0,5" under de_DE).

#include <charconv>
#include <string>
#include <string_view>

namespace tb {

// Reads a double at the start of [first, last) as std::from_chars(first, last, value) does:
// no leading space or '+', '.' as the decimal point, "inf"/"nan" accepted, value untouched on
// error, result_out_of_range when the text overflows or underflows to zero.
std::from_chars_result parseDouble(const char* first, const char* last, double& value);
// The shortest text that reads back to the same double, as std::to_chars(first, last, value)
// writes it ("0.1", "1e-05", "-0", "inf").
std::string formatDouble(double value);
// The double with the fewest digits that reads back as this float: 0.31f becomes 0.31, not
// 0.3100000023841858 (values TensorBoard stored as 32-bit floats, shown as they were logged).
double shortestDoubleOfFloat(float value);

namespace detail {
// The versions built on C's strtod/snprintf under a "C" locale, used where the standard library
// lacks floating-point charconv; public so the tests can hold them to the standard ones.
std::from_chars_result parseDoubleWithStrtod(const char* first, const char* last, double& value);
std::string formatDoubleWithPrintf(double value);
double shortestDoubleOfFloatWithPrintf(float value);
}  // namespace detail

}  // namespace tb
