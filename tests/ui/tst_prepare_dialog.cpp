// "Prepare host" in the app, against the local sshd of tests/remote standing in for the box.
// The trainer's sources are a tiny tree whose build.sh prints a few build lines and installs a
// trainer that hands over to this build's trainbench-train, so no test waits for a real build.
// The dialog shows its steps and log and stores the trainer path (a second prepare is cached);
// a missing cmake gets the install command and button; Cancel stops a build; a launch on a host
// without a trainer prepares it first and then starts, while a cancelled prepare starts nothing.
#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "core/metrics/run_metrics.h"
#include "core/runs/local_backend.h"
#include "core/runs/run_catalog.h"
#include "core/runs/run_targets.h"
#include "remote/hosts/hosts_controller.h"
#include "remote/runs/remote_runs.h"
#include "tests/remote/ssh_test_support.h"
#include "tests/support/run_test_support.h"
#include "ui/hosts/hosts_panel.h"
#include "ui/hosts/prepare_host_dialog.h"
#include "ui/main/run_controller.h"

#include <signal.h>

using namespace tb;
using namespace tb::test;

namespace {

const QString kHost = QStringLiteral("box");

// build.sh KEYDIR TORCHDIR CPUS CMAKE CXX ABI, as HostPreparer runs it.
QByteArray buildScript(const QString& trainer, bool slow) {
    QByteArray script = "set -e\necho \"fake build: configuring against $2\"\n";
    if (slow) script += "while :; do echo still building; sleep 1; done\n";
    script +=
        "for i in 1 2 3 4 5; do echo \"[$((i * 20))%] Building CXX object part$i.o\"; done\n"
        "mkdir -p \"$1/bin\"\n"
        "printf '#!/bin/sh\\nexec %s \"$@\"\\n' '" +
        trainer.toUtf8() +
        "' > \"$1/bin/trainbench-train\"\n"
        "chmod +x \"$1/bin/trainbench-train\"\n";
    return script;
}

// The run side of the main window on the test's hosts: RunController with RemoteRuns.
struct Launcher {
    Launcher(HostsController* hosts, const QString& runsRoot, const PrepareOptions& options)
        : catalog(runsRoot),
          local(runsRoot, binDir()),
          targets(&local),
          remote(hosts, &catalog, &metrics, binDir() + "/tb-wrap.sh"),
          controller(&targets, &catalog, &window),
          launched(&controller, &RunController::launched),
          failed(&controller, &RunController::failed) {
        window.show();
        targets.setHostLookup([this](const QString& host) { return remote.runsOn(host); });
        controller.setRemoteRuns(&remote);
        controller.setPrepareOptions(options);
    }

    // A quick demo run on the host; returns the prepare dialog that comes up first.
    PrepareHostDialog* launchDemo() {
        LaunchRequest request;
        request.configPath = demoConfig();
        request.sets = quickSets();
        controller.launchOn(kHost, request);
        (void)QTest::qWaitFor([&] { return window.findChild<PrepareHostDialog*>(); }, 30000);
        return window.findChild<PrepareHostDialog*>();
    }

    QWidget window;
    RunCatalog catalog;
    LocalBackend local;
    RunTargets targets;
    RunMetricsPool metrics;
    RemoteRuns remote;
    RunController controller;
    QSignalSpy launched;
    QSignalSpy failed;
};

// For the docs: TB_SCREENSHOT_DIR=folder saves what a test shows.
void screenshot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("TB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) widget.grab().save(dir + "/" + name);
}

}  // namespace

class TestPrepareDialog : public SshdTestCase {
    Q_OBJECT

public:
    TestPrepareDialog();

private Q_SLOTS:
    void init();
    void showsStepsAndLogAndStoresTrainerPath();
    void missingCmakeOffersTheInstallCommand();
    void cancelStopsTheBuild();
    void launchOnUnpreparedHostPreparesFirst();
    void cancelledPrepareLaunchesNothing();
    void scriptWithoutRegexNeedsNoTrainer();
    void hostsDockOpensPrepareHost();
    void removedHostEndsThePrepare();  // last: the host is gone afterwards

private:
    void writeSources(QTemporaryDir& dir, bool slow);
    PrepareOptions options(const QTemporaryDir& sources) const;
    const RemoteHost* stored() const { return m_hosts->host(kHost); }
    void storeTrainerPath(const QString& path);

    QTemporaryDir m_dir;
    QTemporaryDir m_sources;
    QTemporaryDir m_slowSources;
    QTemporaryDir m_cache;
    std::unique_ptr<HostsController> m_hosts;
};

