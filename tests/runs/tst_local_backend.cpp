// Tests LocalBackend with real trainer runs: launch to the end, stop with a checkpoint, kill,
// resume from the parent's checkpoint, and launch errors that say what to fix.

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

#include <cmath>

#include "core/runs/local_backend.h"
#include "core/runs/run_catalog.h"
#include "tests/support/run_test_support.h"

using namespace tb;
using namespace tb::test;

class TestLocalBackend : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rejectsInvalidConfigBeforeCreatingAnything();
    void reportsMissingBinaries();
    void launchRunsToTheEnd();
    void stopLeavesCheckpoint();
    void resumeContinuesAfterParentCheckpoint();
    void killEndsTheRun();
    void runWhoseProcessesVanishIsLost();

private:
    LaunchRequest quickRequest() const;
    QString runDir(const QString& id) const { return m_root.path() + "/" + id; }

    QTemporaryDir m_root;
    QString m_stoppedRun;
};

void TestLocalBackend::initTestCase() {
    if (!QFileInfo::exists(binDir() + "/trainbench-train")) {
        QSKIP("TB_BIN_DIR has no trainbench-train; build it and run through ctest");
    }
    QVERIFY(QFileInfo::exists(binDir() + "/tb-wrap.sh"));
    QVERIFY(QFileInfo::exists(demoConfig()));
}

LaunchRequest TestLocalBackend::quickRequest() const {
    LaunchRequest request;
    request.configPath = demoConfig();
    request.sets = quickSets();
    return request;
}

void TestLocalBackend::rejectsInvalidConfigBeforeCreatingAnything() {
    QTemporaryDir root;
    LocalBackend backend(root.path(), binDir());
    LaunchRequest request = quickRequest();
    request.sets << "optim.lrr=0.1";
    const auto id = backend.launch(request);
    QVERIFY(!id.ok());
    const QString error = QString::fromStdString(id.error());
    QVERIFY2(error.contains("optim.lrr") && error.contains("optim.lr"), qPrintable(error));
    QVERIFY(QDir(root.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());

    request = quickRequest();
    request.configText = "name: [unclosed\n";
    QVERIFY(!backend.launch(request).ok());
    request.configText.clear();
    request.configPath = root.path() + "/missing.yaml";
    const auto missing = backend.launch(request);
    QVERIFY(QString::fromStdString(missing.error()).contains("missing.yaml"));
}

void TestLocalBackend::reportsMissingBinaries() {
    QTemporaryDir root;
    LocalBackend backend(root.path(), root.path() + "/no-bin");
    const auto id = backend.launch(quickRequest());
    QVERIFY(!id.ok());
    QVERIFY(QString::fromStdString(id.error()).contains("no-bin/tb-wrap.sh"));
}

void TestLocalBackend::launchRunsToTheEnd() {
    LocalBackend backend(m_root.path(), binDir());
    const auto id = backend.launch(quickRequest());
    QVERIFY2(id.ok(), id.ok() ? "" : id.error().c_str());
    QVERIFY(
        QRegularExpression("-demo(-\\d+)?$").match(*id).hasMatch());  // -2 on a same-second clash
    const QString dir = runDir(*id);

    const QJsonObject run = jsonFile(dir + "/run.json");
    QCOMPARE(run.value("protocol").toInt(), 1);
    QCOMPARE(run.value("id").toString(), *id);
    QCOMPARE(run.value("name").toString(), QString("demo"));
    QCOMPARE(run.value("target").toString(), QString("local"));
    QVERIFY(run.value("created").toDouble() > 1.7e9);
    QVERIFY(!run.contains("parent"));
    const QJsonArray command = run.value("command").toArray();
    QVERIFY(command.contains(binDir() + "/trainbench-train"));
    QVERIFY(command.contains(dir + "/config.resolved"));
    QCOMPARE(fileText(dir + "/config.yaml"), fileText(demoConfig()));
    QVERIFY(fileText(dir + "/config.resolved").contains("\"mlp\""));

    QTRY_VERIFY_WITH_TIMEOUT(stateOf(dir) == "finished", 300000);
    // The trainer reports its own end; the wrapper writes exit_code once the process is gone.
    QTRY_COMPARE_WITH_TIMEOUT(fileText(dir + "/exit_code").trimmed(), QByteArray("0"), 30000);
    const QList<QJsonObject> records = metricsRecords(dir);
    QVERIFY(records.size() > 5);
    QVERIFY(records.front().value("train/loss").isDouble());
    QVERIFY(QFileInfo::exists(dir + "/checkpoints/latest.json"));
    QVERIFY(!fileText(dir + "/output.log").isEmpty());

    RunCatalog catalog(m_root.path());
    catalog.refresh();
    const RunInfo* info = catalog.find(*id);
    QVERIFY(info);
    QCOMPARE(info->state, RunState::Finished);
    QCOMPARE(info->exitCode, 0);
    QCOMPARE(info->epoch, 2);
    QVERIFY(std::isfinite(info->lastTrainLoss));
    QVERIFY(info->bestValAcc > 0.1);
    QVERIFY(info->started.isValid() && info->ended.isValid());

    const auto again = backend.stop(*id);
    QVERIFY(!again.ok());
    QVERIFY(QString::fromStdString(again.error()).contains("already ended"));
}

void TestLocalBackend::stopLeavesCheckpoint() {
    LocalBackend backend(m_root.path(), binDir());
    LaunchRequest request = quickRequest();
    request.sets = slowSets();
    const auto id = backend.launch(request);
    QVERIFY2(id.ok(), id.ok() ? "" : id.error().c_str());
    const QString dir = runDir(*id);
    QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(dir) >= 10, 300000);
    QCOMPARE(stateOf(dir), QString("running"));
    const auto stopped = backend.stop(*id);
    QVERIFY2(stopped.ok(), stopped.ok() ? "" : stopped.error().c_str());
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(dir) == "stopped", 120000);
    QTRY_COMPARE_WITH_TIMEOUT(fileText(dir + "/exit_code").trimmed(), QByteArray("143"), 30000);
    const QJsonObject latest = jsonFile(dir + "/checkpoints/latest.json");
    const QString checkpoint = latest.value("checkpoint").toString();
    QVERIFY(!checkpoint.isEmpty());
    QVERIFY(QFileInfo::exists(dir + "/checkpoints/" + checkpoint));
    QVERIFY(latest.value("step").toDouble() >= 10);
    // The run ended early: far fewer than its 200 epochs.
    QVERIFY(jsonFile(dir + "/status.json").value("epoch").toDouble() < 200);
    m_stoppedRun = *id;
}

