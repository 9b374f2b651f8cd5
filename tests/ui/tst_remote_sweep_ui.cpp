// Sweeps on a host from the main window, against the local sshd of tests/remote standing in for
// the box: Run Sweep… with the host chosen in "Runs on" puts the queue and every trial in the
// host's runs root (nothing here); the group, its counts and the comparison come back over SSH
// and again after the window is closed and reopened (mid-sweep too, and with the link cut); "shut
// the host down when the sweep ends" runs the host's shutdown command once the queue has drained;
// Add Trials… queues one more there; a queued trial and then the whole sweep are cancelled on the
// box from the comparison table; a trainer trial is forked from its best checkpoint there.
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "core/runs/run_catalog.h"
#include "core/runs/shell_quote.h"
#include "core/runs/workspace.h"
#include "core/services/sweep_watch.h"
#include "core/services/workbench.h"
#include "remote/host_workbench.h"
#include "remote/hosts/hosts_controller.h"
#include "remote/runs/shutdown_watch.h"
#include "tests/remote/ssh_test_support.h"
#include "tst_sshd_window.h"
#include "tst_sweep_fixture.h"
#include "ui/config/config_editor.h"
#include "ui/main/main_window.h"
#include "ui/main/run_controller.h"
#include "ui/main/runs_panel.h"
#include "ui/main/runs_table_model.h"
#include "ui/main/sweep_ui.h"
#include "ui/sweep/sweep_compare_model.h"
#include "ui/sweep/sweep_compare_panel.h"

using namespace tb;
using namespace tb::test;

namespace {
const QString kHost = QStringLiteral("box");
}

class TestRemoteSweepUi : public SshdTestCase {
    Q_OBJECT

public:
    TestRemoteSweepUi();

private Q_SLOTS:
    void sweepRunsOnTheHostAndComesBackAfterAReopen();
    void queuedTrialAndSweepCancelledOnTheHost();
    void bestTrialForkedFromItsCheckpointOnTheHost();
    void cleanup();

private:
    void openWindow();
    void closeWindow();
    void connectHost();
    const SweepReport* report(const QString& id) const;
    TrialQueueState queueOf(const QString& id, int trial) const;

    QTemporaryDir m_dir;
    AppContext m_context;
    QString m_remoteRoot;
    std::unique_ptr<MainWindow> m_window;
};

TestRemoteSweepUi::TestRemoteSweepUi() {
    m_context = sshdWindowContext(m_dir, "trainbench-test-remote-sweep");
    m_context.hostsOptions.connection.firstRetryMs = 200;
    m_remoteRoot = m_dir.filePath("box runs");  // a space, as a shell would trip over
    qputenv("TB_SWEEP_GRACE", "2");             // the scheduler's TERM-to-KILL wait on a cancel
}

