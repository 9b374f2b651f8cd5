// Run Script… offscreen: the regex tester shows what a pasted line gives, an invalid regex (or
// no command) disables Run with the reason, the last values come back, and a local script run
// started from the main window's action yields metrics taken from its output by the regex.
#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "core/runs/run_catalog.h"
#include "core/runs/workspace.h"
#include "core/services/workbench.h"
#include "tests/support/run_test_support.h"
#include "ui/config/config_editor.h"
#include "ui/main/main_window.h"
#include "ui/main/run_actions.h"
#include "ui/main/script_run_dialog.h"

using namespace tb;
using namespace tb::test;

namespace {
const QString kRegex = QStringLiteral(R"(step=(?<step>\d+) loss=(?<train_loss>\S+))");
}

class TestScriptRunDialog : public QObject {
    Q_OBJECT

public:
    TestScriptRunDialog();

private Q_SLOTS:
    void regexTesterShowsParsedMetrics();
    void invalidRegexOrNoCommandDisablesRun();
    void lastValuesComeBack();
    void processesPerNodeNeedAPythonScript();
    void localScriptRunGetsMetricsFromTheRegex();
    void notebookFromTheRunMenuRunsHeadless();

private:
    // The window on a fresh runs root m_dir/ROOT, shown; null when it never appeared.
    std::unique_ptr<MainWindow> openWindow(const QString& root);
    // The dir of the newest run once it has finished, else empty.
    static QString finishedRun(MainWindow& window);
    static void closeWindow(MainWindow& window);

    QTemporaryDir m_dir;
};

std::unique_ptr<MainWindow> TestScriptRunDialog::openWindow(const QString& root) {
    AppContext context;
    context.runsRoot = m_dir.filePath(root);
    context.configsDir = seedWorkspace(context.runsRoot);
    context.binDir = binDir();
    context.hostsConfigDir = m_dir.filePath("hosts");
    context.hostsOptions.checkKeychain = false;
    auto window = std::make_unique<MainWindow>(context);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) return nullptr;
    return window;
}

QString TestScriptRunDialog::finishedRun(MainWindow& window) {
    window.workbench()->catalog()->refresh();
    QString runDir;
    for (const RunInfo& run : window.workbench()->catalog()->runs()) runDir = run.dir;
    return !runDir.isEmpty() && stateOf(runDir) == "finished" ? runDir : QString();
}

void TestScriptRunDialog::closeWindow(MainWindow& window) {
    window.findChild<ConfigEditor*>()->setUnsavedPrompt(
        [](const QString&) { return ConfigEditor::UnsavedChoice::Discard; });
    window.close();
}

TestScriptRunDialog::TestScriptRunDialog() {
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QCoreApplication::setOrganizationName("trainbench-test-script-dialog");
}

void TestScriptRunDialog::regexTesterShowsParsedMetrics() {
    ScriptRunDialog dialog{QString(), QString(), QString()};
    dialog.show();
    QTest::keyClicks(dialog.regexEdit(), kRegex);
    QVERIFY2(dialog.regexStatus()->text().contains("step, train_loss"),
             qPrintable(dialog.regexStatus()->text()));
    QTest::keyClicks(dialog.sampleEdit(), "epoch 1: step=42 loss=0.125 lr=0.1");
    const QString parsed = dialog.sampleResult()->text();
    QVERIFY2(parsed.contains("step 42") && parsed.contains("train_loss 0.125"), qPrintable(parsed));
    QVERIFY2(!parsed.contains("lr"), qPrintable(parsed));
    if (const QString shots = qEnvironmentVariable("TB_SCREENSHOT_DIR"); !shots.isEmpty()) {
        dialog.commandEdit()->setText("python train.py --lr {optim.lr}");
        dialog.grab().save(shots + "/script-run.png");  // for the docs
    }

    dialog.sampleEdit()->clear();
    QTest::keyClicks(dialog.sampleEdit(), "step=43 loss=oops");
    QVERIFY2(dialog.sampleResult()->text().contains("oops"),
             qPrintable(dialog.sampleResult()->text()));
    dialog.sampleEdit()->clear();
    QTest::keyClicks(dialog.sampleEdit(), "validating...");
    QVERIFY2(dialog.sampleResult()->text().startsWith("no match"),
             qPrintable(dialog.sampleResult()->text()));
}

