// Remote runs in the main window, against a real local sshd standing in for the GPU box (the
// trainer is this build's trainbench-train): Run on a host chosen in the toolbar, the run listed
// with the host as its target, curves and log lines followed over SSH, the window closed and
// reopened mid-run reconnecting and following again, the link cut three times, every point
// once, Stop giving `stopped`, the host's connection state shown next to its runs (Run on an
// offline host refused with what to do), and a data path only the box has not blocking Run.
#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "core/metrics/run_metrics.h"
#include "core/runs/run_catalog.h"
#include "core/runs/workspace.h"
#include "core/services/workbench.h"
#include "remote/host_workbench.h"
#include "remote/hosts/hosts_controller.h"
#include "tests/remote/ssh_test_support.h"
#include "tst_sshd_window.h"
#include "ui/config/config_document.h"
#include "ui/config/config_editor.h"
#include "ui/main/main_window.h"
#include "ui/main/run_actions.h"
#include "ui/main/run_controller.h"
#include "ui/main/run_target_box.h"
#include "ui/main/runs_panel.h"
#include "ui/main/runs_table_model.h"
#include "ui/main/script_run_dialog.h"
#include "ui/monitor/log_view.h"
#include "ui/plot/chart_panel.h"

using namespace tb;
using namespace tb::test;

namespace {
const QString kHost = QStringLiteral("box");
}

class TestRemoteRuns : public SshdTestCase {
    Q_OBJECT

public:
    TestRemoteRuns();

private Q_SLOTS:
    void remoteRunIsFollowedStoppedAndReattached();
    void hostStateIsShownNextToItsRuns();
    void dataPathIsTheHostsWhenRunningThere();
    void scriptRunSyncsItsFolderFirst();
    void cleanup();

private:
    std::unique_ptr<MainWindow> openWindow();
    void connectHost(MainWindow& window);
    QString launchOnHost(MainWindow& window);
    int csvRows(MainWindow& window);
    QString targetText(MainWindow& window, const QString& runId);
    void closeWindow();
    void screenshot(QWidget& widget, const QString& name);

    QTemporaryDir m_dir;
    AppContext m_context;
    QString m_remoteRoot;
    std::unique_ptr<MainWindow> m_window;
};

TestRemoteRuns::TestRemoteRuns() {
    m_context = sshdWindowContext(m_dir, "trainbench-test-remote");
    m_context.hostsOptions.connection.firstRetryMs = 200;
    m_remoteRoot = m_dir.filePath("box runs");  // a space, as a shell would trip over
}

std::unique_ptr<MainWindow> TestRemoteRuns::openWindow() {
    auto window = std::make_unique<MainWindow>(m_context);
    window->resize(1400, 900);
    window->findChild<RunController*>()->setStopGraceMs(600000);  // no kill prompt inside a test
    window->show();
    [&] { QVERIFY(QTest::qWaitForWindowExposed(window.get())); }();
    return window;
}

void TestRemoteRuns::screenshot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("TB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) widget.grab().save(dir + "/" + name);
}

void TestRemoteRuns::cleanup() {
    if (m_window && m_window->findChild<RunsPanel*>()) {
        // Whatever still trains on the "box" is stopped, so no test leaves a run behind.
        for (const RunInfo& run : m_window->workbench()->catalog()->runs()) {
            if (run.target == kHost && !isFinalState(run.state))
                m_window->findChild<RunController*>()->kill(run.id);
        }
    }
    closeWindow();
}

void TestRemoteRuns::closeWindow() {
    if (!m_window) return;
    m_window->findChild<ConfigEditor*>()->setUnsavedPrompt(
        [](const QString&) { return ConfigEditor::UnsavedChoice::Discard; });
    m_window->close();
    m_window.reset();
}

