#pragma once
// The draws of a random sweep, reproducible from the seed on every platform: std::mt19937_64
// (its output is fixed by the standard) with our own conversions, not std::*_distribution
// (whose algorithms are the library's choice).

#include <cstdint>
#include <random>
#include <string>

#include "core/sweep/sweep_spec.h"

namespace tb {

class SweepDraws {
public:
    explicit SweepDraws(uint64_t seed) : m_engine(seed) {}

    double unit();  // uniform in [0, 1): the top 53 bits of one engine output
    // One value for `param`, as canonical text (schema keys through the schema's check). Takes
    // exactly one unit() per call, whatever the distribution.
    std::string draw(const SweepParameter& param);

private:
    std::mt19937_64 m_engine;
};

// `value` rounded to 6 significant digits with exact powers of ten, so a drawn learning rate
// reads 0.000316228 and one ulp of difference between C libraries' exp/log does not show.
double roundToSignificant(double value);

}  // namespace tb
