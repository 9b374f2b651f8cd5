// EmaSmoother: TensorBoard-style debiased exponential moving average of a series, incremental.
#pragma once

#include <cstddef>

#include "chunked_column.h"
#include "point_source.h"

namespace tb {

// smoothed_i = last_i / (1 - w^n), last_i = w * last_{i-1} + (1 - w) * y_i, n = finite points
// so far. The division removes the pull towards the zero start, so the curve begins at the
// first value instead of rising from 0. Non-finite inputs leave the state untouched and get a
// NaN output, which a plot draws as a gap.
class EmaSmoother {
public:
    explicit EmaSmoother(double weight = 0.6);

    double weight() const { return m_weight; }
    void setWeight(double weight);  // clamped to [0, 1); forgets all points (caller re-updates)

    double add(double y);                    // smooths one more point, returns its value
    void update(const PointSource& source);  // smooths the points appended since the last call
    void clear();

    std::size_t size() const { return m_values.size(); }
    double value(std::size_t i) const { return m_values[i]; }

private:
    double m_weight;
    double m_last = 0;
    double m_weightPower = 1;  // w^n, kept as a running product instead of a pow() per point
    ChunkedColumn<double> m_values;
};

// The smoothed curve as a series in its own right (x from the raw series), e.g. for MinMaxLod.
class SmoothedSeries : public PointSource {
public:
    SmoothedSeries(const PointSource& raw, const EmaSmoother& smoother)
        : m_raw(raw), m_smoother(smoother) {}
    std::size_t size() const override { return m_smoother.size(); }
    double x(std::size_t i) const override { return m_raw.x(i); }
    double y(std::size_t i) const override { return m_smoother.value(i); }

private:
    const PointSource& m_raw;
    const EmaSmoother& m_smoother;
};

}  // namespace tb
