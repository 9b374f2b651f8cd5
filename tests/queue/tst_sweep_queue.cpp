// Tests resources/tb-sweep.sh running a sweep: every trial once on its slot's devices, never two
// on a slot, trials added on the way, and cancelling a queued trial, a running one and all.
#include <QTemporaryDir>
#include <QTest>

#include <map>

#include "tests/queue/sweep_fixture.h"
#include "tests/support/run_test_support.h"

using namespace tb::test;

namespace {

constexpr int kRunMs = 30000;  // a whole small sweep on a busy two-core machine

QStringList ids(int first, int last) {
    QStringList list;
    for (int n = first; n <= last; ++n)
        list << QStringLiteral("%1").arg(n, 6, 10, QLatin1Char('0'));
    return list;
}

}  // namespace

class SweepQueueTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QFile::exists(binDir() + "/tb-sweep.sh"), "set TB_BIN_DIR to build/bin");
    }

    // The grid: 6 trials over 2 slots, each run exactly once with its slot's devices.
    void gridOfSixOverTwoSlotsRunsEachOnce() {
        SweepFixture sweep;
        sweep.writeSlots("0\n1\n");
        // The first two wait until both run at once, so the test sees the slots used together.
        sweep.queueTrial(1, TrialKind::Blocking);
        sweep.queueTrial(2, TrialKind::Blocking, 3);
        for (int n = 3; n <= 6; ++n) sweep.queueTrial(n, TrialKind::Quick, n == 5 ? 7 : 0);
        QProcess* scheduler = sweep.startScheduler();
        QTRY_VERIFY_WITH_TIMEOUT(sweep.started("000001") && sweep.started("000002"), kRunMs);
        QCOMPARE(sweep.text("state"), QByteArray("running"));
        QCOMPARE(sweep.idsIn("running"), ids(1, 2));
        QVERIFY(!sweep.started("000003"));  // both slots are taken
        sweep.releaseAll();

        QVERIFY(scheduler->waitForFinished(kRunMs));
        QCOMPARE(scheduler->exitCode(), 0);
        QCOMPARE(sweep.text("state"), QByteArray("drained"));
        QCOMPARE(sweep.idsIn("done"), ids(1, 6));
        QVERIFY(sweep.idsIn("queue").isEmpty());
        QVERIFY(sweep.idsIn("running", "").isEmpty());
        QCOMPARE(sweep.violations(), QByteArray());
        for (const QString& id : ids(1, 6)) {
            const std::vector<TrialStart> starts = sweep.starts(id);
            QCOMPARE(starts.size(), size_t(1));
            QVERIFY(starts[0].slot == 0 || starts[0].slot == 1);
            QCOMPARE(starts[0].devices, QString::number(starts[0].slot));
            QCOMPARE(starts[0].resume, QStringLiteral("unset"));
        }
        QCOMPARE(sweep.text("done/000002.exit"), QByteArray("3"));
        QCOMPARE(sweep.text("done/000005.exit"), QByteArray("7"));
        QCOMPARE(sweep.text("done/000006.exit"), QByteArray("0"));
        QCOMPARE(sweep.log().count(" started 00000"), 6);
        QVERIFY(!QFile::exists(sweep.sweepPath("scheduler.lock")));
        QVERIFY(!QFile::exists(sweep.sweepPath("scheduler.pid")));
    }

    // Four fake GPUs, two trials per GPU (the app writes each GPU's line twice): 8 slots.
    void fourFakeGpusTwoTrialsPerGpu() {
        SweepFixture sweep;
        sweep.writeSlots("0\n1\n2\n3\n0\n1\n2\n3\n");
        sweep.setTrialsPerDevice(2);
        for (int n = 1; n <= 8; ++n) sweep.queueTrial(n, TrialKind::Blocking);
        for (int n = 9; n <= 16; ++n) sweep.queueTrial(n);
        QProcess* scheduler = sweep.startScheduler();
        QTRY_VERIFY_WITH_TIMEOUT(sweep.idsIn("running").size() == 8 && sweep.started("000008"),
                                 kRunMs);
        // All eight slots busy at once: every GPU carries exactly two trials.
        std::map<QString, int> perDevice;
        for (const QString& id : ids(1, 8)) ++perDevice[sweep.starts(id).at(0).devices];
        QCOMPARE(perDevice, (std::map<QString, int>{{"0", 2}, {"1", 2}, {"2", 2}, {"3", 2}}));
        sweep.releaseAll();

        QVERIFY(scheduler->waitForFinished(kRunMs));
        QCOMPARE(sweep.idsIn("done"), ids(1, 16));
        QCOMPARE(sweep.violations(), QByteArray());
        const QStringList slotValues = {"0", "1", "2", "3", "0", "1", "2", "3"};
        for (const QString& id : ids(1, 16)) {
            const std::vector<TrialStart> starts = sweep.starts(id);
            QCOMPARE(starts.size(), size_t(1));
            QVERIFY(starts[0].slot >= 0 && starts[0].slot < 8);
            QCOMPARE(starts[0].devices, slotValues.at(starts[0].slot));
        }
    }

    // A `cpu` slot sets CUDA_VISIBLE_DEVICES to the empty string: no GPU is visible.
    void cpuSlotHidesTheGpus() {
        SweepFixture sweep;
        sweep.writeSlots("cpu\n");
        sweep.queueTrial(1);
        QProcess* scheduler = sweep.startScheduler({"CUDA_VISIBLE_DEVICES=0,1"});
        QVERIFY(scheduler->waitForFinished(kRunMs));
        QCOMPARE(sweep.starts("000001").size(), size_t(1));
        QCOMPARE(sweep.starts("000001")[0].devices, QString());
        QCOMPARE(sweep.starts("000001")[0].slot, 0);
    }

    void trialsAddedWhileRunningArePickedUp() {
        SweepFixture sweep;
        QProcess* scheduler = sweep.startBehindBlockingTrial(0);
        QVERIFY(scheduler);
        sweep.queueTrial(2, TrialKind::Blocking);
        sweep.queueTrial(3);
        sweep.release("000001");
        QTRY_VERIFY_WITH_TIMEOUT(sweep.started("000002"), kRunMs);
        QCOMPARE(sweep.idsIn("queue"), QStringList{"000003"});
        sweep.release("000002");
        QVERIFY(scheduler->waitForFinished(kRunMs));
        QCOMPARE(sweep.idsIn("done"), ids(1, 3));
        QCOMPARE(sweep.violations(), QByteArray());
    }

    // A queued trial is cancelled by the app's rename to cancelled/ or through cancel/N: it
    // never starts, and the trial behind it still runs.
    void queuedTrialCancelled_data() {
        QTest::addColumn<bool>("byRename");
        QTest::newRow("renamed by the app") << true;
        QTest::newRow("cancel/N") << false;
    }
    void queuedTrialCancelled() {
        QFETCH(bool, byRename);
        SweepFixture sweep;
        QProcess* scheduler = sweep.startBehindBlockingTrial(2);
        QVERIFY(scheduler);
        if (byRename) {
            QVERIFY(QFile::rename(sweep.sweepPath("queue/000002.sh"),
                                  sweep.sweepPath("cancelled/000002.sh")));
        } else {
            QVERIFY(QFile(sweep.sweepPath("cancel/000002")).open(QIODevice::WriteOnly));
            QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(sweep.sweepPath("cancel/000002")), kRunMs);
        }
        sweep.release("000001");
        QVERIFY(scheduler->waitForFinished(kRunMs));
        QCOMPARE(sweep.idsIn("done"), (QStringList{"000001", "000003"}));
        QCOMPARE(sweep.idsIn("cancelled"), QStringList{"000002"});
        QVERIFY(!sweep.started("000002"));
    }

    void runningTrialCancelled() {
        SweepFixture sweep;
        QProcess* scheduler = sweep.startBehindBlockingTrial(1);
        QVERIFY(scheduler);
        const qint64 trialPid = sweep.starts("000001")[0].pid;
        QVERIFY(QFile(sweep.sweepPath("cancel/000001")).open(QIODevice::WriteOnly));
        QVERIFY(scheduler->waitForFinished(kRunMs));  // never released: only the cancel ends it
        QCOMPARE(sweep.text("done/000001.exit"), QByteArray("143"));
        QVERIFY(QFile::exists(sweep.sweepPath("done/000001.cancelled")));
        QVERIFY(!QFile::exists(sweep.sweepPath("cancel/000001")));
        QVERIFY(processGone(trialPid));
        // The freed slot went on with the queue; the other trial is not marked cancelled.
        QCOMPARE(sweep.text("done/000002.exit"), QByteArray("0"));
        QVERIFY(!QFile::exists(sweep.sweepPath("done/000002.cancelled")));
        QVERIFY(sweep.log().contains("cancelling 000001"));
    }

    // A trial that ignores TERM is KILLed once the grace period (1 s here) is over.
    void cancelEscalatesToKill() {
        SweepFixture sweep;
        sweep.writeSlots("0\n");
        sweep.queueTrial(1, TrialKind::IgnoresTerm);
        QProcess* scheduler = sweep.startScheduler({"TB_SWEEP_GRACE=1"});
        QTRY_VERIFY_WITH_TIMEOUT(sweep.started("000001"), kRunMs);
        const qint64 trialPid = sweep.starts("000001")[0].pid;
        QVERIFY(QFile(sweep.sweepPath("cancel/000001")).open(QIODevice::WriteOnly));
        QVERIFY(scheduler->waitForFinished(kRunMs));
        QCOMPARE(sweep.text("done/000001.exit"), QByteArray("137"));
        QVERIFY(QFile::exists(sweep.sweepPath("done/000001.cancelled")));
        QVERIFY(processGone(trialPid));
        QVERIFY(sweep.log().contains("sent KILL"));
    }

    void cancelAllStopsTheSweep() {
        SweepFixture sweep;
        sweep.writeSlots("0\n1\n");
        for (int n = 1; n <= 5; ++n) sweep.queueTrial(n, TrialKind::Blocking);
        QProcess* scheduler = sweep.startScheduler();
        QTRY_VERIFY_WITH_TIMEOUT(sweep.started("000001") && sweep.started("000002"), kRunMs);
        const qint64 first = sweep.starts("000001")[0].pid;
        const qint64 second = sweep.starts("000002")[0].pid;
        QVERIFY(QFile(sweep.sweepPath("cancel/all")).open(QIODevice::WriteOnly));
        QVERIFY(scheduler->waitForFinished(kRunMs));
        QCOMPARE(scheduler->exitCode(), 0);
        QCOMPARE(sweep.text("state"), QByteArray("cancelled"));
        QCOMPARE(sweep.idsIn("done"), ids(1, 2));
        QCOMPARE(sweep.idsIn("done", ".cancelled"), ids(1, 2));
        QCOMPARE(sweep.idsIn("cancelled"), ids(3, 5));
        QVERIFY(!QFile::exists(sweep.sweepPath("cancel/all")));
        QVERIFY(processGone(first));
        QVERIFY(processGone(second));
        for (const QString& id : ids(3, 5)) QVERIFY(!sweep.started(id));
    }

    // With an early_stop file the stop rule beside the scheduler runs while trials run and stops
    // them through cancel/N (a stand-in here; the median rule itself is tb-sweep-stop.sh).
    void earlyStopRuleBesideTheScheduler() {
        QTemporaryDir bin;
        QVERIFY(QFile::copy(binDir() + "/tb-sweep.sh", bin.path() + "/tb-sweep.sh"));
        writeFile(bin.path() + "/tb-sweep-stop.sh",
                  "[ -e \"$1/running/000001.sh\" ] || exit 0\n"
                  ": >\"$1/cancel/000001\"\necho 'stopped 000001: worse than the median'\n");
        SweepFixture sweep;
        sweep.setSchedulerPath(bin.path() + "/tb-sweep.sh");
        writeFile(sweep.sweepPath("early_stop"), "val/loss min 1\n");
        QProcess* scheduler = sweep.startBehindBlockingTrial(1);
        QVERIFY(scheduler);
        QVERIFY(scheduler->waitForFinished(kRunMs));  // never released: only the rule ends it
        QCOMPARE(sweep.text("done/000001.exit"), QByteArray("143"));
        QVERIFY(QFile::exists(sweep.sweepPath("done/000001.cancelled")));
        QVERIFY(sweep.log().contains("early stop: stopped 000001: worse than the median"));
        QCOMPARE(sweep.text("done/000002.exit"), QByteArray("0"));
        QVERIFY(!QFile::exists(sweep.sweepPath("done/000002.cancelled")));
    }
};

QTEST_GUILESS_MAIN(SweepQueueTest)
#include "tst_sweep_queue.moc"
