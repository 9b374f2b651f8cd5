// EmaSmoother: debiased EMA, one point at a time.
#include "ema_smoother.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tb {

EmaSmoother::EmaSmoother(double weight) {
    setWeight(weight);
}

void EmaSmoother::setWeight(double weight) {
    // w = 1 would never move and divide by zero; NaN is treated as "no smoothing".
    m_weight = std::isnan(weight) ? 0.0 : std::clamp(weight, 0.0, std::nextafter(1.0, 0.0));
    clear();
}

void EmaSmoother::clear() {
    m_last = 0;
    m_weightPower = 1;
    m_values.clear();
}

double EmaSmoother::add(double y) {
    double smoothed = std::numeric_limits<double>::quiet_NaN();
    if (std::isfinite(y)) {
        m_last = m_last * m_weight + (1 - m_weight) * y;
        m_weightPower *= m_weight;
        smoothed = m_last / (1 - m_weightPower);
    }
    m_values.push(smoothed);
    return smoothed;
}

void EmaSmoother::update(const PointSource& source) {
    for (std::size_t i = m_values.size(); i < source.size(); ++i) add(source.y(i));
}

}  // namespace tb
