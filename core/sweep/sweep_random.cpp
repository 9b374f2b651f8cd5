// Draws of a random sweep; see sweep_random.h.
#include "core/sweep/sweep_random.h"

#include <algorithm>
#include <cmath>

#include "core/config/schema.h"
#include "core/config/value_text.h"

namespace tb {
namespace {

// Every one is exact in binary64, so scaling by them adds no error of its own.
constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr int kMaxPower = 22;

// The value as the schema writes it (a placeholder has no key: the shortest text).
std::string canonicalText(const SweepParameter& param, const std::string& text) {
    const KeyDef* def = param.placeholder ? nullptr : findKey(param.key);
    std::string canonical;
    if (def && checkValue(*def, text, canonical).empty()) return canonical;
    return text;
}

std::string floatText(const SweepParameter& param, double value) {
    const double rounded = std::clamp(roundToSignificant(value), param.low, param.high);
    return canonicalText(param, formatFloat(rounded));
}

int64_t intInRange(int64_t low, int64_t high, double u) {
    // Unsigned arithmetic: the span of [INT64_MIN, INT64_MAX] does not fit an int64.
    const uint64_t spanMinusOne = static_cast<uint64_t>(high) - static_cast<uint64_t>(low);
    const double scaled = u * (static_cast<double>(spanMinusOne) + 1.0);
    const uint64_t offset = scaled >= 18446744073709551615.0
                                ? spanMinusOne
                                : std::min(static_cast<uint64_t>(scaled), spanMinusOne);
    return static_cast<int64_t>(static_cast<uint64_t>(low) + offset);
}

}  // namespace

double SweepDraws::unit() {
    return static_cast<double>(m_engine() >> 11) * 0x1.0p-53;
}

std::string SweepDraws::draw(const SweepParameter& param) {
    const double u = unit();
    switch (param.distribution) {
        case SweepDistribution::Choice: {
            const size_t n = param.values.size();
            if (n == 0) return {};
            return param.values[std::min(n - 1, static_cast<size_t>(u * static_cast<double>(n)))];
        }
        case SweepDistribution::Uniform:
            return floatText(param, param.low + u * (param.high - param.low));
        case SweepDistribution::LogUniform: {
            const double low = std::log(param.low);
            const double high = std::log(param.high);
            return floatText(param, std::exp(low + u * (high - low)));
        }
        case SweepDistribution::IntRange:
            return canonicalText(param, std::to_string(intInRange(param.intLow, param.intHigh, u)));
    }
    return {};
}

double roundToSignificant(double value) {
    constexpr int kDigits = 6;
    const double magnitude = std::fabs(value);
    // 0, inf and nan stay; so do magnitudes the table cannot scale exactly.
    if (!(magnitude >= 1e-15 && magnitude < 1e22)) return value;
    int exponent = 0;  // 10^exponent <= magnitude < 10^(exponent + 1), near enough
    if (magnitude >= 1) {
        while (exponent < kMaxPower && kPowersOfTen[exponent + 1] <= magnitude) ++exponent;
    } else {
        exponent = -1;
        while (-exponent < kMaxPower && magnitude * kPowersOfTen[-exponent] < 1) --exponent;
    }
    const int shift = kDigits - 1 - exponent;  // decimal places to keep
    if (shift > kMaxPower || -shift > kMaxPower) return value;
    const double rounded =
        shift >= 0 ? std::round(magnitude * kPowersOfTen[shift]) / kPowersOfTen[shift]
                   : std::round(magnitude / kPowersOfTen[-shift]) * kPowersOfTen[-shift];
    return std::copysign(rounded, value);
}

}  // namespace tb
