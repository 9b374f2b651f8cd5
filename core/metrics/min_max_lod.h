// MinMaxLod: min/max level of detail, so a plot draws ~2 points per pixel column at any zoom.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "point_source.h"

namespace tb {

struct LodPoint {
    double x;
    double y;
    std::size_t index;  // in the source
};

// A pyramid of min/max blocks over the point index (blocks of 64, 4096, ... points) answers
// the min and max of any index range in O(64 · levels) instead of O(range), so a query costs
// about O(W · (64 · levels + log n)) whatever the zoom. The pyramid depends only on y, so
// switching the x axis (step, epoch, time) needs no rebuild as long as x stays sorted.
//
// Query contract (what the brute-force reference in the tests computes):
//  - only points with x0 <= x <= x1 and finite y count; x must be non-decreasing;
//  - a point's column is floor((x - x0) / (x1 - x0) * columns), x == x1 going to the last;
//  - per non-empty column, the first minimum and the first maximum (lowest index on ties),
//    in index order; one point when they coincide.
class MinMaxLod {
public:
    static constexpr unsigned kLevelShift = 6;  // 64 children per block
    static constexpr unsigned kLevels = 5;      // 64 ... 64^5 = 2^30 points per block

    MinMaxLod();

    // Summarises the points appended to `source` since the last call (same source each time).
    void update(const PointSource& source);
    void clear();
    std::size_t size() const { return m_count; }

    [[nodiscard]] std::vector<LodPoint> query(const PointSource& source, double x0, double x1,
                                              int columns) const;
    std::size_t bytesHeld() const;

private:
    struct Block {
        double min;
        double max;
        std::uint32_t argMin;
        std::uint32_t argMax;
    };
    struct Extremes;
    void rangeExtremes(const PointSource& source, std::size_t begin, std::size_t end,
                       Extremes& out) const;

    std::vector<std::vector<Block>> m_levels;  // m_levels[k]: blocks of 64^(k+1) points
    std::size_t m_count = 0;
};

}  // namespace tb
