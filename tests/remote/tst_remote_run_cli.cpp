// trainbench run CONFIG --host NAME through a local sshd: the run is launched on the "host",
// followed with the progress line to its end, and its exit status is the run's; a detached run
// stopped and followed with stop/follow --host; a notebook's long cell followed across a cut
// link. The test binary doubles as the CLI.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "app/cli/cli_main.h"
#include "ssh_test_support.h"
#include "tests/support/run_test_support.h"

using namespace tb::test;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

}  // namespace

class TestRemoteRunCli : public SshdTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QProcessEnvironment cliEnvironment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRAINBENCH_HOME"), m_home.path());
        env.insert(QStringLiteral("TRAINBENCH_BIN_DIR"), binDir());
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        return env;
    }

    CliRun trainbench(const QStringList& arguments) {
        QProcess process;
        process.setProcessEnvironment(cliEnvironment());
        process.start(QCoreApplication::applicationFilePath(), arguments);
        if (!process.waitForFinished(300000)) return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private Q_SLOTS:
    void runOnHostFollowsToTheEnd() {
        QString user = QString::fromLocal8Bit(qgetenv("USER"));
        if (user.isEmpty()) user = QStringLiteral("root");
        const QString root = m_home.filePath(QStringLiteral("remote runs"));
        const CliRun added = trainbench(
            {QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("box"),
             QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(user),
             QStringLiteral("--key"), m_sshd.userKeyFile(), QStringLiteral("--known-hosts"),
             m_home.filePath(QStringLiteral("known_hosts")), QStringLiteral("--remote-root"),
             root});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));

        QStringList run{
            QStringLiteral("run"),       demoConfig(),
            QStringLiteral("--host"),    QStringLiteral("box"),
            QStringLiteral("--trainer"), binDir() + QStringLiteral("/trainbench-train")};
        for (const QString& set : quickSets()) run << QStringLiteral("--set") << set;
        // Not a terminal and no --accept-new: the unknown key is refused, nothing starts.
        const CliRun refused = trainbench(run);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(m_sshd.hostKeyFingerprint()), qPrintable(refused.err));
        QVERIFY(!QDir(root).exists());

        const CliRun done = trainbench(run << QStringLiteral("--accept-new"));
        QVERIFY2(done.exitCode == 0, qPrintable(done.err + done.out));
        const QString id = done.out.section(QLatin1Char('\n'), 0, 0);
        const QString dir = root + QLatin1Char('/') + id;
        QCOMPARE(stateOf(dir), QStringLiteral("finished"));
        QVERIFY2(done.out.contains(QStringLiteral("epoch 2  step %1").arg(lastMetricsStep(dir))),
                 qPrintable(done.out));
        QVERIFY(done.out.contains(QStringLiteral("run %1 finished on box").arg(id)));

        // Your own command on the host, its output turned into metrics on the box.
        const CliRun script = trainbench(
            {QStringLiteral("run"), QStringLiteral("--command"),
             QStringLiteral("echo step=1 loss=0.5; echo step=2 loss=0.25"),
             QStringLiteral("--host"), QStringLiteral("box"), QStringLiteral("--metrics-regex"),
             QStringLiteral("step=(?<step>\\d+) loss=(?<train/loss>\\S+)"),
             QStringLiteral("--trainer"), binDir() + QStringLiteral("/trainbench-train")});
        QVERIFY2(script.exitCode == 0, qPrintable(script.err + script.out));
        const QString scriptDir =
            root + QLatin1Char('/') + script.out.section(QLatin1Char('\n'), 0, 0);
        QCOMPARE(stateOf(scriptDir), QStringLiteral("finished"));
        QCOMPARE(metricsRecords(scriptDir).size(), qsizetype(2));
        QCOMPARE(metricsRecords(scriptDir).back().value("train/loss").toDouble(), 0.25);

        // A notebook: its cells and the runner travel with the launch; the executed copy and
        // the metrics of trainbench_log are made on the box.
        const QString notebook = m_home.filePath(QStringLiteral("nb.ipynb"));
        QFile file(notebook);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": [
            {"cell_type": "code", "metadata": {}, "execution_count": 3, "outputs": [],
             "source": ["from trainbench_log import log\n", "log(1, train_loss=0.75)\n", "'ok'"]},
            {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
             "source": "!echo on the box"}]})");
        file.close();
        const CliRun ran = trainbench({QStringLiteral("run"), QStringLiteral("--notebook"),
                                       notebook, QStringLiteral("--host"), QStringLiteral("box"),
                                       QStringLiteral("--trainer"),
                                       binDir() + QStringLiteral("/trainbench-train")});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err + ran.out));
        const QString notebookDir =
            root + QLatin1Char('/') + ran.out.section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(notebookDir.endsWith(QStringLiteral("-nb")), qPrintable(notebookDir));
        QCOMPARE(metricsRecords(notebookDir).size(), qsizetype(1));
        const QByteArray executed =
            fileText(notebookDir + QStringLiteral("/notebook.executed.ipynb"));
        QVERIFY2(executed.contains("execute_result") && executed.contains("on the box"),
                 executed.constData());

        const CliRun unknown = trainbench({QStringLiteral("run"), demoConfig(),
                                           QStringLiteral("--host"), QStringLiteral("nosuch")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QStringLiteral("no host named 'nosuch'")));
    }

    // A notebook whose first cell runs until the test lets it go, followed by an attached
    // `run --notebook --host` while the link is cut: the follower reconnects, the second cell's
    // output arrives, the run finishes and the command exits 0.
    void longNotebookCellIsFollowedAcrossACutLink() {
        const QString root = m_home.filePath(QStringLiteral("remote runs"));
        const QString flag = m_home.filePath(QStringLiteral("let-go"));
        const QString notebook = m_home.filePath(QStringLiteral("long.ipynb"));
        QFile file(notebook);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral(R"NB({"nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": [
            {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
             "source": ["import os, time\n", "print('cell one waiting', flush=True)\n",
                        "while not os.path.exists('%1'): time.sleep(0.05)\n"]},
            {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
             "source": "print('after the cut')"}]})NB")
                .arg(flag)
                .toUtf8());
        file.close();
        QProcess follow;
        follow.setProcessEnvironment(cliEnvironment());
        follow.start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("run"), QStringLiteral("--notebook"), notebook,
                      QStringLiteral("--host"), QStringLiteral("box"), QStringLiteral("--trainer"),
                      binDir() + QStringLiteral("/trainbench-train")});
        QVERIFY(follow.waitForStarted());
        QString dir;
        const auto waiting = [&] {
            for (const QFileInfo& run : QDir(root).entryInfoList({QStringLiteral("*-long")}))
                if (fileText(run.filePath() + QStringLiteral("/output.log"))
                        .contains("cell one waiting"))
                    dir = run.filePath();
            return !dir.isEmpty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(waiting(), 120000);
        int killed = 0;
        QTRY_VERIFY_WITH_TIMEOUT((killed += cutConnections(m_sshd)) > 0, 30000);
        QVERIFY(QFile(flag).open(QIODevice::WriteOnly));
        QVERIFY(follow.waitForFinished(300000));
        const QString out = QString::fromUtf8(follow.readAllStandardOutput());
        const QString err = QString::fromUtf8(follow.readAllStandardError());
        QVERIFY2(follow.exitCode() == 0, qPrintable(err + out));
        QVERIFY2(err.contains(QStringLiteral("connected to box again")), qPrintable(err));
        QVERIFY2(out.contains(QStringLiteral("finished on box")), qPrintable(out));
        QCOMPARE(stateOf(dir), QStringLiteral("finished"));
        QVERIFY(fileText(dir + QStringLiteral("/output.log")).contains("after the cut"));
        QVERIFY(
            fileText(dir + QStringLiteral("/notebook.executed.ipynb")).contains("after the cut"));
    }

    // Runs on the host the first test added: stop and follow name the run by a prefix of its id.
    void stopAndFollowOnHost() {
        const QString root = m_home.filePath(QStringLiteral("remote runs"));
        QStringList run{QStringLiteral("run"),
                        demoConfig(),
                        QStringLiteral("--host"),
                        QStringLiteral("box"),
                        QStringLiteral("--detach"),
                        QStringLiteral("--trainer"),
                        binDir() + QStringLiteral("/trainbench-train")};
        for (const QString& set : slowSets()) run << QStringLiteral("--set") << set;
        const CliRun started = trainbench(run);
        QVERIFY2(started.exitCode == 0, qPrintable(started.err + started.out));
        const QString id = started.out.section(QLatin1Char('\n'), 0, 0);
        const QString dir = root + QLatin1Char('/') + id;
        QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(dir) >= 2, 120000);

        const QString prefix = id.left(id.size() - 2);
        const CliRun noHost = trainbench(
            {QStringLiteral("stop"), prefix, QStringLiteral("--host"), QStringLiteral("nosuch")});
        QCOMPARE(noHost.exitCode, 1);
        QVERIFY(noHost.err.contains(QStringLiteral("no host named 'nosuch'")));
        const CliRun stopped = trainbench(
            {QStringLiteral("stop"), prefix, QStringLiteral("--host"), QStringLiteral("box")});
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.err + stopped.out));
        QVERIFY2(stopped.out.contains(QStringLiteral("asked run %1 on box to stop").arg(id)),
                 qPrintable(stopped.out));
        const CliRun followed = trainbench(
            {QStringLiteral("follow"), id, QStringLiteral("--host"), QStringLiteral("box")});
        QVERIFY2(followed.out.contains(QStringLiteral("run %1 stopped on box").arg(id)),
                 qPrintable(followed.err + followed.out));
        QCOMPARE(stateOf(dir), QStringLiteral("stopped"));
        QVERIFY(QFile::exists(dir + QStringLiteral("/checkpoints/latest.json")));
        // Ended: a second stop says so instead of signalling anything.
        const CliRun again = trainbench(
            {QStringLiteral("stop"), id, QStringLiteral("--host"), QStringLiteral("box")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(!again.err.isEmpty(), qPrintable(again.out));
    }
};

int main(int argc, char** argv) {
    // Started with a command word, this binary is trainbench's command line.
    if (argc > 1 && (qstrcmp(argv[1], "hosts") == 0 || qstrcmp(argv[1], "run") == 0 ||
                     qstrcmp(argv[1], "stop") == 0 || qstrcmp(argv[1], "follow") == 0)) {
        return tb::runCliCommand(argc, argv);
    }
    QCoreApplication app(argc, argv);
    TestRemoteRunCli test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_remote_run_cli.moc"