void TestScriptRunDialog::invalidRegexOrNoCommandDisablesRun() {
    ScriptRunDialog dialog{QString(), QString(), QString()};
    dialog.show();
    dialog.commandEdit()->clear();
    dialog.regexEdit()->clear();
    QVERIFY(!dialog.runButton()->isEnabled());  // no command yet
    QTest::keyClicks(dialog.commandEdit(), "python train.py --lr {optim.lr}");
    QVERIFY(dialog.runButton()->isEnabled());  // no regex: trainbench_log.py metrics
    QTest::keyClicks(dialog.regexEdit(), R"(loss=(?<x\S+))");
    QVERIFY(!dialog.runButton()->isEnabled());
    QVERIFY2(dialog.regexStatus()->text().contains("position"),
             qPrintable(dialog.regexStatus()->text()));
    QVERIFY(dialog.runButton()->toolTip().contains("regex"));
    dialog.regexEdit()->setText(R"(loss=(\S+))");  // no named group: nothing to plot
    QVERIFY(!dialog.runButton()->isEnabled());
    dialog.regexEdit()->setText(kRegex);
    QVERIFY(dialog.runButton()->isEnabled());
}

void TestScriptRunDialog::lastValuesComeBack() {
    {
        ScriptRunDialog dialog(QString(), "/tmp/x.yaml", "name: x\n");
        dialog.show();
        dialog.commandEdit()->setText("python train.py --lr {optim.lr}");
        dialog.workDirEdit()->setText(m_dir.path());
        dialog.envLineEdit()->setText(". /etc/network_turbo");
        dialog.regexEdit()->setText(kRegex);
        QTest::keyClicks(dialog.tensorboardEdit(), "logs/tb");
        dialog.useConfigBox()->setChecked(false);
        QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const LaunchRequest request = dialog.request();
        QCOMPARE(request.envLine, QString(". /etc/network_turbo"));
        QCOMPARE(request.tensorboardDir, QString("logs/tb"));
        QVERIFY(request.configText.isEmpty());  // the editor's config was not wanted
    }
    ScriptRunDialog again(QString(), "/tmp/x.yaml", "name: x\n");
    QCOMPARE(again.commandEdit()->text(), QString("python train.py --lr {optim.lr}"));
    QCOMPARE(again.workDirEdit()->text(), m_dir.path());
    QCOMPARE(again.envLineEdit()->text(), QString(". /etc/network_turbo"));
    QCOMPARE(again.regexEdit()->text(), kRegex);
    QCOMPARE(again.tensorboardEdit()->text(), QString("logs/tb"));
    QVERIFY(!again.useConfigBox()->isChecked());
}

// More than one process per node goes through torchrun, which starts a python script: any
// other command disables Run with the reason, and the count reaches the launch request.
void TestScriptRunDialog::processesPerNodeNeedAPythonScript() {
    ScriptRunDialog dialog{QString(), QString(), QString()};
    dialog.show();
    dialog.regexEdit()->clear();
    dialog.commandEdit()->setText("sh train.sh");
    QVERIFY(dialog.runButton()->isEnabled());
    dialog.processesBox()->setFocus();
    dialog.processesBox()->selectAll();
    QTest::keyClicks(dialog.processesBox(), "2");
    QCOMPARE(dialog.processesBox()->value(), 2);
    QVERIFY(!dialog.runButton()->isEnabled());
    QVERIFY2(dialog.processesStatus()->text().contains("python SCRIPT.py"),
             qPrintable(dialog.processesStatus()->text()));
    dialog.commandEdit()->setText("python train.py --lr {optim.lr}");
    QVERIFY(dialog.runButton()->isEnabled());
    QVERIFY2(dialog.processesStatus()->text().contains("--nproc_per_node=2"),
             qPrintable(dialog.processesStatus()->text()));
    QCOMPARE(dialog.request().processes, 2);
    dialog.processesBox()->setValue(1);
    QCOMPARE(dialog.request().processes, 1);
}

