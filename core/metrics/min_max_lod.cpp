// MinMaxLod: incremental min/max pyramid and per-pixel-column queries over it.
#include "min_max_lod.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tb {

namespace {
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();

int columnOf(double x, double x0, double x1, int columns) {
    const int c = static_cast<int>(std::floor((x - x0) / (x1 - x0) * columns));
    return c < columns ? c : columns - 1;
}
}  // namespace

// Strict comparisons while walking left to right keep the first occurrence on ties, which is
// what makes the result identical to a plain scan.
struct MinMaxLod::Extremes {
    double min = kInf;
    double max = -kInf;
    std::size_t argMin = kNone;
    std::size_t argMax = kNone;

    void add(double v, std::size_t i) {
        if (v < min) min = v, argMin = i;
        if (v > max) max = v, argMax = i;
    }
    void add(const Block& b) {
        if (b.argMin != kNone && b.min < min) min = b.min, argMin = b.argMin;
        if (b.argMax != kNone && b.max > max) max = b.max, argMax = b.argMax;
    }
};

MinMaxLod::MinMaxLod() : m_levels(kLevels) {
}

void MinMaxLod::clear() {
    m_levels.assign(kLevels, {});
    m_count = 0;
}

void MinMaxLod::update(const PointSource& source) {
    const std::size_t n = source.size();
    for (std::size_t i = m_count; i < n; ++i) {
        const double v = source.y(i);
        const bool finite = std::isfinite(v);
        for (unsigned k = 0; k < kLevels; ++k) {
            auto& blocks = m_levels[k];
            const std::size_t b = i >> (kLevelShift * (k + 1));
            if (b == blocks.size()) blocks.push_back({kInf, -kInf, kNone, kNone});
            if (!finite) continue;
            Block& block = blocks[b];
            const auto index = static_cast<std::uint32_t>(i);
            if (v < block.min) block.min = v, block.argMin = index;
            if (v > block.max) block.max = v, block.argMax = index;
        }
    }
    m_count = n;
}

void MinMaxLod::rangeExtremes(const PointSource& source, std::size_t begin, std::size_t end,
                              Extremes& out) const {
    std::size_t i = begin;
    while (i < end) {
        // The largest block that starts at i and fits in the range; else one raw point.
        int level = static_cast<int>(kLevels) - 1;
        for (; level >= 0; --level) {
            const std::size_t blockSize = std::size_t(1) << (kLevelShift * (level + 1));
            if ((i & (blockSize - 1)) == 0 && i + blockSize <= end) break;
        }
        if (level < 0) {
            const double v = source.y(i);
            if (std::isfinite(v)) out.add(v, i);
            ++i;
        } else {
            const unsigned shift = kLevelShift * (level + 1);
            out.add(m_levels[level][i >> shift]);
            i += std::size_t(1) << shift;
        }
    }
}

std::vector<LodPoint> MinMaxLod::query(const PointSource& source, double x0, double x1,
                                       int columns) const {
    std::vector<LodPoint> points;
    if (columns <= 0 || !(x1 > x0) || m_count == 0) return points;
    const std::size_t n = m_count;  // points not yet summarised are not shown
    // First index in [from, limit) whose x satisfies `past` (else limit), x being sorted.
    // Galloping from `from` keeps the cost logarithmic in the column's points, not in n.
    auto firstWhere = [&](std::size_t from, std::size_t limit, auto past) {
        std::size_t lo = from, step = 1, hi = from;
        while (hi < limit && !past(source.x(hi))) lo = hi + 1, hi += step, step *= 2;
        if (hi > limit) hi = limit;
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (past(source.x(mid)))
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    };
    std::size_t i = firstWhere(0, n, [&](double x) { return x >= x0; });
    const std::size_t last = firstWhere(i, n, [&](double x) { return x > x1; });
    points.reserve(2 * static_cast<std::size_t>(columns));
    while (i < last) {
        const int column = columnOf(source.x(i), x0, x1, columns);
        const std::size_t end =
            firstWhere(i, last, [&](double x) { return columnOf(x, x0, x1, columns) > column; });
        Extremes e;
        rangeExtremes(source, i, end, e);
        if (e.argMin != kNone) {
            const std::size_t first = std::min(e.argMin, e.argMax);
            const std::size_t second = std::max(e.argMin, e.argMax);
            points.push_back({source.x(first), source.y(first), first});
            if (second != first) points.push_back({source.x(second), source.y(second), second});
        }
        i = end;
    }
    return points;
}

std::size_t MinMaxLod::bytesHeld() const {
    std::size_t bytes = m_levels.capacity() * sizeof(std::vector<Block>);
    for (const auto& blocks : m_levels) bytes += blocks.capacity() * sizeof(Block);
    return bytes;
}

}  // namespace tb
