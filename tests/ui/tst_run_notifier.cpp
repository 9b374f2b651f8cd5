// Tests for run notifications: which state changes and metric values notify, and only once.
#include <QSignalSpy>
#include <QTest>

#include <limits>

#include "monitor/run_notifier.h"
#include "services/run_notify_policy.h"

using namespace tb;
using Kind = RunNotification::Kind;

class TestRunNotifier : public QObject {
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
        QVERIFY(!p.stateChanged("r1", "mnist-cnn", RunState::Finished));  // rescan
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
    }

    void nonFiniteLossOncePerRun() {
        RunNotifyPolicy p;
        p.stateChanged("r", "resnet", RunState::Running);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QVERIFY(!p.metricValue("r", "train/loss", 0.5));
        QVERIFY(!p.metricValue("r", "train/acc", nan));  // not a loss
        const auto n = p.metricValue("r", "train/loss", nan);
        QVERIFY(n.has_value());
        QCOMPARE(n->kind, Kind::LossNotFinite);
        QVERIFY(n->text.contains("resnet"));
        QVERIFY(n->text.contains("NaN"));
        QVERIFY(!p.metricValue("r", "val/loss", inf));  // once per run
        const auto other = p.metricValue("r2", "val_Loss", -inf);
        QVERIFY(other.has_value());
        QVERIFY(other->text.contains("infinite"));
    }

    void withoutTrayTheSignalCarriesIt() {
        RunNotifier notifier;  // offscreen: no system tray
        QSignalSpy fallback(&notifier, &RunNotifier::notify);
        notifier.runStateChanged("r", "demo", RunState::Running);
        QCOMPARE(fallback.size(), 0);
        notifier.runStateChanged("r", "demo", RunState::Failed);
        QCOMPARE(fallback.size(), 1);
        QCOMPARE(fallback.first().at(0).toString(), QString("Run failed"));
        QVERIFY(fallback.first().at(1).toString().contains("demo"));
        notifier.metricValue("r", "loss", std::numeric_limits<double>::infinity());
        QCOMPARE(fallback.size(), 2);
        notifier.metricValue("r", "loss", std::numeric_limits<double>::infinity());
        QCOMPARE(fallback.size(), 2);
    }
};

QTEST_MAIN(TestRunNotifier)
#include "tst_run_notifier.moc"
