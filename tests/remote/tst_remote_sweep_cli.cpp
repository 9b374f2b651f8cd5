// trainbench sweep --host through a local sshd: the queue, its scheduler and the trials live in
// the host's runs root; a trainer sweep followed to its ranking; a detached script sweep read
// back as JSON, one queued trial cancelled there, and the scheduler keeps going after it is
// killed and started again. The test binary doubles as the CLI.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>

#include "app/cli/cli_main.h"
#include "remote/runs/remote_sweep.h"
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

class TestRemoteSweepCli : public SshdTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_root;

    CliRun trainbench(const QStringList& arguments) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRAINBENCH_HOME"), m_home.path());
        env.insert(QStringLiteral("TRAINBENCH_BIN_DIR"), binDir());
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_home.path());
        process.start(QCoreApplication::applicationFilePath(), arguments);
        if (!process.waitForFinished(300000)) return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    void writeFile(const QString& name, const QByteArray& text) {
        QFile file(m_home.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }

    QJsonObject status(const QString& id) {
        const CliRun run = trainbench({"sweep-status", id, "--host", "box", "--json"});
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }

private Q_SLOTS:
    void addHost() {
        QString user = QString::fromLocal8Bit(qgetenv("USER"));
        if (user.isEmpty()) user = QStringLiteral("root");
        m_root = m_home.filePath(QStringLiteral("remote runs"));
        const CliRun added =
            trainbench({"hosts", "add", "box",
                        QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(user),
                        "--key", m_sshd.userKeyFile(), "--known-hosts",
                        m_home.filePath("known_hosts"), "--remote-root", m_root});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

    void trainerSweepOnTheHostRanked() {
        writeFile("lrs.yaml",
                  "method: list\nmetric: val/acc\ngoal: max\ntrials:\n"
                  "  - {optim.lr: 0.01}\n  - {optim.lr: 0.0001}\n");
        QStringList sweep{"sweep",       demoConfig(), "lrs.yaml",
                          "--host",      "box",        "--slots",
                          "2",           "--trainer",  binDir() + "/trainbench-train",
                          "--accept-new"};
        for (const QString& set : quickSets()) sweep << "--set" << set;
        const CliRun done = trainbench(sweep);
        QVERIFY2(done.exitCode == 0, qPrintable(done.err + done.out));
        const QString id = done.out.section('\n', 0, 0);
        QVERIFY2(done.out.contains("2 trials over 2 slots (cpu cpu) on box"), qPrintable(done.out));
        // On the host: the sweep folder, its scheduler, and the trials as ordinary runs.
        QVERIFY(QFile::exists(m_root + "/.sweeps/" + id + "/.tb-sweep.sh"));
        const QJsonObject report = status(id);
        QCOMPARE(report.value("state").toString(), QString("drained"));
        const QJsonArray trials = report.value("trials").toArray();
        QCOMPARE(trials.size(), 2);
        for (const QJsonValue& trial : trials) {
            QCOMPARE(trial.toObject().value("state").toString(), QString("finished"));
            QVERIFY(trial.toObject().value("best").isDouble());
            QCOMPARE(stateOf(m_root + "/" + trial.toObject().value("run").toString()),
                     QString("finished"));
        }
        QVERIFY(report.value("best_trial").isDouble());
        QVERIFY2(done.out.contains("\n* "), qPrintable(done.out));
    }

    void detachedScriptSweepCancelledAndRestarted() {
        writeFile("three.yaml",
                  "method: list\nmetric: val/loss\ngoal: min\ntrials:\n"
                  "  - {\"{n}\": 1}\n  - {\"{n}\": 2}\n  - {\"{n}\": 3}\n");
        const QString gate = m_home.filePath("go");
        const CliRun started =
            trainbench({"sweep", "--command",
                        "while [ ! -f " + gate +
                            " ]; do sleep 0.1; done; "
                            "printf '{\"step\":1,\"val/loss\":%s}\\n' {n} >> "
                            "\"$TRAINBENCH_RUN_DIR/metrics.jsonl\"",
                        "three.yaml", "--host", "box", "--slots", "1", "--detach"});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        const QString id = started.out.trimmed();
        QTRY_COMPARE_WITH_TIMEOUT(
            status(id).value("trials").toArray().at(0).toObject().value("queue").toString(),
            QString("running"), 60000);
        const CliRun cancelled = trainbench({"sweep-cancel", id, "3", "--host", "box"});
        QVERIFY2(cancelled.exitCode == 0, qPrintable(cancelled.err));
        QVERIFY2(cancelled.out.contains("trial 3 of " + id + " will not run"),
                 qPrintable(cancelled.out));

        // The scheduler dies (a reboot would take it too); started again it adopts the running
        // trial and runs what is queued.
        const QString dir = m_root + "/.sweeps/" + id;
        QFile pidFile(dir + "/scheduler.pid");
        QVERIFY2(pidFile.open(QIODevice::ReadOnly), qPrintable(pidFile.fileName()));
        const qint64 pid = pidFile.readAll().trimmed().toLongLong();
        QVERIFY(pid > 1);
        QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
        QProcess::startDetached("/bin/sh", {dir + "/.tb-sweep.sh", dir});
        writeFile("go", "");
        QTRY_COMPARE_WITH_TIMEOUT(status(id).value("state").toString(), QString("drained"), 60000);
        const QJsonObject report = status(id);
        const QJsonArray trials = report.value("trials").toArray();
        QCOMPARE(trials.at(0).toObject().value("queue").toString(), QString("done"));
        QCOMPARE(trials.at(1).toObject().value("state").toString(), QString("finished"));
        QCOMPARE(trials.at(2).toObject().value("queue").toString(), QString("cancelled"));
        QCOMPARE(report.value("best_trial").toInt(), 0);

        // Two more trials into the drained sweep: queued there, the scheduler started again.
        writeFile("more.yaml",
                  "method: list\nmetric: val/loss\ngoal: min\ntrials:\n"
                  "  - {\"{n}\": 0.5}\n  - {\"{n}\": 4}\n");
        const CliRun added = trainbench({"sweep-add", id, "more.yaml", "--host", "box"});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY2(added.out.startsWith("2 more trials queued in sweep " + id),
                 qPrintable(added.out));
        QTRY_VERIFY_WITH_TIMEOUT(
            status(id).value("trials").toArray().size() == 5 &&
                status(id).value("state").toString() == "drained" &&
                status(id).value("trials").toArray().at(4).toObject().value("queue") == "done",
            120000);  // each look is a CLI connecting anew: a few seconds on a loaded machine
        const QJsonObject more = status(id);
        QCOMPARE(more.value("trials").toArray().at(3).toObject().value("trial").toInt(), 3);
        QCOMPARE(more.value("best_trial").toInt(), 3);  // n = 0.5
    }

    void forgedSweepFramesAreBounded() {
        // What a box could send back: a trial number out of range, a metric that is no number,
        // a run id with a slash; none of it reaches the report.
        const QByteArray json =
            "{\"metric\":\"val/"
            "loss\",\"goal\":\"min\",\"trials\":[{\"trial\":0,\"run\":\"20261206-120000-a\"},"
            "{\"trial\":1,\"run\":\"../x\"},{\"trial\":2,\"run\":\"20261206-120000-b\"}]}";
        QByteArray out = "sweep " + QByteArray::number(json.size()) + "\n" + json + "\n";
        const auto frame = [&out](const QByteArray& key, const QByteArray& value) {
            out += key + ' ' + QByteArray::number(value.size()) + '\n' + value + '\n';
        };
        frame("state", "drained");
        frame("trial", "000001 done");
        frame("metric", "2 nan 1");
        frame("trial", "9999999 done");
        frame("metric", "1 0.5 0.5");
        frame("trial", "000003 done");
        frame("metric", "1 0.25 0.25");
        auto report = tb::parseRemoteSweep(out, "20261206-120000-s", "box");
        QVERIFY2(report, report ? "" : report.error().c_str());
        QCOMPARE(report->trials.size(), 2);  // ../x skipped
        QVERIFY(std::isnan(report->trials[0].best));
        QCOMPARE(report->trials[1].best, 0.25);
        QCOMPARE(report->bestRow, 1);
        QVERIFY(!tb::parseRemoteSweep("sweep 99999\n{", "s", "box"));
    }
};

int main(int argc, char** argv) {
    // Started with a command word, this binary is trainbench's command line.
    if (argc > 1 && (qstrcmp(argv[1], "hosts") == 0 || qstrncmp(argv[1], "sweep", 5) == 0))
        return tb::runCliCommand(argc, argv);
    QCoreApplication app(argc, argv);
    TestRemoteSweepCli test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_remote_sweep_cli.moc"
