// Tests resources/tb-sweep.sh when things go wrong: one scheduler per sweep, stale locks,
// restarts after a reboot or a killed scheduler, and a slots file it must refuse.
#include <QCoreApplication>
#include <QDir>
#include <QTest>

#include "tests/queue/sweep_fixture.h"
#include "tests/support/run_test_support.h"

using namespace tb::test;

namespace {

constexpr int kRunMs = 30000;

// Started, and its pid written down: what a reboot or a restart finds in running/.
bool runningWithPid(const SweepFixture& sweep, const QString& id) {
    return sweep.started(id) && sweep.recordedPid(id) > 0;
}

// The scheduler dies with SIGKILL, as with `kill -9` or the box losing power.
void killScheduler(QProcess* scheduler) {
    scheduler->kill();
    QVERIFY(scheduler->waitForFinished(kRunMs));
}

}  // namespace

class SweepRecoveryTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QFile::exists(binDir() + "/tb-sweep.sh"), "set TB_BIN_DIR to build/bin");
    }

    void secondSchedulerRefuses() {
        SweepFixture sweep;
        QProcess* first = sweep.startBehindBlockingTrial(0);
        QVERIFY(first);
        QProcess* second = sweep.startScheduler();
        QVERIFY(second->waitForFinished(kRunMs));
        QCOMPARE(second->exitCode(), 0);
        QVERIFY2(second->readAll().contains("already runs"), "the second one says why it left");
        QCOMPARE(first->state(), QProcess::Running);
        QCOMPARE(sweep.text("scheduler.pid").toLongLong(), first->processId());
        QCOMPARE(sweep.starts("000001").size(), size_t(1));
        sweep.release("000001");
        QVERIFY(first->waitForFinished(kRunMs));
        QCOMPARE(sweep.idsIn("done"), QStringList{"000001"});
    }

    // A lock whose owner is gone is taken over: a dead pid, or a live pid from an earlier boot
    // (pids are reused after a reboot).
    void staleLockIsTakenOver_data() {
        QTest::addColumn<QByteArray>("owner");
        QTest::newRow("dead pid") << QByteArray("99999999 some-boot 12345");
        QTest::newRow("pid alive, earlier boot")
            << QByteArray::number(QCoreApplication::applicationPid()) + " earlier-boot 1";
    }
    void staleLockIsTakenOver() {
        QFETCH(QByteArray, owner);
        SweepFixture sweep;
        sweep.writeSlots("0\n");
        sweep.queueTrial(1);
        QVERIFY(QDir().mkpath(sweep.sweepPath("scheduler.lock")));
        writeFile(sweep.sweepPath("scheduler.lock/owner"), owner + '\n');
        writeFile(sweep.sweepPath("scheduler.pid"), owner.split(' ').at(0) + '\n');
        QProcess* scheduler = sweep.startScheduler();
        QVERIFY(scheduler->waitForFinished(kRunMs));
        QCOMPARE(scheduler->exitCode(), 0);
        QCOMPARE(sweep.idsIn("done"), QStringList{"000001"});
        QVERIFY(sweep.log().contains("took over the lock"));
    }

    // Scheduler and trials killed (a reboot): the trials are requeued once and resume; killed
    // again, they are lost, and the rest of the queue still runs.
    void rebootRequeuesOnceThenMarksLost() {
        SweepFixture sweep;
        sweep.writeSlots("0\n1\n");
        sweep.queueTrial(1, TrialKind::Blocking);
        sweep.queueTrial(2, TrialKind::Blocking);
        sweep.queueTrial(3);
        QProcess* scheduler = sweep.startScheduler();
        QTRY_VERIFY_WITH_TIMEOUT(runningWithPid(sweep, "000001") && runningWithPid(sweep, "000002"),
                                 kRunMs);
        killScheduler(scheduler);
        sweep.killAllTrials();

        scheduler = sweep.startScheduler();
        QTRY_VERIFY_WITH_TIMEOUT(
            sweep.starts("000001").size() == 2 && sweep.starts("000002").size() == 2, kRunMs);
        for (const QString id : {"000001", "000002"}) {
            QCOMPARE(sweep.starts(id)[0].resume, QStringLiteral("unset"));
            QCOMPARE(sweep.starts(id)[1].resume, QStringLiteral("1"));
            QVERIFY(QFile::exists(sweep.sweepPath("requeued/" + id)));
            QVERIFY(sweep.log().contains("requeued " + id.toUtf8()));
        }
        QVERIFY(!sweep.started("000003"));
        QTRY_VERIFY_WITH_TIMEOUT(runningWithPid(sweep, "000001") && runningWithPid(sweep, "000002"),
                                 kRunMs);
        killScheduler(scheduler);
        sweep.killAllTrials();

        scheduler = sweep.startScheduler();
        QVERIFY(scheduler->waitForFinished(kRunMs));
        QCOMPARE(scheduler->exitCode(), 0);
        QCOMPARE(sweep.text("state"), QByteArray("drained"));
        QCOMPARE(sweep.idsIn("done"), (QStringList{"000001", "000002", "000003"}));
        QCOMPARE(sweep.text("done/000001.exit"), QByteArray("lost"));
        QCOMPARE(sweep.text("done/000002.exit"), QByteArray("lost"));
        QCOMPARE(sweep.text("done/000003.exit"), QByteArray("0"));
        QCOMPARE(sweep.starts("000001").size(), size_t(2));
        QCOMPARE(sweep.starts("000003").size(), size_t(1));
        QCOMPARE(sweep.starts("000003")[0].resume, QStringLiteral("unset"));
        QVERIFY(sweep.log().contains("lost 000001"));
        QCOMPARE(sweep.violations(), QByteArray());
    }

    // Only the scheduler was killed: the next one adopts the live trial without starting it
    // again, keeps its slot until it ends, and learns its exit status.
    void killedSchedulerAdoptsLiveTrial() {
        SweepFixture sweep;
        sweep.writeSlots("0\n");
        sweep.queueTrial(1, TrialKind::Blocking, 5);
        sweep.queueTrial(2);
        QProcess* scheduler = sweep.startScheduler();
        QTRY_VERIFY_WITH_TIMEOUT(runningWithPid(sweep, "000001"), kRunMs);
        const qint64 group = sweep.recordedPid("000001");
        killScheduler(scheduler);
        QVERIFY(!processGone(group));

        scheduler = sweep.startScheduler();
        QTRY_VERIFY_WITH_TIMEOUT(sweep.log().contains("adopted 000001"), kRunMs);
        QCOMPARE(sweep.idsIn("running"), QStringList{"000001"});
        QCOMPARE(sweep.recordedPid("000001"), group);
        sweep.release("000001");
        QVERIFY(scheduler->waitForFinished(kRunMs));
        QCOMPARE(sweep.text("done/000001.exit"), QByteArray("5"));
        QCOMPARE(sweep.text("done/000002.exit"), QByteArray("0"));
        QCOMPARE(sweep.starts("000001").size(), size_t(1));
        // Trial 2 took slot 0 only after trial 1 gave it back.
        QCOMPARE(sweep.violations(), QByteArray());
        QCOMPARE(sweep.text("state"), QByteArray("drained"));
    }

    void badSlotsFileIsRefused_data() {
        QTest::addColumn<QByteArray>("slots");
        QTest::addColumn<QByteArray>("logged");
        QTest::newRow("a name") << QByteArray("0\ngpu1\n") << QByteArray("line 2 is 'gpu1'");
        QTest::newRow("double comma") << QByteArray("0,,1\n") << QByteArray("line 1 is '0,,1'");
        QTest::newRow("blank line") << QByteArray("0\n\n1\n") << QByteArray("line 2 is ''");
        QTest::newRow("carriage return") << QByteArray("0\r\n") << QByteArray("line 1 is '0?'");
        QTest::newRow("empty") << QByteArray("") << QByteArray("has no lines");
    }
    void badSlotsFileIsRefused() {
        QFETCH(QByteArray, slots);
        QFETCH(QByteArray, logged);
        SweepFixture sweep;
        sweep.writeSlots(slots);
        sweep.queueTrial(1);
        QProcess* scheduler = sweep.startScheduler();
        QVERIFY(scheduler->waitForFinished(kRunMs));
        QCOMPARE(scheduler->exitCode(), 2);
        QVERIFY2(sweep.log().contains("refused: " + sweep.sweepDir().toUtf8() + "/slots " + logged),
                 sweep.log().constData());
        QCOMPARE(sweep.text("state"), QByteArray("failed"));
        QCOMPARE(sweep.idsIn("queue"), QStringList{"000001"});
        QVERIFY(!sweep.started("000001"));
        QVERIFY(!QFile::exists(sweep.sweepPath("scheduler.lock")));
    }

    void missingSlotsFileIsRefused() {
        SweepFixture sweep;
        sweep.queueTrial(1);
        QProcess* scheduler = sweep.startScheduler();
        QVERIFY(scheduler->waitForFinished(kRunMs));
        QCOMPARE(scheduler->exitCode(), 2);
        QVERIFY(sweep.log().contains("slots is missing"));
        QVERIFY(!sweep.started("000001"));
    }
};

QTEST_GUILESS_MAIN(SweepRecoveryTest)
#include "tst_sweep_recovery.moc"
