// Tests for the chart's visible-point queries: every column's extremes are drawn, whether the
// points were queried at once or extended as the data grew.
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "core/services/lod_query.h"

using tb::LodPoint;

namespace {
struct GrowingSource : tb::PointSource {
    std::vector<double> xs, ys;
    std::size_t visible = 0;  // "appends" by revealing more points
    std::size_t size() const override { return visible; }
    double x(std::size_t i) const override { return xs[i]; }
    double y(std::size_t i) const override { return ys[i]; }
};

// A noisy decaying curve with rare spikes and repeated x values (like an epoch axis).
GrowingSource makeSource(std::size_t n, unsigned seed) {
    GrowingSource s;
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0, 0.05);
    std::uniform_int_distribution<int> spike(0, 499);
    double x = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (spike(rng) < 400) x += 1.0;  // a fifth of the points repeat the previous x
        s.xs.push_back(x);
        s.ys.push_back(std::exp(-double(i) / 3000) + noise(rng) + (spike(rng) == 0 ? 5 : 0));
    }
    return s;
}

// Indices of each non-empty column's first minimum and first maximum in [x0, x1].
std::vector<std::size_t> columnExtremes(const GrowingSource& s, double x0, double x1, int columns) {
    std::vector<long> argMin(std::size_t(columns), -1), argMax(std::size_t(columns), -1);
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.x(i) < x0 || s.x(i) > x1) continue;
        const auto c = std::size_t(
            std::min(int(std::floor((s.x(i) - x0) / (x1 - x0) * columns)), columns - 1));
        if (argMin[c] < 0 || s.y(i) < s.y(std::size_t(argMin[c]))) argMin[c] = long(i);
        if (argMax[c] < 0 || s.y(i) > s.y(std::size_t(argMax[c]))) argMax[c] = long(i);
    }
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < std::size_t(columns); ++c)
        if (argMin[c] >= 0) out.insert(out.end(), {std::size_t(argMin[c]), std::size_t(argMax[c])});
    return out;
}

// What a plot of `points` must satisfy: real points in index order, every extreme present.
void verifyDrawable(const std::vector<LodPoint>& points, const GrowingSource& s, double x0,
                    double x1, int columns) {
    for (std::size_t k = 0; k < points.size(); ++k) {
        QVERIFY(points[k].index < s.size());
        QCOMPARE(points[k].x, s.x(points[k].index));
        QCOMPARE(points[k].y, s.y(points[k].index));
        if (k > 0) QVERIFY2(points[k].index > points[k - 1].index, "points out of order");
    }
    std::vector<std::size_t> indices;
    for (const LodPoint& p : points) indices.push_back(p.index);
    for (std::size_t extreme : columnExtremes(s, x0, x1, columns))
        QVERIFY2(std::binary_search(indices.begin(), indices.end(), extreme),
                 qPrintable(QStringLiteral("column extreme %1 missing").arg(extreme)));
    QVERIFY(points.size() <= 2 * std::size_t(columns) + 2);
}
}  // namespace

class TestLodQuery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fewPointsAreAllDrawn() {
        GrowingSource s = makeSource(300, 1);
        s.visible = s.xs.size();
        tb::MinMaxLod lod;
        lod.update(s);
        const auto points = tb::visiblePoints(lod, s, 10, 200, 800, false);
        std::size_t inRange = 0;
        for (std::size_t i = 0; i < s.size(); ++i) inRange += s.x(i) >= 10 && s.x(i) <= 200;
        QCOMPARE(points.size(), inRange + 2);  // plus one neighbour off each edge
        QVERIFY(points.front().x < 10);
        QVERIFY(points.back().x > 200);
    }

    void denseRangeKeepsEveryColumnsExtremes() {
        GrowingSource s = makeSource(200'000, 2);
        s.visible = s.xs.size();
        tb::MinMaxLod lod;
        lod.update(s);
        const double x1 = s.xs.back();
        verifyDrawable(tb::visiblePoints(lod, s, 0, x1, 700, false), s, 0, x1, 700);
    }

    // The chart follows a live run: the window stays put while points arrive, and the points
    // are extended instead of queried again. The result must still be a faithful plot.
    void extendingMatchesTheDataAsItGrows() {
        GrowingSource s = makeSource(60'000, 3);
        const double x0 = 0, x1 = s.xs.back();
        const int columns = 500;
        tb::MinMaxLod lod;
        std::vector<LodPoint> points;
        std::mt19937 rng(4);
        std::uniform_int_distribution<std::size_t> batch(1, 900);
        while (s.visible < s.xs.size()) {
            s.visible = std::min(s.xs.size(), s.visible + batch(rng));
            lod.update(s);
            tb::extendVisiblePoints(points, lod, s, x0, x1, columns, false);
            verifyDrawable(points, s, x0, x1, columns);
            if (QTest::currentTestFailed()) return;
        }
    }

    // A replaced metrics file leaves fewer points than were drawn: start over, do not extend.
    void shrunkDataIsQueriedAgain() {
        GrowingSource s = makeSource(5000, 5);
        s.visible = s.xs.size();
        tb::MinMaxLod lod;
        lod.update(s);
        std::vector<LodPoint> points = tb::visiblePoints(lod, s, 0, s.xs.back(), 300, false);
        s.visible = 1000;
        tb::MinMaxLod fresh;
        fresh.update(s);
        tb::extendVisiblePoints(points, fresh, s, 0, s.xs.back(), 300, false);
        verifyDrawable(points, s, 0, s.xs.back(), 300);
    }
};

QTEST_GUILESS_MAIN(TestLodQuery)
#include "tst_lod_query.moc"