TestPrepareDialog::TestPrepareDialog() {
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QCoreApplication::setOrganizationName("trainbench-test-prepare-dialog");
}

void TestPrepareDialog::writeSources(QTemporaryDir& dir, bool slow) {
    QFile build(dir.filePath("build.sh"));
    QVERIFY(build.open(QIODevice::WriteOnly));
    build.write(buildScript(binDir() + "/trainbench-train", slow));
}

PrepareOptions TestPrepareDialog::options(const QTemporaryDir& sources) const {
    PrepareOptions options;
    options.sources = sources.path();
    options.cacheRoot = m_cache.path();
    options.pollMs = 100;
    return options;
}

// The base starts sshd (initTestCase; its init() is replaced here); each test needs one host, made
// by the first: trusted by its fingerprint, connected, no trainer yet.
void TestPrepareDialog::init() {
    if (!m_skipReason.isEmpty()) QSKIP(qPrintable("no local sshd: " + m_skipReason));
    if (!QFile::exists(binDir() + "/trainbench-train")) QSKIP("TB_BIN_DIR has no trainbench-train");
    if (m_hosts) {
        if (m_hosts->state(kHost) != ConnectionState::Connected) m_hosts->connectHost(kHost);
        QTRY_COMPARE_WITH_TIMEOUT(m_hosts->state(kHost), ConnectionState::Connected, 30000);
        return;
    }
    writeSources(m_sources, false);
    writeSources(m_slowSources, true);
    HostsControllerOptions hostOptions;
    hostOptions.connection.session = testOptions();
    hostOptions.knownHostsFile = m_dir.filePath("known_hosts");
    hostOptions.checkKeychain = false;
    m_hosts = std::make_unique<HostsController>(m_dir.filePath("hosts"), hostOptions);
    QVERIFY(m_hosts->load().ok());
    HostDraft draft;
    draft.host.name = kHost;
    draft.host.target = keyTarget(m_sshd, QString());
    draft.host.runsRoot = m_dir.filePath("box runs");
    QVERIFY(m_hosts->addHost(draft).ok());
    m_hosts->acceptHostKey(kHost, m_sshd.hostKeyFingerprint());
    QTRY_COMPARE_WITH_TIMEOUT(m_hosts->state(kHost), ConnectionState::Connected, 30000);
}

void TestPrepareDialog::storeTrainerPath(const QString& path) {
    HostDraft draft;
    draft.host = *stored();
    draft.host.trainerPath = path;
    QVERIFY(m_hosts->updateHost(draft).ok());
}

void TestPrepareDialog::showsStepsAndLogAndStoresTrainerPath() {
    PrepareHostDialog dialog(m_hosts.get(), kHost);
    dialog.setOptions(options(m_sources));
    dialog.setAutoCloseMs(-1);
    QSignalSpy prepared(&dialog, &PrepareHostDialog::preparedHost);
    dialog.show();
    dialog.start();
    QVERIFY(dialog.isRunning());
    QVERIFY(prepared.wait(30000));
    QVERIFY2(dialog.succeeded(), qPrintable(dialog.resultMessage()));
    for (PrepareStep step : {PrepareStep::Detect, PrepareStep::CheckCache, PrepareStep::Upload,
                             PrepareStep::Build, PrepareStep::Verify})
        QCOMPARE(dialog.stepState(step), QString("done"));
    QCOMPARE(dialog.stepState(PrepareStep::InstallTools), QString("skipped"));
    const QString log = dialog.logView()->toPlainText();
    QVERIFY2(log.contains("[100%] Building CXX object part5.o"), qPrintable(log));
    QVERIFY(log.contains("== build:"));
    QVERIFY(dialog.cancelButton()->text() == "Close");
    screenshot(dialog, "prepare-host.png");

    // Stored, as `trainbench prepare` stores it: in hosts.json, under the cache folder.
    const QString trainer = stored()->trainerPath;
    QVERIFY2(trainer.startsWith(m_cache.path() + "/") && trainer.endsWith("/bin/trainbench-train"),
             qPrintable(trainer));
    HostStore reread(m_dir.filePath("hosts"));
    QVERIFY(reread.load().ok());
    QCOMPARE(reread.find(kHost)->trainerPath, trainer);
    QVERIFY(prepared.first().at(2).toString().contains(trainer));

    // Again: found in the cache, nothing uploaded or built.
    dialog.start();
    QVERIFY(prepared.wait(30000));
    QVERIFY(dialog.succeeded());
    QCOMPARE(dialog.stepState(PrepareStep::Upload), QString("skipped"));
    QCOMPARE(dialog.stepState(PrepareStep::Build), QString("skipped"));
    QVERIFY(dialog.logView()->toPlainText().contains("cached: "));
    QCOMPARE(stored()->trainerPath, trainer);
}

