// The remote run scripts' output parsed without a host: frames, scans, lost conclusions; and the
// scripts themselves run by the local sh with hostile names, which must come through as data.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "remote/runs/remote_run_frames.h"
#include "remote/runs/remote_run_scan.h"
#include "remote/runs/remote_run_scripts.h"

using namespace tb;

namespace {

QByteArray frame(const QByteArray& key, const QByteArray& value) {
    return key + ' ' + QByteArray::number(value.size()) + '\n' + value + '\n';
}

// What sshd would do with the command line: hand it to a shell.
QByteArray runLocally(const RemoteCommand& command, int* exitCode = nullptr) {
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command.toString()});
    sh.waitForFinished(30000);
    if (exitCode) *exitCode = sh.exitCode();
    return sh.readAllStandardOutput();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

}  // namespace

class TestRemoteRunParsers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void framesKeepBinaryValuesAndSizes() {
        const QByteArray value("a\nb\0c", 5);
        const auto frames = parseRemoteFrames(frame("x", value) + "log 3 10\nxyz\n");
        QVERIFY(frames.ok());
        QCOMPARE(frames->size(), 2);
        QCOMPARE(frames->at(0).value, value);
        QCOMPARE(frames->at(1).value, QByteArray("xyz"));
        QCOMPARE(frames->at(1).fileSize, 10);
    }

    void truncatedFramesAreErrors() {
        QVERIFY(!parseRemoteFrames("metrics 10 20\nshort\n").ok());
        QVERIFY(!parseRemoteFrames("metrics 3").ok());
        QVERIFY(!parseRemoteFrames("metrics x\n").ok());
        const auto garbled = parseRemoteFrames("status 2\nabc\n");
        QVERIFY(!garbled.ok());
        QVERIFY(QString::fromStdString(garbled.error()).contains("status"));
    }

    void scanConcludesLostOnlyWithoutProcessAndExitCode() {
        const QByteArray running = R"({"state":"running","pid":4242,"pgid":4242,"step":8})";
        QByteArray output = frame("root", "/data/runs");
        output += frame("run", "20261123-080000-a") + frame("runjson", R"({"name":"a"})") +
                  frame("status", running) + frame("alive", "0");
        output += frame("run", "20261123-090000-b") + frame("runjson", R"({"name":"b"})") +
                  frame("status", running) +
                  frame("tail",
                        "{\"step\":1,\"train/loss\":0.5,\"val/acc\":0.7}\n"
                        "{\"step\":2,\"train/loss\":0.25}") +
                  frame("alive", "1");
        output += frame("run", "20261123-100000-c") + frame("runjson", R"({"target":"gpu2"})") +
                  frame("status", running) + frame("exit", "137\n") + frame("alive", "0");
        const auto scan = parseRemoteScan(output, QStringLiteral("box"));
        QVERIFY2(scan.ok(), scan.ok() ? "" : scan.error().c_str());
        QCOMPARE(scan->root, QStringLiteral("/data/runs"));
        QCOMPARE(scan->runs.size(), 3);
        const RunInfo& c = scan->runs[0];  // newest first
        QCOMPARE(c.id, QStringLiteral("20261123-100000-c"));
        QCOMPARE(c.state, RunState::Running);  // an exit code exists: the wrapper is finishing
        QCOMPARE(c.exitCode, 137);
        QCOMPARE(c.target, QStringLiteral("gpu2"));
        QCOMPARE(scan->runs[1].state, RunState::Running);
        QCOMPARE(scan->runs[1].lastTrainLoss, 0.25);  // the shell ate the last '\n'
        QCOMPARE(scan->runs[1].bestValAcc, 0.7);
        const RunInfo& a = scan->runs[2];
        QCOMPARE(a.state, RunState::Lost);
        QCOMPARE(a.dir, QStringLiteral("/data/runs/20261123-080000-a"));
        QCOMPARE(a.target, QStringLiteral("box"));
        QCOMPARE(a.step, 8);
        QVERIFY(a.message.contains(QLatin1String("4242")) &&
                a.message.contains(QLatin1String("box")));
    }

    void startThatCannotWriteLeavesNoQueuedRun() {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("run-1"));
        QVERIFY(QDir().mkpath(dir));  // claimed, as claimRunDirCommand leaves it
        RemoteRunFiles files;
        files.dir = dir;
        files.wrapper = "#!/bin/sh\n";
        files.runJson = "{}";
        files.resolvedConfig = "x=1\n";
        files.statusJson = "{\"state\":\"queued\"}\n";
        const RemoteCommand start =
            startRunCommand(files, {QStringLiteral("--"), QStringLiteral("true")},
                            RemoteStartMode::Setsid, QStringLiteral("tb-x"));
        // A full disk, as the shell sees it: every non-empty write fails (EFBIG, not a signal).
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"),
                  QStringLiteral("ulimit -f 0; trap '' XFSZ; ") + start.toString()});
        QVERIFY(sh.waitForFinished(30000));
        QCOMPARE(sh.exitCode(), 3);
        QVERIFY(!QFileInfo::exists(dir));
        QVERIFY(!sh.readAllStandardError().isEmpty());  // the shell says what failed
    }

    // A stop sent again after its answer was lost on the way is not delivered twice: the box
    // remembers the request by its token (a second TERM makes the trainer leave at once).
    void aSignalRequestIsDeliveredOnce() {
        QTemporaryDir root;
        const QString id = QStringLiteral("20261206-120000-demo");
        QProcess target;
        target.start(QStringLiteral("sleep"), {QStringLiteral("300")});
        QVERIFY(target.waitForStarted());
        QVERIFY(QDir().mkpath(root.filePath(id)));
        writeFile(
            root.filePath(id + QStringLiteral("/status.json")),
            QStringLiteral(R"({"state":"running","pid":%1})").arg(target.processId()).toUtf8());
        const QString token = QStringLiteral("00c0ffee00c0ffee");
        QCOMPARE(runLocally(signalRunCommand(root.path(), id, QStringLiteral("TERM"), token)),
                 QByteArray("ok\n"));
        QVERIFY(target.waitForFinished(30000));  // the one TERM ended it
        // The same request again: answered as delivered, no signal sent (the process is gone,
        // so a delivery would have said "gone").
        QCOMPARE(runLocally(signalRunCommand(root.path(), id, QStringLiteral("TERM"), token)),
                 QByteArray("ok\n"));
        QCOMPARE(runLocally(signalRunCommand(root.path(), id, QStringLiteral("TERM"),
                                             QStringLiteral("00c0ffee00c0ffef"))),
                 QByteArray("gone\n"));
    }

    void scriptsTreatHostileNamesAsData() {
        QTemporaryDir tmp;
        const QString marker = tmp.filePath(QStringLiteral("executed"));
        const QString root =
            tmp.filePath(QStringLiteral("runs it's \"$(touch %1)\"; `touch %1` x").arg(marker));
        int exitCode = -1;
        const QByteArray claimed =
            runLocally(claimRunDirCommand(root, QStringLiteral("20261123-010203-demo")), &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(claimed, (QDir(root).canonicalPath() + "\n20261123-010203-demo\n").toUtf8());
        // A second claim of the same id gets the -2 suffix.
        QVERIFY(runLocally(claimRunDirCommand(root, QStringLiteral("20261123-010203-demo")))
                    .endsWith("\n20261123-010203-demo-2\n"));

        const QString dir = root + QStringLiteral("/20261123-010203-demo");
        writeFile(dir + QStringLiteral("/status.json"), R"({"state":"finished","pid":1})");
        writeFile(dir + QStringLiteral("/metrics.jsonl"), "{\"step\":1}\n{\"step\":2}\n{\"st");
        writeFile(dir + QStringLiteral("/exit_code"), "0\n");
        // The status follower: the status, then the run's end with the files' sizes, and exit.
        int followExit = -1;
        const QByteArray followed = runLocally(
            followStatusCommand(root, QStringLiteral("20261123-010203-demo")), &followExit);
        QCOMPARE(followExit, 0);
        const auto frames = parseRemoteFrames(followed);
        QVERIFY2(frames.ok(), followed.constData());
        QCOMPARE(frames->size(), 2);
        QCOMPARE(frames->at(0).value, QByteArray(R"({"state":"finished","pid":1})"));
        QCOMPARE(frames->at(1).key, QByteArray("end"));
        QCOMPARE(frames->at(1).value, QByteArray("26 -1"));  // no output.log
        const QByteArray answer = runLocally(
            signalRunCommand(root, QStringLiteral("20261123-010203-demo"), QStringLiteral("TERM")));
        QCOMPARE(answer, QByteArray("ended finished\n"));
        const auto scan = parseRemoteScan(runLocally(scanRunsCommand(root)), QStringLiteral("box"));
        QVERIFY(scan.ok());
        QCOMPARE(scan->runs.size(), 1);  // the -2 folder holds no run files yet
        QCOMPARE(scan->runs[0].state, RunState::Finished);
        QVERIFY(!QFile::exists(marker));
    }
};

QTEST_GUILESS_MAIN(TestRemoteRunParsers)
#include "tst_remote_run_parsers.moc"
