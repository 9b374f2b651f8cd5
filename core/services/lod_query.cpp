// Visible points of a series: MinMaxLod queries per segment and the off-screen neighbours.
#include "lod_query.h"

#include <algorithm>
#include <cmath>
#include <ranges>

namespace tb {

namespace {
// First index in [0, n) with x >= value (n when none).
std::size_t lowerBound(const PointSource& source, std::size_t n, double value) {
    const auto indices = std::views::iota(std::size_t{0}, n);
    const auto first =
        std::ranges::partition_point(indices, [&](std::size_t i) { return source.x(i) < value; });
    return static_cast<std::size_t>(first - indices.begin());
}

// First index in [0, n) with x > value (n when none).
std::size_t upperBound(const PointSource& source, std::size_t n, double value) {
    const auto indices = std::views::iota(std::size_t{0}, n);
    const auto first =
        std::ranges::partition_point(indices, [&](std::size_t i) { return source.x(i) <= value; });
    return static_cast<std::size_t>(first - indices.begin());
}

void appendQuery(std::vector<LodPoint>& out, const MinMaxLod& lod, const PointSource& source,
                 double x0, double x1, int columns) {
    // Segments share their boundary x; a point there must not appear twice.
    for (const LodPoint& p : lod.query(source, x0, x1, std::max(columns, 1)))
        if (out.empty() || p.index > out.back().index) out.push_back(p);
}
}  // namespace

std::vector<LodPoint> visiblePoints(const MinMaxLod& lod, const PointSource& source, double x0,
                                    double x1, int columns, bool logX) {
    std::vector<LodPoint> points;
    const std::size_t n = lod.size();
    if (n == 0 || !(x1 > x0)) return points;
    auto pointAt = [&](std::size_t i) { return LodPoint{source.x(i), source.y(i), i}; };
    const std::size_t first = lowerBound(source, n, x0);
    const std::size_t pastLast = upperBound(source, n, x1);
    if (pastLast - first <= 2 * std::size_t(std::max(columns, 1))) {
        // No more points than the LOD would give: all of them, without the column search.
        for (std::size_t i = first; i < pastLast; ++i)
            if (std::isfinite(source.y(i))) points.push_back(pointAt(i));
    } else if (logX && x0 > 0) {
        const int segments = std::clamp(columns / 16, 1, 64);
        const double ratio = std::pow(x1 / x0, 1.0 / segments);
        double a = x0;
        for (int s = 0; s < segments; ++s) {
            const double b = s + 1 == segments ? x1 : a * ratio;
            appendQuery(points, lod, source, a, b, columns / segments);
            a = b;
        }
    } else {
        appendQuery(points, lod, source, x0, x1, columns);
    }
    // The LOD keeps only each column's extremes, so the first and last points in range may be
    // missing: the neighbours are found from x, not from the LOD points.
    if (first > 0) points.insert(points.begin(), pointAt(first - 1));
    if (pastLast < n) points.push_back(pointAt(pastLast));
    return points;
}

std::size_t extendVisiblePoints(std::vector<LodPoint>& points, const MinMaxLod& lod,
                                const PointSource& source, double x0, double x1, int columns,
                                bool logX) {
    auto startOver = [&] {
        points = visiblePoints(lod, source, x0, x1, columns, logX);
        return std::size_t{0};
    };
    // A log axis cuts the range into segments, and a point past x1 is the off-screen
    // neighbour: both are rare when following new data, so they take the full query.
    if (points.empty() || logX || columns <= 0 || !(x1 > x0) || points.back().x > x1 ||
        points.back().index >= lod.size())
        return startOver();
    const int column =
        std::min(int(std::floor((points.back().x - x0) / (x1 - x0) * columns)), columns - 1);
    if (column < 0) return startOver();  // only the neighbour before x0 so far
    const double columnStart = x0 + (x1 - x0) * column / columns;
    while (!points.empty() && points.back().x >= columnStart) points.pop_back();
    const std::size_t firstNew = points.size();
    // Always the min/max query here, even where points are sparse: the columns this tail
    // covers are kept by the next extension, so they must hold no more than their extremes.
    appendQuery(points, lod, source, columnStart, x1, columns - column);
    // The nearest point past x1, so that the line still runs off the side of the plot.
    const std::size_t pastLast = upperBound(source, lod.size(), x1);
    if (pastLast < lod.size() && (points.empty() || pastLast > points.back().index))
        points.push_back({source.x(pastLast), source.y(pastLast), pastLast});
    if (points.size() > 2 * std::size_t(columns) + 2) return startOver();  // rounding at edges
    return firstNew;
}

std::size_t nearestIndex(const PointSource& source, double x) {
    const std::size_t n = source.size();
    if (n == 0) return n;
    const std::size_t i = lowerBound(source, n, x);
    if (i == 0) return 0;
    if (i == n) return n - 1;
    return (x - source.x(i - 1) <= source.x(i) - x) ? i - 1 : i;
}

}  // namespace tb