void TestPrepareDialog::missingCmakeOffersTheInstallCommand() {
    PrepareHostDialog dialog(m_hosts.get(), kHost);
    PrepareOptions missing = options(m_sources);
    missing.cmake = "tb-no-such-cmake";
    dialog.setOptions(missing);
    const QString before = stored()->trainerPath;
    QSignalSpy prepared(&dialog, &PrepareHostDialog::preparedHost);
    dialog.show();
    dialog.start();
    QVERIFY(prepared.wait(30000));
    QVERIFY(!dialog.succeeded());
    QCOMPARE(dialog.stepState(PrepareStep::Detect), QString("failed"));
    QCOMPARE(dialog.stepState(PrepareStep::Upload), QString("waiting"));
    const QString message = dialog.resultMessage();
    QVERIFY2(message.contains("has no cmake") && message.contains(QString::number(m_sshd.port())),
             qPrintable(message));
    // One message, and beside it the exact command with a button that runs it.
    QVERIFY(dialog.installButton()->isVisible());
    QVERIFY(dialog.installButton()->isEnabled());
    const QString command = dialog.installCommandLabel()->text();
    QVERIFY2(command.contains("install") && command.contains("cmake"), qPrintable(command));
    QVERIFY2(message.contains(command), qPrintable(message + "\n" + command));
    QVERIFY(dialog.logView()->toPlainText().contains(message));
    screenshot(dialog, "prepare-host-missing-tools.png");
    QCOMPARE(stored()->trainerPath, before);
}

void TestPrepareDialog::cancelStopsTheBuild() {
    PrepareHostDialog dialog(m_hosts.get(), kHost);
    dialog.setOptions(options(m_slowSources));
    QSignalSpy prepared(&dialog, &PrepareHostDialog::preparedHost);
    dialog.show();
    dialog.start();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.logView()->toPlainText().contains("still building"), 30000);
    QCOMPARE(dialog.stepState(PrepareStep::Build), QString("running"));
    QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
    QVERIFY(prepared.wait(30000));
    QVERIFY(!dialog.succeeded());
    QCOMPARE(dialog.stepState(PrepareStep::Build), QString("cancelled"));
    QVERIFY2(dialog.resultMessage().contains("cancelled"), qPrintable(dialog.resultMessage()));
    QVERIFY(!dialog.installButton()->isVisible());
    // The build's whole process group is gone from the box (/bin/sh may be dash).
    pid_t group = 0;
    for (QDirIterator it(m_cache.path(), {"job.log"}, QDir::Files, QDirIterator::Subdirectories);
         it.hasNext();) {
        const QString log = it.next();
        if (fileText(log).contains("still building"))
            group = fileText(QFileInfo(log).path() + "/job.pid").trimmed().toInt();
    }
    QVERIFY(group > 1);
    QTRY_VERIFY_WITH_TIMEOUT(::kill(-group, 0) != 0, 10000);
    QVERIFY(dialog.isVisible());  // Cancel stopped the build; Close closes
    QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
}

// Run on a host that has no trainer: the prepare dialog comes first, closes by itself, and the
// run starts with the new trainer and finishes.
void TestPrepareDialog::launchOnUnpreparedHostPreparesFirst() {
    storeTrainerPath(QString());
    Launcher launcher(m_hosts.get(), m_dir.filePath("runs"), options(m_sources));
    QSignalSpy& launched = launcher.launched;
    PrepareHostDialog* dialog = launcher.launchDemo();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(launched.isEmpty());  // nothing starts while the host is being prepared
    QVERIFY2(launched.wait(60000), launcher.failed.isEmpty()
                                       ? "no launch"
                                       : qPrintable(launcher.failed.first().first().toString()));
    QVERIFY(!launcher.window.findChild<PrepareHostDialog*>());  // closed by itself after success
    QVERIFY(stored()->trainerPath.startsWith(m_cache.path()));
    const QString runDir = m_dir.filePath("box runs") + "/" + launched.first().first().toString();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(runDir), QString("finished"), 120000);
    QVERIFY(lastMetricsStep(runDir) > 0);
}

