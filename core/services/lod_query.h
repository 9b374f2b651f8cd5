// Visible points of a series at ~2 per pixel column, for linear and logarithmic x axes.
#pragma once

#include <vector>

#include "core/metrics/min_max_lod.h"

namespace tb {

// The min/max LOD of the visible range [x0, x1] over `columns` pixel columns, plus the
// nearest point outside each edge so the line still runs off the side of the plot. With a log
// x axis, pixel columns are not evenly spaced in x: the range is cut into geometric segments
// that each get their share of the columns. `lod` must be up to date with `source`.
std::vector<LodPoint> visiblePoints(const MinMaxLod& lod, const PointSource& source, double x0,
                                    double x1, int columns, bool logX);

// Brings `points`, an earlier visiblePoints() result for the same window, up to date with
// the points appended since: the last column it covered and those after it are queried again,
// the columns before stay as they were. Falls back to visiblePoints() when it cannot extend.
// Returns the index in `points` of the first point that is new (0 when all of them are).
std::size_t extendVisiblePoints(std::vector<LodPoint>& points, const MinMaxLod& lod,
                                const PointSource& source, double x0, double x1, int columns,
                                bool logX);

// Index of the point whose x is nearest to `x` (x sorted); source.size() when empty.
std::size_t nearestIndex(const PointSource& source, double x);

}  // namespace tb
