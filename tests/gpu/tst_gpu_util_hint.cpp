// Tests for GpuHistory (rounds and series by time) and GpuUtilHint (low utilisation while a run
// trains), with synthetic rounds: one a second, as nvidia-smi -l 1 gives them.
#include <QTest>

#include <functional>

#include "core/gpu/gpu_history.h"
#include "core/gpu/gpu_util_hint.h"

using namespace tb;

namespace {

constexpr qint64 kStart = 1763820000000;  // a wall-clock time in ms

GpuSample gpu(int index, double util, double memoryMiB = 20000) {
    GpuSample s;
    s.index = index;
    s.name = QStringLiteral("NVIDIA A100-SXM4-80GB");
    s.utilizationPercent = util;
    s.memoryUsedMiB = memoryMiB;
    s.memoryTotalMiB = 81920;
    return s;
}

// Rounds every second from `from` for `seconds`; `round(t)` gives the GPUs at second t.
void feed(GpuHistory& history, qint64 from, int seconds,
          const std::function<QList<GpuSample>(int)>& round) {
    for (int t = 0; t < seconds; ++t) history.append(from + t * 1000, round(t));
}

}  // namespace

class TestGpuUtilHint : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void historyKeepsFiveMinutesInTimeOrder() {
        GpuHistory history(300000);
        feed(history, kStart, 400, [](int t) { return QList<GpuSample>{gpu(0, t % 100)}; });
        QCOMPARE(history.rounds().size(), std::size_t(301));  // 300 s back from the newest
        QCOMPARE(history.rounds().front().timeMs, kStart + 99000);
        QCOMPARE(history.lastTimeMs(), kStart + 399000);
        history.append(kStart + 10000, {gpu(0, 1)});  // the clock went back: not recorded
        QCOMPARE(history.lastTimeMs(), kStart + 399000);
        const QList<GpuRound> minute = history.between(kStart + 340000, kStart + 399000);
        QCOMPARE(minute.size(), 60);
        QCOMPARE(*minute.first().gpus.first().utilizationPercent, 40.0);
        QVERIFY(history.between(kStart, kStart + 1000).isEmpty());
    }

    void seriesIsOnTheMetricsTimeAxis() {
        GpuHistory history;
        feed(history, kStart, 10, [](int t) {
            GpuSample missing = gpu(1, 0);
            missing.powerW.reset();  // [N/A]
            return QList<GpuSample>{gpu(0, t * 10), missing};
        });
        const QList<QPointF> util =
            history.series(0, GpuReading::Utilization, kStart + 2000, kStart + 4000);
        QCOMPARE(util.size(), 3);
        QCOMPARE(util.first(), QPointF(double(kStart) / 1000.0 + 2, 20));  // seconds, like "time"
        QCOMPARE(util.last().y(), 40.0);
        QCOMPARE(history.series(0, GpuReading::MemoryUsed, kStart, kStart).first().y(), 20000.0);
        QVERIFY(history.series(1, GpuReading::Power, kStart, kStart + 9000).isEmpty());
        QVERIFY(history.series(5, GpuReading::Utilization, kStart, kStart + 9000).isEmpty());
    }

    void lowUtilisationWhileTrainingGivesTheHint() {
        GpuHistory history;
        GpuUtilHint hint;
        const TrainingRun run{QStringLiteral("resnet-cifar"), kStart};
        // Alternating 10 % and 36 %: mean 23 %.
        feed(history, kStart, 30, [](int t) { return QList<GpuSample>{gpu(0, t % 2 ? 36 : 10)}; });
        QVERIFY(!hint.update(history, kStart + 29000, run));  // half a minute: too early
        QVERIFY(!hint.isShown());
        feed(history, kStart + 30000, 40,
             [](int t) { return QList<GpuSample>{gpu(0, t % 2 ? 36 : 10)}; });
        QVERIFY(hint.update(history, kStart + 69000, run));
        QVERIFY(hint.isShown());
        QCOMPARE(hint.lowGpus().size(), 1);
        QCOMPARE(hint.lowGpus().first().index, 0);
        QVERIFY(qAbs(hint.lowGpus().first().meanPercent - 23) < 0.6);
        QVERIFY2(hint.text().startsWith("GPU 0 busy only 23 % over the last minute while "
                                        "“resnet-cifar” trains: data loading is probably the "
                                        "bottleneck"),
                 qPrintable(hint.text()));
        QVERIFY(hint.text().contains("data.workers"));        // the real config key
        QVERIFY(!hint.update(history, kStart + 69000, run));  // same text: no change reported
    }

    void busyGpuGivesNoHint() {
        GpuHistory history;
        GpuUtilHint hint;
        feed(history, kStart, 120, [](int t) { return QList<GpuSample>{gpu(0, 90 + t % 10)}; });
        QVERIFY(!hint.update(history, kStart + 119000, {QStringLiteral("demo"), kStart}));
        QVERIFY(!hint.isShown());
    }

    void idleGpuWithoutTrainingGivesNoHint() {
        GpuHistory history;
        GpuUtilHint hint;
        feed(history, kStart, 120, [](int) { return QList<GpuSample>{gpu(0, 3)}; });
        QVERIFY(!hint.update(history, kStart + 119000, {}));
        QVERIFY(!hint.isShown());
    }

    void onlyGpusTheRunHoldsMemoryOnAreNamed() {
        GpuHistory history;
        GpuUtilHint hint;
        // GPU 0 and 2 hold the run's memory and wait for data; GPU 1 is idle (4 MiB), GPU 3
        // is busy.
        feed(history, kStart, 90, [](int) {
            return QList<GpuSample>{gpu(0, 12), gpu(1, 0, 4), gpu(2, 30), gpu(3, 95)};
        });
        QVERIFY(hint.update(history, kStart + 89000, {QStringLiteral("ddp"), kStart}));
        QCOMPARE(hint.lowGpus().size(), 2);
        QCOMPARE(hint.lowGpus()[0].index, 0);
        QCOMPARE(hint.lowGpus()[1].index, 2);
        QVERIFY2(hint.text().startsWith("GPUs 0, 2 busy only 12 %, 30 %"), qPrintable(hint.text()));
    }

    void recoveryHidesTheHintUntilAnotherLowMinute() {
        GpuHistory history;
        GpuUtilHint hint;
        const TrainingRun run{QStringLiteral("demo"), kStart};
        feed(history, kStart, 70, [](int) { return QList<GpuSample>{gpu(0, 15)}; });
        QVERIFY(hint.update(history, kStart + 69000, run));
        // Workers raised: 95 % for ten seconds. The minute's mean is still low (about 34 %),
        // but the hint goes.
        feed(history, kStart + 70000, 10, [](int) { return QList<GpuSample>{gpu(0, 95)}; });
        QVERIFY(hint.update(history, kStart + 79000, run));
        QVERIFY(!hint.isShown());
        // Low again: a whole new minute of it before the hint returns.
        feed(history, kStart + 80000, 50, [](int) { return QList<GpuSample>{gpu(0, 10)}; });
        QVERIFY(!hint.update(history, kStart + 129000, run));
        feed(history, kStart + 130000, 15, [](int) { return QList<GpuSample>{gpu(0, 10)}; });
        QVERIFY(hint.update(history, kStart + 144000, run));
        QVERIFY(hint.isShown());
    }

    void gapsInTheReadingsGiveNoVerdict() {
        GpuHistory history;
        GpuUtilHint hint;
        const TrainingRun run{QStringLiteral("demo"), kStart};
        // Twenty seconds without readings (the link was down) inside the minute.
        feed(history, kStart, 30, [](int) { return QList<GpuSample>{gpu(0, 5)}; });
        feed(history, kStart + 50000, 30, [](int) { return QList<GpuSample>{gpu(0, 5)}; });
        QVERIFY(!hint.update(history, kStart + 79000, run));
        // Nothing since: the minute is not covered up to now either.
        feed(history, kStart + 80000, 60, [](int) { return QList<GpuSample>{gpu(0, 5)}; });
        QVERIFY(!hint.update(history, kStart + 160000, run));
        QVERIFY(hint.update(history, kStart + 140000, run));
    }

    void anotherRunStartsItsOwnMinute() {
        GpuHistory history;
        GpuUtilHint hint;
        feed(history, kStart, 70, [](int) { return QList<GpuSample>{gpu(0, 5)}; });
        QVERIFY(hint.update(history, kStart + 69000, {QStringLiteral("a"), kStart}));
        // Run "b" started 20 s ago; its start is known, so it needs 40 s more, not 60.
        QVERIFY(hint.update(history, kStart + 69000, {QStringLiteral("b"), kStart + 49000}));
        QVERIFY(!hint.isShown());
        feed(history, kStart + 70000, 40, [](int) { return QList<GpuSample>{gpu(0, 5)}; });
        QVERIFY(hint.update(history, kStart + 109000, {QStringLiteral("b"), kStart + 49000}));
        QVERIFY(hint.text().contains("“b”"));
    }
};

QTEST_GUILESS_MAIN(TestGpuUtilHint)
#include "tst_gpu_util_hint.moc"
