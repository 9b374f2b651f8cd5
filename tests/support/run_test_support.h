#pragma once
// Shared by the tests that start real runs: where the binaries and the demo config are, and
// readers for what a run directory holds.

#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace tb::test {

QString binDir();         // $TB_BIN_DIR: trainbench-train and tb-wrap.sh
QString demoConfig();     // $TB_SOURCE_DIR/resources/configs/demo.yaml
QStringList quickSets();  // a demo that trains in a few seconds on two cores
QStringList slowSets();   // a demo long enough to be stopped mid-way

QByteArray fileText(const QString& path);
// Appends `bytes` to the file (made if missing), as a writer that is being followed would;
// fails the calling test when it cannot.
void appendToFile(const QString& path, const QByteArray& bytes);
// A local run folder (run.json, status.json) of a run named "cifar" whose status says `state`,
// with this test's own live pid: what the catalog lists without a trainer.
void writeLocalRun(const QString& root, const QString& id, const QByteArray& state);
QJsonObject jsonFile(const QString& path);
QString stateOf(const QString& runDir);  // status.json "state"
QList<QJsonObject> metricsRecords(const QString& runDir);
qint64 lastMetricsStep(const QString& runDir);  // -1 when none yet
// Pids of the processes whose command line mentions `needle` (from /proc).
QList<qint64> processesMentioning(const QByteArray& needle);
// The parent of a process (from /proc), 0 when it is gone.
qint64 parentPid(qint64 pid);
// A pid that surely belongs to no process: a child that has exited and been reaped.
qint64 deadPid();

// What the trainbench command line printed and returned; exitCode -1: it crashed or hung.
struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};
// Runs tb_cli_harness (the trainbench CLI code, built beside the tests) with `args` in
// `workDir`, TRAINBENCH_BIN_DIR set to binDir(), `environment`'s variables on top of this
// process's; killed after `timeoutMs`.
CliResult runCliHarness(const QStringList& args, const QString& workDir,
                        const QProcessEnvironment& environment = {}, int timeoutMs = 240000);

}  // namespace tb::test