// The stored trainer is gone from the box: prepare again; cancelled, nothing is launched.
void TestPrepareDialog::cancelledPrepareLaunchesNothing() {
    const QString gone = m_dir.filePath("gone/bin/trainbench-train");
    storeTrainerPath(gone);
    const QDir remoteRuns(m_dir.filePath("box runs"));
    const QStringList runsBefore = remoteRuns.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    Launcher launcher(m_hosts.get(), m_dir.filePath("runs"), options(m_slowSources));
    PrepareHostDialog* dialog = launcher.launchDemo();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->stepState(PrepareStep::Build) == "running", 30000);
    // Run pressed again meanwhile: the same dialog stays the only one.
    launcher.launchDemo();
    QTRY_VERIFY(!launcher.failed.isEmpty());
    QVERIFY(launcher.failed.first().first().toString().contains("is being prepared"));
    QCOMPARE(launcher.window.findChildren<PrepareHostDialog*>().size(), 1);
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);  // stops the build
    QTRY_COMPARE_WITH_TIMEOUT(dialog->cancelButton()->text(), QString("Close"), 30000);
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);  // closes
    QTRY_VERIFY(!launcher.failed.isEmpty());
    const QString message = launcher.failed.last().first().toString();
    QVERIFY2(message.contains("Nothing launched on box") && message.contains("cancelled"),
             qPrintable(message));
    QVERIFY(launcher.launched.isEmpty());
    QCOMPARE(stored()->trainerPath, gone);
    QCOMPARE(remoteRuns.entryList(QDir::Dirs | QDir::NoDotAndDotDot), runsBefore);
}

// A script whose metrics come from trainbench_log.py runs without the trainer: no prepare.
void TestPrepareDialog::scriptWithoutRegexNeedsNoTrainer() {
    storeTrainerPath(QString());
    Launcher launcher(m_hosts.get(), m_dir.filePath("runs"), options(m_sources));
    LaunchRequest request;
    request.command = "echo hello from the box";
    launcher.controller.launchOn(kHost, request);
    QVERIFY(launcher.launched.wait(30000));
    QVERIFY(stored()->trainerPath.isEmpty());  // a prepare would have stored one
    const QString runDir =
        m_dir.filePath("box runs") + "/" + launcher.launched.first().first().toString();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(runDir), QString("finished"), 30000);
}

// "Prepare host…" in the Hosts dock opens the dialog on the selected host; Cancel stops it.
void TestPrepareDialog::hostsDockOpensPrepareHost() {
    HostsPanel panel(m_hosts.get());
    panel.show();
    panel.selectHost(kHost);
    QVERIFY(panel.prepareHostAction()->isEnabled());
    panel.prepareHostAction()->trigger();
    auto* dialog = panel.findChild<PrepareHostDialog*>();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(dialog->hostName(), kHost);
    QVERIFY(dialog->isRunning());
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isRunning());
    QVERIFY(!dialog->succeeded());
    QVERIFY2(dialog->resultMessage().contains("cancelled"), qPrintable(dialog->resultMessage()));
    QVERIFY(stored()->trainerPath.isEmpty());
}

// The host removed mid-build: its session goes, the dialog ends with what happened (and no
// poll touches the dead session: the preparer is deleted at once). The orphaned fake build is
// stopped here.
void TestPrepareDialog::removedHostEndsThePrepare() {
    PrepareHostDialog dialog(m_hosts.get(), kHost);
    dialog.setOptions(options(m_slowSources));
    dialog.show();
    dialog.start();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.logView()->toPlainText().contains("still building"), 30000);
    QVERIFY(m_hosts->removeHost(kHost).ok());
    QVERIFY(!dialog.isRunning());
    QVERIFY(!dialog.succeeded());
    QVERIFY2(dialog.resultMessage().contains("removed"), qPrintable(dialog.resultMessage()));
    QCOMPARE(dialog.stepState(PrepareStep::Build), QString("failed"));
    for (QDirIterator it(m_cache.path(), {"job.pid"}, QDir::Files, QDirIterator::Subdirectories);
         it.hasNext();) {
        const QString pidFile = it.next();
        if (QFile::exists(QFileInfo(pidFile).path() + "/job.exit")) continue;
        const pid_t pid = fileText(pidFile).trimmed().toInt();
        if (pid > 1) ::kill(-pid, SIGTERM);
    }
}

QTEST_MAIN(TestPrepareDialog)
#include "tst_prepare_dialog.moc"