void TestRemoteSweepUi::openWindow() {
    m_window = std::make_unique<MainWindow>(m_context);
    m_window->resize(1400, 900);
    m_window->findChild<RunController*>()->setStopGraceMs(600000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestRemoteSweepUi::closeWindow() {
    if (!m_window) return;
    m_window->findChild<ConfigEditor*>()->setUnsavedPrompt(
        [](const QString&) { return ConfigEditor::UnsavedChoice::Discard; });
    m_window->close();
    m_window.reset();
}

void TestRemoteSweepUi::cleanup() {
    if (m_window) {
        for (const RunInfo& run : m_window->workbench()->catalog()->runs())
            if (run.target == kHost && !isFinalState(run.state))
                m_window->findChild<RunController*>()->kill(run.id);
    }
    closeWindow();
}

// The host is stored once with this build's trainer; its key is trusted by its fingerprint.
void TestRemoteSweepUi::connectHost() {
    HostsController* hosts = m_window->hostWorkbench()->hosts();
    if (!hosts->host(kHost)) {
        HostDraft draft;
        draft.host.name = kHost;
        draft.host.target = keyTarget(m_sshd, QString());
        draft.host.runsRoot = m_remoteRoot;
        draft.host.trainerPath = m_context.binDir + "/trainbench-train";
        // Instead of powering off: a file says the command ran.
        draft.host.shutdownCommand = "touch " + shellQuote(m_dir.filePath("powered-off"));
        QVERIFY(hosts->addHost(draft).ok());
    }
    hosts->acceptHostKey(kHost, m_sshd.hostKeyFingerprint());
    QTRY_COMPARE_WITH_TIMEOUT(hosts->state(kHost), ConnectionState::Connected, 30000);
}

const SweepReport* TestRemoteSweepUi::report(const QString& id) const {
    return m_window->findChild<SweepUi*>()->watch()->report(id);
}

TrialQueueState TestRemoteSweepUi::queueOf(const QString& id, int trial) const {
    const SweepReport* found = report(id);
    return found && found->trials.size() >= trial ? found->trials[trial - 1].queue
                                                  : TrialQueueState::Unknown;
}

void TestRemoteSweepUi::sweepRunsOnTheHostAndComesBackAfterAReopen() {
    openWindow();
    connectHost();
    ShutdownWatch* shutdown = m_window->hostWorkbench()->shutdownWatch();
    shutdown->setDelaySeconds(1);
    shutdown->setWatcherPollSeconds(1);
    shutdown->setReadIntervalMs(300);
    const QString id = runSweep(*m_window, SweepDialog::Base::Script, kWriteLr, kGrid, 2, kHost,
                                [](SweepDialog& dialog) {
                                    QVERIFY(dialog.shutdownBox()->isEnabled());
                                    dialog.shutdownBox()->setChecked(true);
                                });
    QVERIFY(!id.isEmpty());
    // The queue lives on the box, not here.
    QVERIFY(QFileInfo(m_remoteRoot + "/.sweeps/" + id + "/sweep.json").isFile());
    QVERIFY(!QFileInfo::exists(m_context.runsRoot + "/.sweeps/" + id));

    RunsTableModel* model = m_window->findChild<RunsPanel*>()->model();
    const auto stateText = [&] {
        const QModelIndex group = model->sweepIndex(id);
        return group.isValid() ? model->index(group.row(), RunsTableModel::State).data().toString()
                               : QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(stateText(), QStringLiteral("6/6 done"), 120000);
    for (const QString& run : model->sweepRuns(id)) {
        const RunInfo* info = m_window->workbench()->catalog()->find(run);
        QVERIFY(info);
        QCOMPARE(info->target, kHost);
        QVERIFY(QFileInfo(m_remoteRoot + "/" + run + "/metrics.jsonl").isFile());
    }
    SweepComparePanel* compare = m_window->findChild<SweepUi*>()->panel();
    QTRY_COMPARE(compare->sweepId(), id);
    QTRY_COMPARE(compare->model()->rowCount(), 6);
    QCOMPARE(report(id)->host, kHost);
    QVERIFY(report(id)->bestRow >= 0);
    QCOMPARE(report(id)->trials[report(id)->bestRow].values.value("lr"), QStringLiteral("0.1"));
    if (const QString shots = qEnvironmentVariable("TB_SCREENSHOT_DIR"); !shots.isEmpty())
        m_window->grab().save(shots + "/sweep-on-host.png");
    // The queue drained: the host's shutdown command ran there after its countdown.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(m_dir.filePath("powered-off")), 60000);

    // One more trial, queued on the box after the last: it runs there and becomes the best.
    const QStringList more = addTrials(*m_window,
                                       "method: grid\nmetric: val/loss\ngoal: min\nparameters:\n"
                                       "  \"{lr}\": [0.05]\n  \"{kind}\": [b]");
    QCOMPARE(more.size(), 1);
    QVERIFY(QFileInfo(m_remoteRoot + "/" + more.first() + "/run.json").isFile());
    QTRY_COMPARE_WITH_TIMEOUT(stateText(), QStringLiteral("7/7 done"), 120000);

    // Closed and reopened: the host reconnects by itself and the group comes back from the box.
    closeWindow();
    openWindow();
    model = m_window->findChild<RunsPanel*>()->model();
    QTRY_COMPARE_WITH_TIMEOUT(stateText(), QStringLiteral("7/7 done"), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(
        model->index(model->sweepIndex(id).row(), RunsTableModel::Progress).data().toString(),
        QStringLiteral("best val/loss 0.05"), 30000);
    m_window->findChild<RunsPanel*>()->selectSweep(id);
    QTRY_COMPARE(m_window->findChild<SweepUi*>()->panel()->model()->rowCount(), 7);
}

void TestRemoteSweepUi::queuedTrialAndSweepCancelledOnTheHost() {
    openWindow();
    connectHost();
    const QString id = runSweep(
        *m_window, SweepDialog::Base::Script, "sleep 120; echo {n}",
        "method: grid\nmetric: val/loss\ngoal: min\nparameters:\n  \"{n}\": [1, 2, 3]", 1, kHost);
    QVERIFY(!id.isEmpty());
    SweepComparePanel* compare = m_window->findChild<SweepUi*>()->panel();
    QTRY_COMPARE_WITH_TIMEOUT(compare->sweepId(), id, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(queueOf(id, 1), TrialQueueState::Running, 30000);
    QTRY_COMPARE(queueOf(id, 3), TrialQueueState::Queued);

    // Closed and reopened mid-sweep, then the link cut: the queue on the box goes on, and the
    // group and the comparison are whole again once the host is back.
    closeWindow();
    openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->hostWorkbench()->hosts()->state(kHost),
                              ConnectionState::Connected, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(report(id) && report(id)->trials.size() == 3, 30000);
    int killed = 0;  // QTRY evaluates once more after its loop
    QTRY_VERIFY_WITH_TIMEOUT((killed += cutConnections(m_sshd)) > 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->hostWorkbench()->hosts()->state(kHost),
                              ConnectionState::Connected, 60000);
    QCOMPARE(queueOf(id, 1), TrialQueueState::Running);
    QCOMPARE(queueOf(id, 2), TrialQueueState::Queued);
    m_window->findChild<RunsPanel*>()->selectSweep(id);
    compare = m_window->findChild<SweepUi*>()->panel();
    QTRY_COMPARE(compare->sweepId(), id);

    // Trial 3 waits in the box's queue: cancelled there, it will not run.
    QTRY_COMPARE(compare->model()->rowCount(), 3);
    QVERIFY(chooseFromTrialMenu(compare, 3, "cancelTrial"));
    QTRY_COMPARE_WITH_TIMEOUT(queueOf(id, 3), TrialQueueState::Cancelled, 30000);
    QVERIFY(QDir(m_remoteRoot + "/.sweeps/" + id + "/cancelled").entryList(QDir::Files).size() >=
            1);

    // The whole sweep, after the question: the running trial stops, trial 2 never starts.
    QVERIFY(cancelSweepFromMenu(*m_window, compare));
    QTRY_VERIFY_WITH_TIMEOUT(report(id) && report(id)->state == "cancelled", 60000);
    QTRY_COMPARE_WITH_TIMEOUT(queueOf(id, 1), TrialQueueState::Done, 30000);
    QCOMPARE(queueOf(id, 2), TrialQueueState::Cancelled);
}

void TestRemoteSweepUi::bestTrialForkedFromItsCheckpointOnTheHost() {
    const QString config = m_dir.filePath("tiny.yaml");
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "name: tiny\ndata:\n  kind: synthetic\n  workers: 0\n"
        "  synthetic: {samples: 300, classes: 4, shape: [1, 8, 8]}\n"
        "model:\n  kind: mlp\ntrain:\n  epochs: 2\n  threads: 1\n");
    file.close();
    m_context.openConfig = config;
    openWindow();
    connectHost();
    const QString id = runSweep(*m_window, SweepDialog::Base::EditorConfig, {},
                                "method: list\nmetric: val/acc\ngoal: max\ntrials:\n"
                                "  - {optim.lr: 0.01}\n  - {optim.lr: 0.0001}",
                                2, kHost);
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(report(id) && sweepSettled(*report(id)), 240000);
    SweepComparePanel* compare = m_window->findChild<SweepUi*>()->panel();
    QTRY_COMPARE(compare->sweepId(), id);
    const SweepReport finished = *report(id);
    QVERIFY(finished.bestRow >= 0);
    const SweepTrialRow& best = finished.trials[finished.bestRow];

    QString forkedText;
    m_window->findChild<RunController*>()->setForkEditor([&](QString& text) {
        forkedText = text;
        return true;
    });
    QTRY_COMPARE(compare->model()->rowCount(), 2);
    QVERIFY(chooseFromTrialMenu(compare, best.trial + 1, "forkFromBest"));
    QTRY_VERIFY_WITH_TIMEOUT(forkOf(*m_window, best.run) != nullptr, 60000);
    QCOMPARE(forkOf(*m_window, best.run)->target, kHost);  // forked where its parent ran
    const QString lr = best.values.value("optim.lr");
    QVERIFY2(forkedText.contains(QStringLiteral("lr: %1\n").arg(lr)), qPrintable(forkedText));
    // The checkpoint on the box whose sidecar has the trial's best val/acc.
    const QString checkpoint = forkOf(*m_window, best.run)->parentCheckpoint;
    const QString expected =
        highestSidecar(m_remoteRoot + "/" + best.run + "/checkpoints", "val/acc");
    QVERIFY(!expected.isEmpty());
    QCOMPARE(QFileInfo(checkpoint).fileName(), expected);
}

QTEST_MAIN(TestRemoteSweepUi)
#include "tst_remote_sweep_ui.moc"
