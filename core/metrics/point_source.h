// PointSource: read access to one series as (x, y) points sorted by x, for LOD and smoothing.
#pragma once

#include <cstddef>

namespace tb {

// An interface rather than a concrete store type, so MinMaxLod and EmaSmoother can be tested
// on plain vectors and also run over derived series (a smoothed curve) later.
class PointSource {
public:
    virtual ~PointSource() = default;
    virtual std::size_t size() const = 0;
    virtual double x(std::size_t i) const = 0;
    virtual double y(std::size_t i) const = 0;
};

}  // namespace tb