// The host is stored once with this build's trainer; its key is trusted by its fingerprint.
void TestRemoteRuns::connectHost(MainWindow& window) {
    HostsController* hosts = window.hostWorkbench()->hosts();
    if (!hosts->host(kHost)) {
        HostDraft draft;
        draft.host.name = kHost;
        draft.host.target = keyTarget(m_sshd, QString());
        draft.host.runsRoot = m_remoteRoot;
        draft.host.trainerPath = m_context.binDir + "/trainbench-train";
        QVERIFY(hosts->addHost(draft).ok());
    }
    hosts->acceptHostKey(kHost, m_sshd.hostKeyFingerprint());
    QTRY_COMPARE_WITH_TIMEOUT(hosts->state(kHost), ConnectionState::Connected, 30000);
}

// The demo, long enough to be stopped, launched with the host chosen in the toolbar.
QString TestRemoteRuns::launchOnHost(MainWindow& window) {
    RunTargetBox* target = window.runActions()->targetBox();
    const int index = target->findData(kHost);
    [&] { QVERIFY(index > 0); }();
    target->setCurrentIndex(index);
    ConfigDocument* document = window.findChild<ConfigEditor*>()->document();
    [&] {
        QVERIFY(document->setValue("model.kind", "mlp").ok());
        QVERIFY(document->setValue("data.synthetic.samples", "2000").ok());
        // Far more than the test needs: on a quiet machine 200 epochs end before Stop.
        QVERIFY(document->setValue("train.epochs", "5000").ok());
        QVERIFY(document->setValue("train.log_every", "5").ok());
        QVERIFY(document->setValue("train.threads", "1").ok());
        QTRY_VERIFY(window.findChild<QAction*>("runAction")->isEnabled());
    }();
    window.findChild<QAction*>("runAction")->trigger();
    auto remoteRun = [&]() -> QString {
        for (const RunInfo& run : window.workbench()->catalog()->runs())
            if (run.target == kHost) return run.id;
        return {};
    };
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!remoteRun().isEmpty(), 60000); }();
    const QString id = remoteRun();
    [&] { QTRY_COMPARE(window.findChild<RunsPanel*>()->currentRunId(), id); }();
    return id;
}

int TestRemoteRuns::csvRows(MainWindow& window) {
    ChartPanel* charts = window.findChild<ChartPanel*>();
    charts->flush();
    if (!charts->families().contains("loss")) return 0;
    const QString path = m_dir.filePath("loss.csv");
    if (!charts->exportCsv("loss", path)) return 0;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return 0;
    return static_cast<int>(file.readAll().count('\n')) - 1;  // minus the header
}

QString TestRemoteRuns::targetText(MainWindow& window, const QString& runId) {
    QAbstractItemModel* model = window.findChild<RunsPanel*>()->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(RunsTableModel::RunIdRole).toString() == runId)
            return model->index(row, RunsTableModel::Target).data().toString();
    }
    return {};
}

