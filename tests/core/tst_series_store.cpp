// Tests for SeriesStore: routing of keys, x axes, sparse keys, precision and memory accounting.
#include <QTest>

#include <cmath>
#include <string>

#include "core/metrics/metrics_parser.h"
#include "core/metrics/series_store.h"

using tb::MetricsBatch;
using tb::MetricsParser;
using tb::SeriesStore;
using tb::XAxis;

namespace {
void feed(MetricsParser& parser, SeriesStore& store, const std::string& text) {
    MetricsBatch batch;
    const auto r = parser.parse(text, batch);
    QCOMPARE(r.malformedLines, std::size_t(0));
    store.append(batch, parser.keyNames());
}

std::size_t seriesIndex(const SeriesStore& store, const char* name) {
    const auto i = store.findSeries(name);
    if (i < 0) qFatal("no series %s", name);
    return std::size_t(i);
}
}  // namespace

class TestSeriesStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void routesKeysAndAxes() {
        MetricsParser parser;
        SeriesStore store;
        feed(parser, store,
             "{\"step\":10,\"epoch\":0,\"time\":1763820000.25,\"train/loss\":2.0}\n"
             "{\"step\":20,\"epoch\":0.5,\"time\":1763820001.5,\"train/loss\":1.5}\n");
        // Appends are incremental: a later batch continues the same series.
        feed(parser, store,
             "{\"step\":30,\"epoch\":1,\"time\":1763820003.75,\"train/loss\":1.0,\"val/"
             "acc\":0.5}\n");
        QCOMPARE(store.recordCount(), std::size_t(3));
        QCOMPARE(store.seriesCount(), std::size_t(4));
        const auto loss = store.view(seriesIndex(store, "train/loss"));
        QCOMPARE(loss.size(), std::size_t(3));
        QCOMPARE(loss.x(2), 30.0);
        QCOMPARE(loss.y(1), 1.5);
        const auto acc = store.view(seriesIndex(store, "val/acc"), XAxis::Epoch);
        QCOMPARE(acc.size(), std::size_t(1));
        QCOMPARE(acc.x(0), 1.0);
        QCOMPARE(acc.y(0), 0.5);
        // time keeps full double precision: float would be off by tens of seconds here.
        const auto time = store.view(seriesIndex(store, "time"));
        QCOMPARE(time.y(2), 1763820003.75);
        QCOMPARE(store.view(0, XAxis::WallTime).x(1), 1763820001.5);
        QCOMPARE(store.view(seriesIndex(store, "train/loss"), XAxis::TimeSinceStart).x(2), 3.5);
        QCOMPARE(store.pointCount(), std::size_t(3 + 3 + 3 + 1));
        QVERIFY(store.stepsNonDecreasing());
    }

    void sparseKeysAndCarriedForwardAxes() {
        MetricsParser parser;
        SeriesStore store;
        std::string text;
        for (int s = 0; s < 100; ++s) {
            text += "{\"step\":" + std::to_string(s) + ",\"loss\":" + std::to_string(s);
            if (s % 10 == 9) text += ",\"epoch\":" + std::to_string(s / 10) + ",\"val\":1";
            text += "}\n";
        }
        feed(parser, store, text);
        const auto val = store.view(seriesIndex(store, "val"));
        QCOMPARE(val.size(), std::size_t(10));
        QCOMPARE(val.recordAt(3), 39u);
        QCOMPARE(val.x(3), 39.0);
        // epoch appears on one line in ten; between them it is carried forward.
        QVERIFY(std::isnan(store.epoch(0)));
        QCOMPARE(store.epoch(9), 0.0);
        QCOMPARE(store.epoch(15), 0.0);
        QCOMPARE(store.epoch(19), 1.0);
        QCOMPARE(store.view(seriesIndex(store, "epoch")).size(), std::size_t(100 - 9));
    }

    void largeValuesPromoteToDouble() {
        MetricsParser parser;
        SeriesStore store;
        feed(parser, store, "{\"step\":1,\"samples\":12}\n{\"step\":2,\"samples\":123456789}\n");
        const auto samples = store.view(seriesIndex(store, "samples"));
        QCOMPARE(samples.y(0), 12.0);
        QCOMPARE(samples.y(1), 123456789.0);  // a float would give 123456792
    }

    void nonMonotonicStepsAreReported() {
        MetricsParser parser;
        SeriesStore store;
        feed(parser, store, "{\"step\":5,\"a\":1}\n{\"step\":3,\"a\":2}\n");
        QVERIFY(!store.stepsNonDecreasing());
    }

    void clearForgetsEverything() {
        MetricsParser parser;
        SeriesStore store;
        feed(parser, store, "{\"step\":1,\"a\":1,\"time\":5}\n");
        store.clear();
        QCOMPARE(store.recordCount(), std::size_t(0));
        QCOMPARE(store.seriesCount(), std::size_t(0));
        feed(parser, store, "{\"step\":2,\"b\":3,\"time\":9}\n{\"step\":3,\"b\":4,\"time\":10}\n");
        QCOMPARE(store.seriesCount(), std::size_t(2));
        QCOMPARE(store.view(seriesIndex(store, "b"), XAxis::TimeSinceStart).x(1), 1.0);
    }

    // The budget is 16 bytes per (x, value) point; the shared record columns and float values
    // should land far below it on a trainer-like file, slack of the chunks included.
    void memoryPerPointOnTrainerLikeData() {
        MetricsParser parser;
        SeriesStore store;
        std::string text;
        const int records = 200000;
        for (int s = 0; s < records; ++s) {
            text +=
                "{\"step\":" + std::to_string(s) + ",\"epoch\":" + std::to_string(s / 5000) +
                ",\"time\":" + std::to_string(1763820000.0 + s * 0.01) +
                ",\"train/loss\":0.5,\"train/acc\":0.9,\"lr\":0.001,\"samples_per_sec\":1234}\n";
        }
        feed(parser, store, text);
        QCOMPARE(store.pointCount(), std::size_t(records) * 6);
        const double perPoint = double(store.bytesHeld()) / double(store.pointCount());
        qInfo("bytes per point: %.2f (%zu bytes, %zu points)", perPoint, store.bytesHeld(),
              store.pointCount());
        // Exact lower bound: step 8 + time 8 + epoch 4 + 4 floats = 36 bytes per record.
        QVERIFY(store.bytesHeld() >= std::size_t(records) * 36);
        QVERIFY(perPoint <= 16.0);
        QVERIFY(perPoint < 6.5);
    }
};

QTEST_GUILESS_MAIN(TestSeriesStore)
#include "tst_series_store.moc"
