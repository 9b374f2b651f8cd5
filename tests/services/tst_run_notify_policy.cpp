// RunNotifyPolicy: which state changes, non-finite metrics and stalls notify, and only once;
// the stall clock is the `nowMs` each review is given (a fake clock, no waiting).
#include <QTest>

#include <limits>

#include "core/runs/run_reader.h"
#include "core/services/run_notify_policy.h"

using namespace tb;
using Kind = RunNotification::Kind;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kStart = qint64(1763820000) * 1000;  // the fake clock's first reading

RunInfo runningRun(const QString& id, double lastRecord, double medianGap = 1.0) {
    RunInfo run;
    run.id = id;
    run.name = QStringLiteral("resnet");
    run.state = RunState::Running;
    run.lastRecordTime = lastRecord;
    run.medianRecordGap = medianGap;
    return run;
}

QList<Kind> kinds(const QList<RunNotification>& notes) {
    QList<Kind> out;
    for (const RunNotification& n : notes) out.append(n.kind);
    return out;
}

}  // namespace

class TestRunNotifyPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void finishingRunNotifiesOnce() {
        RunNotifyPolicy p;
        QVERIFY(!p.stateChanged("r1", "mnist-cnn", RunState::Starting));
        QVERIFY(!p.stateChanged("r1", "mnist-cnn", RunState::Running));
        const auto n = p.stateChanged("r1", "mnist-cnn", RunState::Finished);
        QVERIFY(n.has_value());
        QCOMPARE(n->kind, Kind::Finished);
        QVERIFY(n->text.contains("mnist-cnn"));
        QCOMPARE(n->runId, QString("r1"));
        QVERIFY(!p.stateChanged("r1", "mnist-cnn", RunState::Finished));  // rescan
    }

    void aSweepNotifiesOnceWhenItsLastTrialEnds() {
        RunNotifyPolicy p;
        QList<RunInfo> trials;
        for (int i = 0; i < 3; ++i) {
            RunInfo run = runningRun(QStringLiteral("t%1").arg(i), 0);
            run.sweepId = QStringLiteral("lr-sweep");
            run.sweepTrial = i;
            trials << run;
            QVERIFY(p.review(run, 0).isEmpty());
        }
        trials[0].state = RunState::Finished;
        QVERIFY(p.review(trials[0], 0).isEmpty());  // not each trial
        trials[1].state = RunState::Failed;
        QCOMPARE(kinds(p.review(trials[1], 0)), QList<Kind>{Kind::Failed});  // failures still do
        trials[2].state = RunState::Stopped;  // stopped early: the last one ends the sweep
        const auto last = p.review(trials[2], 0);
        QCOMPARE(last.size(), 1);
        QCOMPARE(last[0].title, QString("Sweep finished"));
        QVERIFY2(last[0].text.contains("1 of 3 trials finished"), qPrintable(last[0].text));
        QVERIFY(p.review(trials[2], 0).isEmpty());  // rescan
        // Trials added later make it news again once they end.
        RunInfo added = runningRun(QStringLiteral("t3"), 0);
        added.sweepId = QStringLiteral("lr-sweep");
        QVERIFY(p.review(added, 0).isEmpty());
        added.state = RunState::Finished;
        QCOMPARE(p.review(added, 0).size(), 1);
    }

    void failureAndLostNotifyStopDoesNot() {
        RunNotifyPolicy p;
        p.stateChanged("a", "a", RunState::Running);
        p.stateChanged("b", "b", RunState::Running);
        p.stateChanged("c", "c", RunState::Running);
        QCOMPARE(p.stateChanged("a", "a", RunState::Failed)->kind, Kind::Failed);
        QCOMPARE(p.stateChanged("b", "b", RunState::Lost)->kind, Kind::Lost);
        QVERIFY(!p.stateChanged("c", "c", RunState::Stopped));  // the user stopped it
    }

    void runsAlreadyOverAtStartupStayQuiet() {
        RunNotifyPolicy p;
        QVERIFY(!p.stateChanged("old", "old", RunState::Finished));
        QVERIFY(!p.stateChanged("old2", "old2", RunState::Failed));
        // A resumed run that goes back to running and finishes again does notify.
        p.stateChanged("old", "old", RunState::Running);
        QVERIFY(p.stateChanged("old", "old", RunState::Finished).has_value());
        // An old run with NaNs in its records raises nothing either.
        RunInfo over;
        over.id = "old3";
        over.state = RunState::Failed;
        over.nonFiniteKeys = {"train/loss"};
        QVERIFY(p.review(over, kStart).isEmpty());
    }

    void nonFiniteInAnyKeyOncePerRunAndKey() {
        RunNotifyPolicy p;
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        p.stateChanged("r", "resnet", RunState::Running);
        QVERIFY(!p.metricValue("r", "train/loss", 0.5));
        const auto acc = p.metricValue("r", "train/acc", nan);  // not only losses
        QVERIFY(acc.has_value());
        QCOMPARE(acc->kind, Kind::NotFinite);
        QVERIFY(acc->text.contains("resnet"));
        QVERIFY(acc->text.contains("train/acc"));
        QVERIFY(acc->text.contains("NaN"));
        QVERIFY(!p.metricValue("r", "train/acc", inf));  // that key again: quiet
        const auto loss = p.metricValue("r", "val/loss", inf);
        QVERIFY(loss.has_value());
        QVERIFY(loss->text.contains("infinite"));
        QVERIFY(p.metricValue("r2", "val/loss", -inf).has_value());  // another run
    }

    void reviewReportsEveryNonFiniteKeyOfTheRecords() {
        RunNotifyPolicy p;
        RunInfo run = runningRun("r", 100.0);
        run.nonFiniteKeys = {"grad_norm"};
        QCOMPARE(kinds(p.review(run, kStart)), QList<Kind>{Kind::NotFinite});
        run.nonFiniteKeys = {"grad_norm", "val/loss"};
        const QList<RunNotification> second = p.review(run, kStart + 1000);
        QCOMPARE(second.size(), 1);  // the new key alone
        QVERIFY(second.first().text.contains("val/loss"));
        QVERIFY(p.review(run, kStart + 2000).isEmpty());
    }

    // What the catalog hands the policy: every key that was null, NaN or Infinity in the tail
    // (not only train/loss of the last record), the newest "time" and the median gap.
    void metricsTailGivesNonFiniteKeysAndPulse() {
        const QByteArray tail =
            "{\"step\":1,\"time\":100.0,\"train/loss\":0.5}\n"
            "{\"step\":2,\"time\":102.0,\"grad_norm\":null,\"lr\":0.1}\n"
            "{\"step\":3,\"time\":104.0,\"val/loss\":NaN}\n"
            "{\"step\":4,\"time\":110.0,\"x\":-Infinity,\"train/loss\":0.4}\n"
            "{\"step\":5,\"time\":112.0,\"train/loss\":0.3}\n"
            "{\"step\":6,\"time\":999.0,\"train/lo";  // still being written
        RunInfo info;
        applyMetricsTail(tail, false, info);
        QStringList keys = info.nonFiniteKeys;
        keys.sort();
        QCOMPARE(keys, QStringList({"grad_norm", "val/loss", "x"}));
        QCOMPARE(info.lastRecordTime, 112.0);
        QCOMPARE(info.medianRecordGap, 2.0);  // gaps 2, 2, 6, 2
        QVERIFY(!info.trainLossNotFinite);
    }

    void stallThresholdIsThreeGapsAtLeastFiveMinutes() {
        QCOMPARE(RunNotifyPolicy::stallThresholdMs(runningRun("a", 1, 1.0)), 5 * kMinute);
        QCOMPARE(RunNotifyPolicy::stallThresholdMs(runningRun("b", 1, 600.0)), 30 * kMinute);
        RunInfo unknown = runningRun("c", 1, std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(RunNotifyPolicy::stallThresholdMs(unknown), 5 * kMinute);
        // A time the user set wins, shorter or longer.
        QCOMPARE(RunNotifyPolicy::stallThresholdMs(runningRun("b", 1, 600.0), 7), 7 * kMinute);
        QCOMPARE(RunNotifyPolicy::stallThresholdMs(runningRun("a", 1, 1.0), 120), 120 * kMinute);
    }

    void stalledRunAlertsOnceUntilItRecovers() {
        RunNotifyPolicy p;
        RunInfo run = runningRun("r", 5000.0, 2.0);  // threshold: 5 min
        run.heartbeat = double(kStart) / 1000.0;
        QVERIFY(p.review(run, kStart).isEmpty());
        QVERIFY(p.review(run, kStart + 5 * kMinute - 1).isEmpty());
        run.heartbeat = double(kStart + 5 * kMinute - 5000) / 1000.0;  // still reporting
        const QList<RunNotification> stalled = p.review(run, kStart + 5 * kMinute);
        QCOMPARE(kinds(stalled), QList<Kind>{Kind::Stalled});
        QVERIFY(stalled.first().text.contains("resnet"));
        QVERIFY(stalled.first().text.contains("5 min"));
        QVERIFY(stalled.first().text.contains("heartbeat"));
        QVERIFY(p.review(run, kStart + 30 * kMinute).isEmpty());  // no repeat

        run.lastRecordTime = 6000.0;  // records again
        QVERIFY(p.review(run, kStart + 31 * kMinute).isEmpty());
        QVERIFY(p.review(run, kStart + 35 * kMinute).isEmpty());
        run.heartbeat = std::numeric_limits<double>::quiet_NaN();
        const QList<RunNotification> again = p.review(run, kStart + 36 * kMinute);
        QCOMPARE(kinds(again), QList<Kind>{Kind::Stalled});
        QVERIFY(again.first().text.contains("no heartbeat"));
    }

    void slowRunsGetThreeOfTheirGaps() {
        RunNotifyPolicy p;
        const RunInfo run = runningRun("slow", 5000.0, 120.0);  // a record every 2 min
        QVERIFY(p.review(run, kStart).isEmpty());
        QVERIFY(p.review(run, kStart + 6 * kMinute - 1).isEmpty());
        QCOMPARE(kinds(p.review(run, kStart + 6 * kMinute)), QList<Kind>{Kind::Stalled});
    }

    // View → Alerts: a kind turned off is not reported (and not later either, once seen), the
    // others are; a stall time the user set replaces the automatic one.
    void choicesTurnKindsOffAndSetTheStallTime() {
        RunNotifyPolicy p;
        AlertChoices choices;
        choices.failed = false;
        choices.notFinite = false;
        choices.stallMinutes = 20;
        p.setChoices(choices);
        QVERIFY(!p.stateChanged("f", "a", RunState::Running));
        QVERIFY(!p.stateChanged("f", "a", RunState::Failed));
        QVERIFY(!p.stateChanged("l", "b", RunState::Running));
        QVERIFY(!p.stateChanged("l", "b", RunState::Lost));
        QVERIFY(!p.metricValue("f", "loss", std::numeric_limits<double>::quiet_NaN()));
        QVERIFY(!p.stateChanged("g", "c", RunState::Running));
        QCOMPARE(p.stateChanged("g", "c", RunState::Finished)->kind, Kind::Finished);

        RunInfo run = runningRun("r", 5000.0, 1.0);  // automatically 5 min, chosen 20
        run.nonFiniteKeys = {QStringLiteral("grad_norm")};
        QVERIFY(p.review(run, kStart).isEmpty());
        QVERIFY(p.review(run, kStart + 20 * kMinute - 1).isEmpty());
        QCOMPARE(kinds(p.review(run, kStart + 20 * kMinute)), QList<Kind>{Kind::Stalled});
        run.state = RunState::Failed;
        QVERIFY(p.review(run, kStart + 21 * kMinute).isEmpty());
        // Turned on again later, the failure already seen is not news.
        p.setChoices(AlertChoices());
        QVERIFY(p.review(run, kStart + 22 * kMinute).isEmpty());

        AlertChoices quiet;
        quiet.finished = false;
        quiet.stalled = false;
        QVERIFY(!quiet.wants(Kind::Finished));
        QVERIFY(!quiet.wants(Kind::Stalled));
        QVERIFY(quiet.wants(Kind::Failed) && quiet.wants(Kind::Lost));
        QVERIFY(quiet.wants(Kind::NotFinite));
    }

    void onlyRunningRunsWithRecordsCanStall() {
        RunNotifyPolicy p;
        RunInfo noRecords = runningRun("n", std::numeric_limits<double>::quiet_NaN());
        RunInfo queued = runningRun("q", 5000.0);
        queued.state = RunState::Queued;
        for (RunInfo* run : {&noRecords, &queued}) {
            QVERIFY(p.review(*run, kStart).isEmpty());
            QVERIFY(p.review(*run, kStart + 60 * kMinute).isEmpty());
        }
        // A finished run is reported as finished, never as stalled.
        RunInfo done = runningRun("d", 5000.0);
        QVERIFY(p.review(done, kStart).isEmpty());
        done.state = RunState::Finished;
        QCOMPARE(kinds(p.review(done, kStart + 60 * kMinute)), QList<Kind>{Kind::Finished});
    }

    void unreachableHostsDoNotStall() {
        RunNotifyPolicy p;
        const RunInfo run = runningRun("remote", 5000.0);
        QVERIFY(p.review(run, kStart).isEmpty());
        QVERIFY(p.review(run, kStart + 30 * kMinute, false).isEmpty());  // host offline
        // Back online: the quiet time counts from the last look while it was away.
        QVERIFY(p.review(run, kStart + 31 * kMinute).isEmpty());
        QVERIFY(p.review(run, kStart + 35 * kMinute - 1).isEmpty());
        QCOMPARE(kinds(p.review(run, kStart + 35 * kMinute)), QList<Kind>{Kind::Stalled});
    }
};

QTEST_GUILESS_MAIN(TestRunNotifyPolicy)
#include "tst_run_notify_policy.moc"
