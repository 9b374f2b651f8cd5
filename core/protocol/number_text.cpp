// Locale-free double text; see number_text.h.
#include "number_text.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <locale.h>

namespace tb {
namespace {

// Makes "C" the calling thread's locale while it lives: uselocale changes only this thread,
// so a GUI thread showing German numbers is left alone.
class CLocaleScope {
public:
    CLocaleScope() : m_previous(uselocale(cLocale())) {}
    ~CLocaleScope() { uselocale(m_previous); }
    CLocaleScope(const CLocaleScope&) = delete;
    CLocaleScope& operator=(const CLocaleScope&) = delete;

private:
    static locale_t cLocale() {
        static const locale_t locale = newlocale(LC_ALL_MASK, "C", locale_t{});
        return locale;
    }
    locale_t m_previous;
};

bool isDigit(char c) { return c >= '0' && c <= '9'; }

const char* skipDigits(const char* p, const char* last) {
    while (p != last && isDigit(*p)) ++p;
    return p;
}

// Case-insensitive prefix match of an ASCII lower-case word.
bool startsWithWord(const char* p, const char* last, std::string_view word) {
    if (static_cast<size_t>(last - p) < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
        if ((p[i] | 0x20) != word[i]) return false;
    }
    return true;
}

std::from_chars_result parseInfOrNan(const char* first, const char* p, const char* last,
                                     double& value) {
    const bool negative = p != first;
    if (startsWithWord(p, last, "inf")) {
        p += startsWithWord(p, last, "infinity") ? 8 : 3;
        value = negative ? -std::numeric_limits<double>::infinity()
                         : std::numeric_limits<double>::infinity();
        return {p, std::errc()};
    }
    if (startsWithWord(p, last, "nan")) {
        p += 3;
        // "nan(chars)" as strtod and from_chars read it; an unclosed '(' is not part of it.
        if (p != last && *p == '(') {
            const char* q = p + 1;
            while (q != last && (isDigit(*q) || ((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z') || *q == '_'))
                ++q;
            if (q != last && *q == ')') p = q + 1;
        }
        value = negative ? -std::numeric_limits<double>::quiet_NaN()
                         : std::numeric_limits<double>::quiet_NaN();
        return {p, std::errc()};
    }
    return {first, std::errc::invalid_argument};
}

// The shortest digit count whose correctly rounded %e text reads back exactly: more digits
// only get closer, so the answer is found by bisection over 1..17.
std::string shortestScientific(double value) {
    char text[40];
    int low = 1, high = 17;
    std::snprintf(text, sizeof text, "%.*e", high - 1, value);
    std::string best = text;
    while (low < high) {
        const int mid = (low + high) / 2;
        std::snprintf(text, sizeof text, "%.*e", mid - 1, value);
        if (std::strtod(text, nullptr) == value) {
            best = text;
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    return best;
}

}  // namespace

namespace detail {

std::from_chars_result parseDoubleWithStrtod(const char* first, const char* last, double& value) {
    const char* p = first;
    if (p != last && *p == '-') ++p;
    const char* const digitsStart = p;
    p = skipDigits(p, last);
    size_t digits = static_cast<size_t>(p - digitsStart);
    if (p != last && *p == '.') {
        const char* const fraction = p + 1;
        const char* const end = skipDigits(fraction, last);
        digits += static_cast<size_t>(end - fraction);
        if (digits > 0) p = end;
    }
    if (digits == 0) return parseInfOrNan(first, digitsStart, last, value);
    if (p != last && (*p == 'e' || *p == 'E')) {
        const char* q = p + 1;
        if (q != last && (*q == '+' || *q == '-')) ++q;
        if (q != last && isDigit(*q)) p = skipDigits(q, last);
    }
    // strtod needs a terminated string, and is handed exactly the text checked above so it
    // cannot read hex floats or anything past it.
    const std::string text(first, p);
    const CLocaleScope c;
    errno = 0;
    char* end = nullptr;
    const double parsed = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return {first, std::errc::invalid_argument};
    if (errno == ERANGE && (parsed == 0 || std::isinf(parsed))) return {p, std::errc::result_out_of_range};
    value = parsed;
    return {p, std::errc()};
}

std::string formatDoubleWithPrintf(double value) {
    if (std::isnan(value)) return std::signbit(value) ? "-nan" : "nan";
    if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
    const CLocaleScope c;
    // "-d.ddde±XX": split into sign, digits without trailing zeros, and decimal exponent.
    const std::string sci = shortestScientific(value);
    const bool negative = sci[0] == '-';
    const size_t mark = sci.find('e');
    std::string digits;
    for (size_t i = negative ? 1 : 0; i < mark; ++i) {
        if (sci[i] != '.') digits += sci[i];
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    const int exponent = std::atoi(sci.c_str() + mark + 1);
    const int count = static_cast<int>(digits.size());

    std::string scientific = digits.substr(0, 1);
    if (count > 1) scientific += "." + digits.substr(1);
    char exponentText[8];
    std::snprintf(exponentText, sizeof exponentText, "e%c%02d", exponent < 0 ? '-' : '+',
                  std::abs(exponent));
    scientific += exponentText;

    std::string fixed;
    if (exponent < 0) {
        fixed = "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
    } else if (count <= exponent + 1) {
        // An integer: to_chars writes its exact digits (the text nearest the value), which
        // past 2^53 are not the shortest digits padded with zeros. Same length either way.
        char integer[320];
        std::snprintf(integer, sizeof integer, "%.0f", std::fabs(value));
        fixed = integer;
    } else {
        fixed = digits.substr(0, static_cast<size_t>(exponent + 1)) + "." +
                digits.substr(static_cast<size_t>(exponent + 1));
    }
    // As to_chars: the shorter of the two, fixed on a tie.
    return (negative ? "-" : "") + (fixed.size() <= scientific.size() ? fixed : scientific);
}

double shortestDoubleOfFloatWithPrintf(float value) {
    if (!std::isfinite(value)) return value;
    const CLocaleScope c;
    char text[32];
    for (int digits = 1; digits < 9; ++digits) {
        std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(value));
        const double shorter = std::strtod(text, nullptr);
        if (static_cast<float>(shorter) == value) return shorter;
    }
    return value;
}

}  // namespace detail

#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L

double shortestDoubleOfFloat(float value) {
    if (!std::isfinite(value)) return value;
    char text[32];
    const auto written = std::to_chars(text, text + sizeof text, value);
    double shorter = value;
    if (written.ec == std::errc()) std::from_chars(text, written.ptr, shorter);
    return shorter;
}

std::from_chars_result parseDouble(const char* first, const char* last, double& value) {
    return std::from_chars(first, last, value);
}

std::string formatDouble(double value) {
    char text[32];
    const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
    return std::string(text, ec == std::errc() ? end : text);
}

#else

std::from_chars_result parseDouble(const char* first, const char* last, double& value) {
    return detail::parseDoubleWithStrtod(first, last, value);
}

std::string formatDouble(double value) {
    return detail::formatDoubleWithPrintf(value);
}

double shortestDoubleOfFloat(float value) {
    return detail::shortestDoubleOfFloatWithPrintf(value);
}

#endif

}  // namespace tb