void TestLocalBackend::resumeContinuesAfterParentCheckpoint() {
    if (m_stoppedRun.isEmpty()) QSKIP("needs the run stopped by stopLeavesCheckpoint");
    const QString parentDir = runDir(m_stoppedRun);
    const QJsonObject latest = jsonFile(parentDir + "/checkpoints/latest.json");
    const qint64 checkpointStep = qint64(latest.value("step").toDouble());

    LocalBackend backend(m_root.path(), binDir());
    LaunchRequest request;  // no config: the parent's own resolved config is used
    request.parentRun = m_stoppedRun;
    request.sets << QString("train.max_steps=%1").arg(checkpointStep + 20);
    const auto id = backend.launch(request);
    QVERIFY2(id.ok(), id.ok() ? "" : id.error().c_str());
    const QString dir = runDir(*id);
    QVERIFY(*id != m_stoppedRun);

    const QJsonObject parent = jsonFile(dir + "/run.json").value("parent").toObject();
    QCOMPARE(parent.value("run").toString(), m_stoppedRun);
    QCOMPARE(parent.value("checkpoint").toString(), latest.value("checkpoint").toString());
    QVERIFY(jsonFile(dir + "/run.json").value("command").toArray().contains("--resume"));
    QCOMPARE(fileText(dir + "/config.yaml"), fileText(parentDir + "/config.yaml"));

    QTRY_VERIFY_WITH_TIMEOUT(stateOf(dir) == "finished", 300000);
    const QList<QJsonObject> records = metricsRecords(dir);
    QVERIFY(!records.isEmpty());
    QVERIFY2(records.front().value("step").toDouble() > checkpointStep,
             qPrintable(QString("first step %1, checkpoint step %2")
                            .arg(records.front().value("step").toDouble())
                            .arg(checkpointStep)));
    QCOMPARE(jsonFile(dir + "/status.json").value("step").toDouble(), double(checkpointStep + 20));

    RunCatalog catalog(m_root.path());
    catalog.refresh();
    QCOMPARE(catalog.find(*id)->parentRun, m_stoppedRun);

    request.parentCheckpoint = "ckpt-e9999-s9999999.pt";
    const auto missing = backend.launch(request);
    QVERIFY(!missing.ok());
    QVERIFY(QString::fromStdString(missing.error()).contains("ckpt-e9999-s9999999.pt"));
}

void TestLocalBackend::killEndsTheRun() {
    LocalBackend backend(m_root.path(), binDir());
    LaunchRequest request = quickRequest();
    request.sets = slowSets();
    const auto id = backend.launch(request);
    QVERIFY2(id.ok(), id.ok() ? "" : id.error().c_str());
    const QString dir = runDir(*id);
    QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(dir) >= 4, 300000);
    QVERIFY(backend.kill(*id).ok());
    // SIGKILL leaves the trainer no word; the wrapper records how it ended.
    QTRY_COMPARE_WITH_TIMEOUT(fileText(dir + "/exit_code").trimmed(), QByteArray("137"), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(dir) == "failed" || stateOf(dir) == "stopped", 30000);
    QVERIFY(!backend.kill(*id).ok());
}

void TestLocalBackend::runWhoseProcessesVanishIsLost() {
    LocalBackend backend(m_root.path(), binDir());
    LaunchRequest request = quickRequest();
    request.sets = slowSets();
    const auto id = backend.launch(request);
    QVERIFY2(id.ok(), id.ok() ? "" : id.error().c_str());
    const QString dir = runDir(*id);
    QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(dir) >= 4, 300000);
    // What a reboot or the OOM killer does: the wrapper and the trainer die without a word.
    const qint64 trainer = qint64(jsonFile(dir + "/status.json").value("pid").toDouble());
    const qint64 wrapper = parentPid(trainer);
    QVERIFY(trainer > 0 && wrapper > 1);
    QVERIFY(::kill(pid_t(wrapper), SIGKILL) == 0);
    QVERIFY(::kill(pid_t(-trainer), SIGKILL) == 0);
    RunCatalog catalog(m_root.path());
    QTRY_VERIFY_WITH_TIMEOUT((catalog.refresh(), catalog.find(*id)->state == RunState::Lost),
                             30000);
    QCOMPARE(stateOf(dir), QString("running"));  // a reader's conclusion, never written
    QVERIFY(!QFileInfo::exists(dir + "/exit_code"));
    QVERIFY(catalog.remove(*id).ok());
}

QTEST_GUILESS_MAIN(TestLocalBackend)
#include "tst_local_backend.moc"
