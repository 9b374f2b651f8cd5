// Tests for EmaSmoother: debiased EMA against a direct computation, NaN skipping, increments.
#include <QTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "core/metrics/ema_smoother.h"

using tb::EmaSmoother;

namespace {
struct VectorSource : tb::PointSource {
    std::vector<double> ys;
    std::size_t visible = 0;
    std::size_t size() const override { return visible; }
    double x(std::size_t i) const override { return double(i); }
    double y(std::size_t i) const override { return ys[i]; }
};

// Written from the definition: a weighted sum over the finite inputs so far, normalised by
// the sum of the weights (which is what the 1 - w^n debiasing amounts to).
std::vector<double> direct(const std::vector<double>& ys, double w) {
    std::vector<double> out;
    std::vector<double> finite;
    for (double y : ys) {
        if (!std::isfinite(y)) {
            out.push_back(std::numeric_limits<double>::quiet_NaN());
            continue;
        }
        finite.push_back(y);
        double num = 0, den = 0;
        for (std::size_t k = 0; k < finite.size(); ++k) {
            const double weight = (1 - w) * std::pow(w, double(finite.size() - 1 - k));
            num += weight * finite[k];
            den += weight;
        }
        out.push_back(num / den);
    }
    return out;
}
}  // namespace

class TestEmaSmoother : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesDirectComputation_data() {
        QTest::addColumn<double>("weight");
        QTest::newRow("none") << 0.0;
        QTest::newRow("light") << 0.3;
        QTest::newRow("tensorboard default") << 0.6;
        QTest::newRow("heavy") << 0.99;
    }
    void matchesDirectComputation() {
        QFETCH(double, weight);
        std::mt19937_64 rng(7);
        std::normal_distribution<double> noise(0, 1);
        VectorSource s;
        for (int i = 0; i < 1500; ++i) {
            double y = 3 * std::exp(-i / 300.0) + 0.2 * noise(rng);
            if (i % 97 == 5) y = std::numeric_limits<double>::quiet_NaN();
            if (i % 211 == 7) y = -std::numeric_limits<double>::infinity();
            s.ys.push_back(y);
        }
        const auto want = direct(s.ys, weight);
        EmaSmoother ema(weight);
        // Incremental: the series grows in uneven steps between updates.
        for (std::size_t shown : {1, 2, 50, 51, 700, 1500}) {
            s.visible = shown;
            ema.update(s);
            QCOMPARE(ema.size(), shown);
        }
        for (std::size_t i = 0; i < want.size(); ++i) {
            if (std::isnan(want[i])) {
                QVERIFY2(std::isnan(ema.value(i)), qPrintable(QString::number(i)));
                continue;
            }
            QVERIFY2(std::fabs(ema.value(i) - want[i]) <= 1e-9 * (1 + std::fabs(want[i])),
                     qPrintable(QString("%1: %2 vs %3").arg(i).arg(ema.value(i)).arg(want[i])));
        }
    }

    void firstValueIsUnbiased() {
        EmaSmoother ema(0.9);
        QCOMPARE(ema.add(5.0), 5.0);  // no pull towards the zero start
        QVERIFY(std::isnan(ema.add(std::numeric_limits<double>::quiet_NaN())));
        const double second = ema.add(1.0);
        QVERIFY(std::fabs(second - (0.09 * 5 + 0.1 * 1) / 0.19) < 1e-12);
    }

    void weightIsClampedAndResets() {
        EmaSmoother ema(1.5);
        QVERIFY(ema.weight() < 1.0);
        QVERIFY(std::isfinite(ema.add(2.0)));
        ema.setWeight(-1);
        QCOMPARE(ema.weight(), 0.0);
        QCOMPARE(ema.size(), std::size_t(0));
        QCOMPARE(ema.add(4.0), 4.0);
        QCOMPARE(ema.add(6.0), 6.0);
    }
};

QTEST_GUILESS_MAIN(TestEmaSmoother)
#include "tst_ema_smoother.moc"
