// Tests the trainbench command line as a user runs it: a run outlives its launcher, `run`
// follows to the run's exit status, `runs` lists, `follow` replays, `stop` stops.

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/run_test_support.h"

using namespace tb::test;

namespace {

// The real trainbench once the app builds it; until then the stand-in with the same CLI code.
QString cliProgram() {
    const QString app = binDir() + "/trainbench";
    if (QFileInfo(app).isExecutable()) return app;
    return QCoreApplication::applicationDirPath() + "/tb_cli_harness";
}

CliResult runCli(const QStringList& args, int timeoutMs = 300000) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("TRAINBENCH_BIN_DIR", binDir());
    environment.remove("TRAINBENCH_RUNS");
    process.setProcessEnvironment(environment);
    process.start(cliProgram(), args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromLocal8Bit(process.readAllStandardOutput()),
            QString::fromLocal8Bit(process.readAllStandardError())};
}

QStringList withSets(QStringList args, const QStringList& sets) {
    for (const QString& set : sets) args << "--set" << set;
    return args;
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void detachedRunOutlivesLauncher();
    void runFollowsToTheRunsExitStatus();
    void runsListsTableAndJson();
    void followFindsRunByPrefix();
    void stopStopsDetachedRun();
    void badUsageExitsTwo();

private:
    QString runsRoot() const { return m_root.path() + "/runs"; }

    QTemporaryDir m_root;
    QString m_detachedRun;
};

void TestCli::initTestCase() {
    if (!QFileInfo::exists(binDir() + "/trainbench-train")) {
        QSKIP("TB_BIN_DIR has no trainbench-train; build it and run through ctest");
    }
    QVERIFY2(QFileInfo(cliProgram()).isExecutable(), qPrintable(cliProgram()));
}

void TestCli::detachedRunOutlivesLauncher() {
    const QStringList sets = QStringList(slowSets()) << "train.max_steps=60";
    const CliResult launched =
        runCli(withSets({"run", demoConfig(), "--detach", "--runs-root", runsRoot()}, sets));
    QCOMPARE(launched.exitCode, 0);
    const QString id = launched.out.section('\n', 0, 0).trimmed();
    QVERIFY2(QRegularExpression("-demo(-\\d+)?$").match(id).hasMatch(),
             qPrintable(launched.out + launched.err));
    const QString dir = runsRoot() + "/" + id;
    // The launcher has exited; the run has barely begun and must go on without it.
    const QString stateAtExit = stateOf(dir);
    QVERIFY2(stateAtExit == "queued" || stateAtExit == "starting" || stateAtExit == "running",
             qPrintable(stateAtExit));
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(dir) == "finished", 300000);
    QTRY_COMPARE_WITH_TIMEOUT(fileText(dir + "/exit_code").trimmed(), QByteArray("0"), 30000);
    QCOMPARE(lastMetricsStep(dir), 60);
    // First start seeded the workspace next to the runs.
    QVERIFY(QFileInfo::exists(runsRoot() + "/configs/demo.yaml"));
    m_detachedRun = id;
}

void TestCli::runFollowsToTheRunsExitStatus() {
    const CliResult result =
        runCli(withSets({"run", demoConfig(), "--runs-root", runsRoot()}, quickSets()));
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    // Two runs started in the same second get -2, -3, ... after the slug.
    static const QRegularExpression runId("^\\d{8}-\\d{6}-demo(-\\d+)?$");
    QVERIFY2(runId.match(result.out.section('\n', 0, 0)).hasMatch(), qPrintable(result.out));
    QVERIFY2(result.out.contains("epoch 2"), qPrintable(result.out));
    QVERIFY(result.out.contains(" finished"));

    const CliResult invalid =
        runCli({"run", demoConfig(), "--set", "optim.lrr=1", "--runs-root", runsRoot()});
    QCOMPARE(invalid.exitCode, 2);
    QVERIFY(invalid.err.contains("optim.lrr"));
}

void TestCli::runsListsTableAndJson() {
    if (m_detachedRun.isEmpty()) QSKIP("needs the run from detachedRunOutlivesLauncher");
    const CliResult table = runCli({"runs", "--runs-root", runsRoot()});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.startsWith("ID"));
    QVERIFY(table.out.contains("BEST VAL ACC"));
    QVERIFY(table.out.contains(m_detachedRun));
    QVERIFY(table.out.contains("finished"));

    const CliResult json = runCli({"runs", "--json", "--runs-root", runsRoot()});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray runs = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(runs.size(), 2);
    bool found = false;
    for (const QJsonValue& run : runs) {
        if (run["id"].toString() != m_detachedRun) continue;
        found = true;
        QCOMPARE(run["state"].toString(), QString("finished"));
        QCOMPARE(run["step"].toInteger(), 60);
        QVERIFY(run["last_train_loss"].isDouble());
        QCOMPARE(run["target"].toString(), QString("local"));
    }
    QVERIFY(found);
}

void TestCli::followFindsRunByPrefix() {
    if (m_detachedRun.isEmpty()) QSKIP("needs the run from detachedRunOutlivesLauncher");
    // Both runs share the date, so a short prefix is ambiguous and the full id is not.
    const CliResult ambiguous =
        runCli({"follow", m_detachedRun.left(4), "--runs-root", runsRoot()});
    QCOMPARE(ambiguous.exitCode, 2);
    QVERIFY(ambiguous.err.contains("matches 2 runs"));
    const CliResult unknown = runCli({"follow", "nope", "--runs-root", runsRoot()});
    QCOMPARE(unknown.exitCode, 2);

    const CliResult followed = runCli({"follow", m_detachedRun, "--runs-root", runsRoot()});
    QCOMPARE(followed.exitCode, 0);
    QVERIFY(followed.out.contains("metrics step 60"));
    QVERIFY(followed.out.contains("train/loss="));
    QVERIFY(followed.out.contains("run " + m_detachedRun + " finished"));
    const CliResult fromEnd =
        runCli({"follow", m_detachedRun, "--from-end", "--runs-root", runsRoot()});
    QCOMPARE(fromEnd.exitCode, 0);
    QVERIFY(!fromEnd.out.contains("metrics step"));
}

void TestCli::stopStopsDetachedRun() {
    const CliResult launched =
        runCli(withSets({"run", demoConfig(), "--detach", "--runs-root", runsRoot()}, slowSets()));
    QCOMPARE(launched.exitCode, 0);
    const QString id = launched.out.section('\n', 0, 0).trimmed();
    const QString dir = runsRoot() + "/" + id;
    QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(dir) >= 6, 300000);
    const CliResult stop = runCli({"stop", id, "--runs-root", runsRoot()});
    QVERIFY2(stop.exitCode == 0, qPrintable(stop.err));
    // follow waits for the end and exits with the run's status: 143 for a stop.
    const CliResult followed = runCli({"follow", id, "--from-end", "--runs-root", runsRoot()});
    QCOMPARE(followed.exitCode, 143);
    QCOMPARE(stateOf(dir), QString("stopped"));
    QVERIFY(QFileInfo::exists(dir + "/checkpoints/latest.json"));
    const CliResult again = runCli({"stop", id, "--runs-root", runsRoot()});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains("already ended"));
}

void TestCli::badUsageExitsTwo() {
    QCOMPARE(runCli({"run"}).exitCode, 2);
    QCOMPARE(runCli({"runs", "--bogus"}).exitCode, 2);
    QCOMPARE(runCli({"frobnicate"}).exitCode, 2);
    const CliResult help = runCli({"help"});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("trainbench follow RUN"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