void TestScriptRunDialog::localScriptRunGetsMetricsFromTheRegex() {
    if (!QFile::exists(binDir() + "/trainbench-train")) QSKIP("TB_BIN_DIR has no trainbench-train");
    QTemporaryDir work;
    QFile script(work.filePath("train.sh"));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(
        "i=1\nwhile [ $i -le 6 ]; do echo \"step=$((i * 10)) loss=0.$((10 - i))\"; "
        "echo noise; i=$((i + 1)); done\n");
    script.close();

    const std::unique_ptr<MainWindow> opened = openWindow("runs");
    QVERIFY(opened);
    MainWindow& window = *opened;
    QCOMPARE(window.findChild<QAction*>("scriptRunAction")->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    window.findChild<QAction*>("scriptRunAction")->trigger();
    ScriptRunDialog* dialog = window.findChild<ScriptRunDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->host().isEmpty());  // "Run on" says this machine
    dialog->commandEdit()->setText("sh train.sh");
    dialog->workDirEdit()->setText(work.path());
    dialog->envLineEdit()->setText("export TB_TEST_NOTE=1");
    dialog->regexEdit()->setText(kRegex);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);

    QString runDir;
    QTRY_VERIFY_WITH_TIMEOUT(!(runDir = finishedRun(window)).isEmpty(), 60000);
    const QList<QJsonObject> records = metricsRecords(runDir);
    QCOMPARE(records.size(), 6);
    for (int i = 0; i < records.size(); ++i) {
        QCOMPARE(records[i].value("step").toInteger(), (i + 1) * 10);
        QCOMPARE(records[i].value("train_loss").toDouble(), QString("0.%1").arg(9 - i).toDouble());
    }
    closeWindow(window);
}

// Run → Run Notebook…: the chosen notebook runs on this machine in its own folder, and its
// executed copy lands in the run folder.
void TestScriptRunDialog::notebookFromTheRunMenuRunsHeadless() {
    if (!QFile::exists(binDir() + "/trainbench-train")) QSKIP("TB_BIN_DIR has no trainbench-train");
    QTemporaryDir work;
    QFile notebook(work.filePath("explore.ipynb"));
    QVERIFY(notebook.open(QIODevice::WriteOnly));
    notebook.write(R"nb({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "code", "id": "a1", "metadata": {}, "execution_count": null,
         "outputs": [], "source": "import os\nprint(os.path.basename(os.getcwd()))"}]})nb");
    notebook.close();

    const std::unique_ptr<MainWindow> opened = openWindow("notebook-runs");
    QVERIFY(opened);
    MainWindow& window = *opened;
    QAction* action = window.findChild<QAction*>("notebookRunAction");
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
    bool inRunMenu = false;
    for (QAction* menu : window.menuBar()->actions())
        if (menu->menu() && menu->menu()->actions().contains(action)) inRunMenu = true;
    QVERIFY(inRunMenu);
    window.runActions()->runNotebookFile(notebook.fileName());

    QString runDir;
    QTRY_VERIFY_WITH_TIMEOUT(!(runDir = finishedRun(window)).isEmpty(), 60000);
    QVERIFY2(runDir.endsWith("-explore"), qPrintable(runDir));
    const QByteArray executed = fileText(runDir + "/notebook.executed.ipynb");
    // It ran in the notebook's own folder, as Jupyter would.
    QVERIFY2(executed.contains(QFileInfo(work.path()).fileName().toUtf8()), executed.constData());
    closeWindow(window);
}

QTEST_MAIN(TestScriptRunDialog)
#include "tst_script_run_dialog.moc"