void TestRemoteRuns::remoteRunIsFollowedStoppedAndReattached() {
    m_window = openWindow();
    connectHost(*m_window);
    const QString id = launchOnHost(*m_window);
    QVERIFY(!id.isEmpty());
    const QString dir = QDir(m_remoteRoot).canonicalPath() + "/" + id;
    QVERIFY2(QFile::exists(dir + "/run.json"), qPrintable(dir));
    QCOMPARE(targetText(*m_window, id), kHost);
    QTRY_VERIFY_WITH_TIMEOUT(csvRows(*m_window) > 3, 90000);
    QPlainTextEdit* log = m_window->findChild<LogView*>()->textEdit();
    QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains("loss"), 60000);
    QVERIFY(m_window->findChild<LogView*>()->isStreaming());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->workbench()->catalog()->find(id)->state, RunState::Running,
                              30000);
    screenshot(*m_window, "remote-run.png");

    // The app closes mid-run and comes back: the host reconnects by itself, the run is
    // listed again from the scan and followed from the start of its files.
    const int before = csvRows(*m_window);
    closeWindow();
    m_window = openWindow();
    QCOMPARE(m_window->runActions()->targetBox()->host(), kHost);  // the choice is remembered
    QTRY_COMPARE_WITH_TIMEOUT(m_window->hostWorkbench()->hosts()->state(kHost),
                              ConnectionState::Connected, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->workbench()->catalog()->find(id), 30000);
    QCOMPARE(m_window->workbench()->catalog()->find(id)->state, RunState::Running);
    QTRY_COMPARE(m_window->findChild<RunsPanel*>()->currentRunId(),
                 id);  // the newest run, shown by itself
    QTRY_VERIFY_WITH_TIMEOUT(csvRows(*m_window) > before, 90000);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->findChild<LogView*>()->textEdit()->toPlainText().contains("loss"), 60000);

    // The link is cut three times mid-run (sshd's processes serving it killed): the host
    // reconnects by itself each time and the curves go on from where they were. Each cut waits
    // for a connection to cut: the host's new one after the last cut.
    for (int cut = 0; cut < 3; ++cut) {
        const int rows = csvRows(*m_window);
        int killed = 0;  // QTRY evaluates once more after its loop
        QTRY_VERIFY_WITH_TIMEOUT((killed += cutConnections(m_sshd)) > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(csvRows(*m_window) > rows, 90000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_window->hostWorkbench()->hosts()->state(kHost),
                              ConnectionState::Connected, 30000);

    QTRY_VERIFY(m_window->findChild<QAction*>("stopAction")->isEnabled());
    m_window->findChild<QAction*>("stopAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->workbench()->catalog()->find(id)->state, RunState::Stopped,
                              120000);
    // Everything the trainer wrote reaches the curves, each record once, through the reopen
    // and the three cuts.
    QFile file(dir + "/metrics.jsonl");
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qsizetype lines = file.readAll().count('\n');
    QVERIFY(lines > 5);
    RunMetrics* metrics = m_window->workbench()->metrics()->find(id);
    QVERIFY(metrics && metrics->isFed());
    QTRY_COMPARE_WITH_TIMEOUT(qsizetype(metrics->store().recordCount()), lines, 30000);
    QVERIFY(!m_window->findChild<QAction*>("stopAction")->isEnabled());
}

void TestRemoteRuns::hostStateIsShownNextToItsRuns() {
    m_window = openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->hostWorkbench()->hosts()->state(kHost),
                              ConnectionState::Connected, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->workbench()->catalog()->remoteHosts().isEmpty(), 30000);
    QString id;
    for (const RunInfo& run : m_window->workbench()->catalog()->runs())
        if (run.target == kHost) id = run.id;
    QVERIFY(!id.isEmpty());
    QCOMPARE(targetText(*m_window, id), kHost);
    m_window->hostWorkbench()->hosts()->disconnectHost(kHost);
    QTRY_COMPARE(targetText(*m_window, id), kHost + " (offline)");
    QCOMPARE(m_window->workbench()->catalog()->find(id)->state, RunState::Stopped);  // still listed

    // Run on a host that is not connected says so, and what to do; nothing is started.
    QCOMPARE(m_window->runActions()->targetBox()->host(), kHost);
    const qsizetype runs = m_window->workbench()->catalog()->runs().size();
    QTRY_VERIFY(m_window->findChild<QAction*>("runAction")->isEnabled());
    m_window->findChild<QAction*>("runAction")->trigger();
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains("connect it in the Hosts dock"));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(kHost + " is offline"),
             qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(m_window->workbench()->catalog()->runs().size(), runs);
}

// A run on a host reads the box's data: a path that exists only there does not block Run.
void TestRemoteRuns::dataPathIsTheHostsWhenRunningThere() {
    m_window = openWindow();
    RunTargetBox* target = m_window->runActions()->targetBox();
    QVERIFY(target->findData(kHost) > 0);
    target->setCurrentIndex(0);  // this machine
    ConfigDocument* document = m_window->findChild<ConfigEditor*>()->document();
    QVERIFY(document->setValue("data.kind", "csv").ok());
    QVERIFY(document->setValue("data.path", "sets/only-on-the-box.csv").ok());
    QTRY_VERIFY(!m_window->findChild<QAction*>("runAction")->isEnabled());
    QVERIFY2(m_window->findChild<QAction*>("runAction")->toolTip().contains("does not exist"),
             qPrintable(m_window->findChild<QAction*>("runAction")->toolTip()));
    target->setCurrentIndex(target->findData(kHost));
    QTRY_VERIFY(m_window->findChild<QAction*>("runAction")->isEnabled());
    target->setCurrentIndex(0);
    QTRY_VERIFY(!m_window->findChild<QAction*>("runAction")->isEnabled());
}

