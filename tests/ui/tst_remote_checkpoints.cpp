// Remote checkpoints in the main window, through a real local sshd standing in for two GPU
// box: a finished run on "box" shows its checkpoints from the box; the buttons download one
// (checked copy) and resume it on box, starting after the checkpoint's step. (Resume here, on
// another host and fork are covered below the UI by test_remote_checkpoints.)
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "core/runs/run_catalog.h"
#include "core/runs/workspace.h"
#include "core/services/workbench.h"
#include "remote/host_workbench.h"
#include "remote/hosts/hosts_controller.h"
#include "remote/runs/remote_backend.h"
#include "remote/runs/remote_runs.h"
#include "tests/remote/ssh_test_support.h"
#include "tst_sshd_window.h"
#include "ui/config/config_editor.h"
#include "ui/main/checkpoint_table_model.h"
#include "ui/main/checkpoints_panel.h"
#include "ui/main/main_window.h"
#include "ui/main/remote_checkpoints_bar.h"
#include "ui/main/run_controller.h"
#include "ui/main/runs_panel.h"

using namespace tb;
using namespace tb::test;

namespace {

QByteArray fileText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject jsonFile(const QString& path) {
    return QJsonDocument::fromJson(fileText(path)).object();
}

qint64 firstMetricsStep(const QString& runDir) {
    const QByteArray text = fileText(runDir + "/metrics.jsonl");
    return qint64(
        QJsonDocument::fromJson(text.left(text.indexOf('\n'))).object().value("step").toDouble(-1));
}

}  // namespace

class TestRemoteCheckpointsUi : public SshdTestCase {
    Q_OBJECT

public:
    TestRemoteCheckpointsUi() {
        m_context = sshdWindowContext(m_dir, "trainbench-test-remote-checkpoints");
    }

private Q_SLOTS:
    void browseDownloadAndResumeEverywhere() {
        MainWindow window(m_context);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        addHost(window, "box", m_dir.filePath("box runs"));
        addHost(window, "other", m_dir.filePath("other runs"));

        // A short run on box, started and finished on the box.
        LaunchRequest request;
        request.configPath = qEnvironmentVariable("TB_SOURCE_DIR") + "/resources/configs/demo.yaml";
        request.sets = {"data.synthetic.samples=600", "train.epochs=2", "model.kind=mlp",
                        "train.log_every=2"};
        const auto parent = window.hostWorkbench()->remoteRuns()->backend("box")->launch(request);
        QVERIFY2(parent.ok(), parent.ok() ? "" : parent.error().c_str());
        const QString parentDir = QDir(m_dir.filePath("box runs")).canonicalPath() + "/" + *parent;
        QTRY_COMPARE_WITH_TIMEOUT(jsonFile(parentDir + "/status.json").value("state").toString(),
                                  QStringLiteral("finished"), 300000);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.workbench()->catalog()->find(*parent) &&
                isFinalState(window.workbench()->catalog()->find(*parent)->state),
            30000);
        window.findChild<RunsPanel*>()->selectRun(*parent);

        // Its checkpoints, listed from the box.
        CheckpointsPanel* panel = window.findChild<CheckpointsPanel*>();
        QTableView* view = panel->view();
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() >= 2, 30000);
        QCOMPARE(view->model()->index(0, CheckpointTableModel::Check).data().toString(),
                 QStringLiteral("on box"));
        RemoteCheckpointsBar* bar = panel->remoteBar();
        QVERIFY(bar->isVisible());
        QVERIFY(!bar->downloadButton()->isEnabled());  // nothing selected yet
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(view->model()->index(0, 0)).center());
        QTRY_VERIFY(bar->downloadButton()->isEnabled());
        const QString checkpoint = panel->currentCheckpoint();
        QVERIFY(checkpoint.startsWith(parentDir + "/checkpoints/"));
        const QString file = QFileInfo(checkpoint).fileName();
        const qint64 step =
            jsonFile(QString(checkpoint).replace(".pt", ".json")).value("step").toInteger();
        QVERIFY(step > 0);

        // Download: the copy lands in the chosen folder, equal to the box's file.
        const QString downloads = m_dir.filePath("downloads");
        bar->setFolderChooser([&] { return downloads; });
        QSignalSpy downloaded(bar, &RemoteCheckpointsBar::downloaded);
        QTest::mouseClick(bar->downloadButton(), Qt::LeftButton);
        QVERIFY(downloaded.wait(120000));
        const QString copy = downloads + "/box/" + *parent + "/checkpoints/" + file;
        QCOMPARE(downloaded.first().first().toString(), copy);
        QCOMPARE(fileText(copy), fileText(checkpoint));

        QSignalSpy launched(window.findChild<RunController*>(), &RunController::launched);
        QStringList failures;
        connect(window.findChild<RunController*>(), &RunController::failed, this,
                [&](const QString& message) { failures.append(message); });
        connect(window.findChild<RunController*>(), &RunController::statusMessage, this,
                [&](const QString& message) { failures.append("status: " + message); });
        // Resume on box.
        QTest::mouseClick(bar->resumeButton(), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(launched.count() == 1, qPrintable(failures.join("\n")), 120000);
        checkResumed(QDir(m_dir.filePath("box runs")).canonicalPath() + "/" +
                         launched.last().first().toString(),
                     *parent, file, step);
        window.findChild<ConfigEditor*>()->setUnsavedPrompt(
            [](const QString&) { return ConfigEditor::UnsavedChoice::Discard; });
        window.close();
    }

private:
    void addHost(MainWindow& window, const QString& name, const QString& root) {
        HostsController* hosts = window.hostWorkbench()->hosts();
        HostDraft draft;
        draft.host.name = name;
        draft.host.target = keyTarget(m_sshd, QString());
        draft.host.runsRoot = root;
        draft.host.trainerPath = m_context.binDir + "/trainbench-train";
        QVERIFY(hosts->addHost(draft).ok());
        hosts->acceptHostKey(name, m_sshd.hostKeyFingerprint());
        QTRY_COMPARE_WITH_TIMEOUT(hosts->state(name), ConnectionState::Connected, 30000);
    }

    static void checkResumed(const QString& dir, const QString& parent, const QString& file,
                             qint64 step) {
        QTRY_COMPARE_WITH_TIMEOUT(jsonFile(dir + "/status.json").value("state").toString(),
                                  QStringLiteral("finished"), 300000);
        QVERIFY2(firstMetricsStep(dir) > step,
                 qPrintable(QStringLiteral("first step %1, checkpoint step %2")
                                .arg(firstMetricsStep(dir))
                                .arg(step)));
        const QJsonObject link = jsonFile(dir + "/run.json").value("parent").toObject();
        QCOMPARE(link.value("run").toString(), parent);
        QCOMPARE(link.value("checkpoint").toString(), file);
    }

    QTemporaryDir m_dir;
    AppContext m_context;
};

QTEST_MAIN(TestRemoteCheckpointsUi)
#include "tst_remote_checkpoints.moc"
