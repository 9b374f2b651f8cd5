// Tests for MinMaxLod: identical to a brute-force per-column min/max on random data.
#include <QTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "core/metrics/min_max_lod.h"

using tb::LodPoint;
using tb::MinMaxLod;

namespace {
struct VectorSource : tb::PointSource {
    std::vector<double> xs, ys;
    std::size_t visible = 0;  // lets a test "append" by revealing more points
    std::size_t size() const override { return visible; }
    double x(std::size_t i) const override { return xs[i]; }
    double y(std::size_t i) const override { return ys[i]; }
};

// The reference: one pass over every point, written from the contract in min_max_lod.h.
std::vector<LodPoint> bruteForce(const VectorSource& s, double x0, double x1, int columns) {
    std::vector<LodPoint> out;
    if (columns <= 0 || !(x1 > x0)) return out;
    const std::size_t none = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> argMin(columns, none), argMax(columns, none);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const double x = s.x(i), y = s.y(i);
        if (x < x0 || x > x1 || !std::isfinite(y)) continue;
        int c = int(std::floor((x - x0) / (x1 - x0) * columns));
        if (c >= columns) c = columns - 1;
        if (argMin[c] == none || y < s.y(argMin[c])) argMin[c] = i;
        if (argMax[c] == none || y > s.y(argMax[c])) argMax[c] = i;
    }
    for (int c = 0; c < columns; ++c) {
        if (argMin[c] == none) continue;
        const std::size_t a = std::min(argMin[c], argMax[c]), b = std::max(argMin[c], argMax[c]);
        out.push_back({s.x(a), s.y(a), a});
        if (b != a) out.push_back({s.x(b), s.y(b), b});
    }
    return out;
}

VectorSource randomSeries(std::mt19937_64& rng, std::size_t n, bool ties) {
    VectorSource s;
    std::uniform_real_distribution<double> unit(0, 1);
    double x = unit(rng) * 10 - 5;
    for (std::size_t i = 0; i < n; ++i) {
        if (unit(rng) < 0.8) x += unit(rng) < 0.1 ? 100 * unit(rng) : unit(rng);  // gaps, repeats
        double y = ties ? std::round(unit(rng) * 4) : std::sin(i * 0.001) + 0.1 * unit(rng);
        const double r = unit(rng);
        if (r < 0.001)
            y = 1000 * (unit(rng) - 0.5);  // spikes that must survive
        else if (r < 0.002)
            y = std::numeric_limits<double>::quiet_NaN();
        else if (r < 0.0025)
            y = std::numeric_limits<double>::infinity();
        s.xs.push_back(x);
        s.ys.push_back(y);
    }
    s.visible = n;
    return s;
}

bool samePoints(const std::vector<LodPoint>& a, const std::vector<LodPoint>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].index != b[i].index || a[i].x != b[i].x || a[i].y != b[i].y) return false;
    return true;
}
}  // namespace

class TestMinMaxLod : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesBruteForce_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<bool>("ties");
        QTest::newRow("tiny") << 5 << false;
        QTest::newRow("one block") << 64 << true;
        QTest::newRow("few blocks") << 5000 << false;
        QTest::newRow("ties everywhere") << 20000 << true;
        QTest::newRow("three levels") << 300000 << false;
    }
    void matchesBruteForce() {
        QFETCH(int, n);
        QFETCH(bool, ties);
        std::mt19937_64 rng(1234 + n);
        const VectorSource s = randomSeries(rng, std::size_t(n), ties);
        MinMaxLod lod;
        lod.update(s);
        QCOMPARE(lod.size(), std::size_t(n));
        std::uniform_real_distribution<double> unit(0, 1);
        std::uniform_int_distribution<std::size_t> pick(0, std::size_t(n) - 1);
        const double lo = s.xs.front(), hi = s.xs.back();
        for (int q = 0; q < 300; ++q) {
            double x0, x1;
            switch (q % 4) {
                case 0:
                    x0 = lo;
                    x1 = hi;
                    break;  // whole series
                case 1:
                    x0 = s.xs[pick(rng)];
                    x1 = s.xs[pick(rng)];
                    break;  // edges on points
                case 2:
                    x0 = lo - 50 * unit(rng);
                    x1 = hi + 50 * unit(rng);
                    break;  // beyond data
                default:
                    x0 = lo + (hi - lo) * unit(rng);
                    x1 = lo + (hi - lo) * unit(rng);
            }
            if (x1 < x0) std::swap(x0, x1);
            const int widths[] = {1, 2, 3, 17, 640, 1921, 5000};
            const int w = widths[q % 7];
            const auto got = lod.query(s, x0, x1, w);
            const auto want = bruteForce(s, x0, x1, w);
            if (!samePoints(got, want))
                QFAIL(qPrintable(QString("query %1: [%2, %3] at %4 columns: %5 points, want %6")
                                     .arg(q)
                                     .arg(x0, 0, 'g', 17)
                                     .arg(x1, 0, 'g', 17)
                                     .arg(w)
                                     .arg(got.size())
                                     .arg(want.size())));
            QVERIFY(got.size() <= 2 * std::size_t(w));
        }
    }

    void incrementalUpdatesMatchBruteForce() {
        std::mt19937_64 rng(99);
        VectorSource s = randomSeries(rng, 70000, false);
        MinMaxLod lod;
        std::size_t shown = 0;
        std::uniform_int_distribution<std::size_t> grow(1, 9000);
        while (shown < s.xs.size()) {
            shown = std::min(s.xs.size(), shown + grow(rng));
            s.visible = shown;
            lod.update(s);
            const double x0 = s.xs.front(), x1 = s.xs[shown - 1];
            QVERIFY(samePoints(lod.query(s, x0, x1, 800), bruteForce(s, x0, x1, 800)));
            QVERIFY(samePoints(lod.query(s, x0 + (x1 - x0) / 3, x1, 97),
                               bruteForce(s, x0 + (x1 - x0) / 3, x1, 97)));
        }
    }

    void spikeSurvivesWideBuckets() {
        VectorSource s;
        for (int i = 0; i < 1000000; ++i) {
            s.xs.push_back(i);
            s.ys.push_back(i == 654321 ? 1e6 : 1.0);
        }
        s.visible = s.xs.size();
        MinMaxLod lod;
        lod.update(s);
        const auto points = lod.query(s, 0, 999999, 10);
        bool found = false;
        for (const auto& p : points) found = found || (p.index == 654321 && p.y == 1e6);
        QVERIFY(found);
        QCOMPARE(points.size(), std::size_t(10 + 1));  // flat columns give one point each
    }

    void degenerateQueries() {
        VectorSource s;
        s.xs = {1, 2, 3};
        s.ys = {1, 2, 3};
        s.visible = 3;
        MinMaxLod lod;
        QVERIFY(lod.query(s, 0, 10, 100).empty());  // nothing summarised yet
        lod.update(s);
        QVERIFY(lod.query(s, 5, 1, 100).empty());
        QVERIFY(lod.query(s, 2, 2, 100).empty());
        QVERIFY(lod.query(s, 0, 10, 0).empty());
        QCOMPARE(lod.query(s, 0, 10, 1).size(), std::size_t(2));
        lod.clear();
        QCOMPARE(lod.size(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestMinMaxLod)
#include "tst_min_max_lod.moc"