// Run Script… on a host with "Sync this folder first": the folder (a git work tree) is mirrored
// into the working dir there before the run starts, the run reads it, and run.json records the
// commit, which the runs table shows.
void TestRemoteRuns::scriptRunSyncsItsFolderFirst() {
    const QString code = m_dir.filePath("my code");
    QVERIFY(QDir().mkpath(code));
    QFile script(code + "/train.sh");
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("cat notes.txt\necho step=1 loss=0.5\n");
    script.close();
    QFile notes(code + "/notes.txt");
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("synced before the run\n");
    notes.close();
    QProcess git;
    git.setWorkingDirectory(code);
    const QStringList identity{"-c", "user.name=t", "-c", "user.email=t@t"};
    for (const QStringList& step : {QStringList{"init", "-q"}, QStringList{"add", "."},
                                    QStringList{"commit", "-qm", "first"}}) {
        git.start("git", identity + step);
        QVERIFY(git.waitForFinished(60000) && git.exitCode() == 0);
    }

    m_window = openWindow();
    connectHost(*m_window);
    RunTargetBox* target = m_window->runActions()->targetBox();
    target->setCurrentIndex(target->findData(kHost));
    m_window->findChild<QAction*>("scriptRunAction")->trigger();
    auto* dialog = m_window->findChild<ScriptRunDialog*>();
    QVERIFY(dialog && dialog->syncBox());
    dialog->commandEdit()->setText("sh train.sh");
    dialog->regexEdit()->clear();
    const QString remote = m_dir.filePath("box code/project");
    dialog->workDirEdit()->setText(remote);
    dialog->syncBox()->setChecked(true);
    dialog->syncFolderEdit()->setText(m_dir.filePath("missing"));
    QVERIFY(!dialog->runButton()->isEnabled());  // no such folder here
    dialog->syncFolderEdit()->setText(code);
    QVERIFY(dialog->runButton()->isEnabled());
    QVERIFY2(dialog->syncStatus()->text().contains(remote),
             qPrintable(dialog->syncStatus()->text()));
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);

    QString id;
    QTRY_VERIFY_WITH_TIMEOUT(
        !(id =
              [&] {
                  for (const RunInfo& run : m_window->workbench()->catalog()->runs())
                      if (run.target == kHost && !run.code.isEmpty()) return run.id;
                  return QString();
              }())
             .isEmpty(),
        120000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->workbench()->catalog()->find(id)->state, RunState::Finished,
                              120000);
    QCOMPARE(QFileInfo(remote + "/notes.txt").size(), notes.size());
    const QString runDir = QDir(m_remoteRoot).canonicalPath() + "/" + id;
    QFile log(runDir + "/output.log");
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("synced before the run"));
    QFile runJson(runDir + "/run.json");
    QVERIFY(runJson.open(QIODevice::ReadOnly));
    const QJsonObject recorded =
        QJsonDocument::fromJson(runJson.readAll()).object().value("code").toObject();
    git.start("git", {"rev-parse", "HEAD"});
    QVERIFY(git.waitForFinished(60000));
    QCOMPARE(recorded.value("commit").toString(), QString::fromLatin1(git.readAll().trimmed()));
    QCOMPARE(recorded.value("files").toString(), QStringLiteral("2"));
    QCOMPARE(recorded.value("manifest").toString().size(), 64);
    QVERIFY2(m_window->workbench()->catalog()->find(id)->code.startsWith("commit "),
             qPrintable(m_window->workbench()->catalog()->find(id)->code));
}

QTEST_MAIN(TestRemoteRuns)
#include "tst_remote_runs.moc"
