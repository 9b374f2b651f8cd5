// Runs on a Slurm cluster through its login node: a real one-node Slurm (munged, slurmctld,
// slurmd with 2 CPUs) on this machine, reached through a local sshd whose sessions find the
// cluster's slurm.conf. Submit, the pending reason while the node is busy, running, following,
// stop (scancel) pending and running, a job over its time limit stopped with a resume offer,
// and a reopened app finding and following the job again.

#include <QDir>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <pwd.h>
#include <unistd.h>

#include "app/cli/cli_main.h"
#include "cli_process.h"
#include "core/metrics/run_metrics.h"
#include "remote/runs/remote_backend.h"
#include "remote/runs/remote_follow.h"
#include "remote/ssh/host_connection.h"
#include "slurm_fixture.h"
#include "ssh_test_support.h"
#include "tests/support/run_test_support.h"

using namespace tb;
using namespace tb::test;

namespace {

const QString kHost = QStringLiteral("login-node");

struct Followed {
    Followed(RemoteBackend* backend, const QString& id)
        : runMetrics(RunMetrics::fed()), follower(backend, id, runMetrics.get()) {
        QObject::connect(&follower, &RemoteFollower::metricsLines,
                         [this](const QByteArray& lines) { metrics += lines; });
        QObject::connect(&follower, &RemoteFollower::statusChanged,
                         [this](const RunInfo& run) { messages.append(run.message); });
    }
    std::unique_ptr<RunMetrics> runMetrics;
    RemoteFollower follower;
    QByteArray metrics;
    QStringList messages;
};

}  // namespace

class TestSlurmRun : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        const QString slurm = m_slurm.start();
        if (slurm.contains(QLatin1String("is not installed"))) QSKIP(qPrintable(slurm));
        QVERIFY2(slurm.isEmpty(), qPrintable(slurm));
        m_sshd.setSessionEnvironment({m_slurm.environment()});
        const QString sshd = m_sshd.start();
        if (!sshd.isEmpty()) QSKIP(qPrintable(QStringLiteral("no local sshd: ") + sshd));
        m_root = m_tmp.filePath(QStringLiteral("cluster runs"));
    }

    void init() { connectApp(); }

    void cleanup() {
        if (!m_blocker.isEmpty()) (void)m_slurm.client(QStringLiteral("scancel"), {m_blocker});
        m_blocker.clear();
        m_backend.reset();
        m_connection.reset();
    }

    void cleanupTestCase() { m_slurm.stop(); }

    void pendingShowsWhyThenRunsToTheEnd() {
        fillTheNode();
        const QString id = launch(quickSets());
        QVERIFY(!id.isEmpty());
        const QString dir = m_backend->runDir(id);
        const QString job = QString::fromUtf8(fileText(dir + QStringLiteral("/slurm_job")));
        QVERIFY2(!job.isEmpty(), "the run was not submitted as a job");
        Followed followed(m_backend.get(), id);
        QSignalSpy finished(&followed.follower, &RemoteFollower::finished);
        followed.follower.start();
        // Waiting, with Slurm's reason: the node's two CPUs are taken.
        QTRY_VERIFY_WITH_TIMEOUT(followed.follower.status().message.contains(
                                     QLatin1String("nodes it asks for are busy")),
                                 90000);
        QCOMPARE(followed.follower.status().state, RunState::Queued);
        QVERIFY(followed.follower.status().message.contains(job));
        const auto scan = m_backend->scan();
        QVERIFY(scan.ok());
        const RunInfo* listed = find(*scan, id);
        QVERIFY(listed);
        QCOMPARE(listed->state, RunState::Queued);
        QVERIFY2(listed->message.contains(QLatin1String("waiting in the Slurm queue")),
                 qPrintable(listed->message));

        freeTheNode();
        QVERIFY(finished.wait(300000));
        QCOMPARE(followed.follower.status().state, RunState::Finished);
        QCOMPARE(stateOf(dir), QStringLiteral("finished"));
        QCOMPARE(followed.metrics, fileText(dir + QStringLiteral("/metrics.jsonl")));
        QVERIFY(followed.metrics.count('\n') > 5);
        QTRY_COMPARE_WITH_TIMEOUT(m_slurm.jobState(job).section(QLatin1Char(' '), 0, 0),
                                  QStringLiteral("COMPLETED"), 60000);
    }

    void stopCancelsAPendingJob() {
        fillTheNode();
        const QString id = launch(quickSets());
        QVERIFY(!id.isEmpty());
        const QString dir = m_backend->runDir(id);
        const QString job = QString::fromUtf8(fileText(dir + QStringLiteral("/slurm_job")));
        QTRY_COMPARE_WITH_TIMEOUT(m_slurm.jobState(job).section(QLatin1Char(' '), 0, 0),
                                  QStringLiteral("PENDING"), 30000);
        const auto stopped = m_backend->stop(id);
        QVERIFY2(stopped.ok(), stopped.ok() ? "" : stopped.error().c_str());
        // The next look at the runs settles it: the job never ran, the run is stopped.
        QTRY_COMPARE_WITH_TIMEOUT(stateIn(id), RunState::Stopped, 60000);
        QCOMPARE(stateOf(dir), QStringLiteral("stopped"));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/metrics.jsonl")));
        const auto again = m_backend->stop(id);
        QVERIFY(!again.ok());  // it has ended, and says so
    }

    void stopOfARunningJobLeavesACheckpoint() {
        const QString id = launch(slowSets());
        QVERIFY(!id.isEmpty());
        const QString dir = m_backend->runDir(id);
        Followed followed(m_backend.get(), id);
        QSignalSpy finished(&followed.follower, &RemoteFollower::finished);
        followed.follower.start();
        QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(dir) >= 20, 120000);
        const auto stopped = m_backend->stop(id);
        QVERIFY2(stopped.ok(), stopped.ok() ? "" : stopped.error().c_str());
        QVERIFY(finished.wait(120000));
        QCOMPARE(followed.follower.status().state, RunState::Stopped);
        QCOMPARE(fileText(dir + QStringLiteral("/exit_code")).trimmed(), QByteArray("143"));
        QVERIFY(QFile::exists(dir + QStringLiteral("/checkpoints/latest.json")));
    }

    // Slurm ends the job at its limit (a minute, the shortest it takes): the trainer gets TERM
    // and writes its checkpoint; the run says stopped, why, and how to go on.
    void timeLimitStopsWithAResumeOffer() {
        LaunchRequest request;
        request.configPath = demoConfig();
        request.sets = slowSets() << QStringLiteral("train.epochs=5000");
        request.slurm = QStringLiteral("time=1");
        const auto id = m_backend->launch(request);
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().c_str());
        const QString dir = m_backend->runDir(*id);
        Followed followed(m_backend.get(), *id);
        QSignalSpy finished(&followed.follower, &RemoteFollower::finished);
        followed.follower.start();
        QVERIFY(finished.wait(300000));
        const RunInfo& status = followed.follower.status();
        QCOMPARE(status.state, RunState::Stopped);
        QVERIFY2(status.message.contains(QLatin1String("time limit")) &&
                     status.message.contains(QLatin1String("resume")),
                 qPrintable(status.message));
        QVERIFY(QFile::exists(dir + QStringLiteral("/checkpoints/latest.json")));
        QCOMPARE(fileText(dir + QStringLiteral("/slurm_state")).split(' ').value(0),
                 QByteArray("TIMEOUT"));
        const auto scan = m_backend->scan();
        QVERIFY(scan.ok());
        QVERIFY(find(*scan, *id));
        QCOMPARE(find(*scan, *id)->state, RunState::Stopped);
        QVERIFY(find(*scan, *id)->message.contains(QLatin1String("time limit")));
    }

    // The app closed while the job runs, then opened again: the scan finds the job running
    // (Slurm's word, not a pid) and a new follower takes it to its end.
    void reopenedAppFindsAndFollowsTheJob() {
        QStringList sets = slowSets();
        sets << QStringLiteral("train.epochs=20");
        const QString id = launch(sets);
        QVERIFY(!id.isEmpty());
        const QString dir = m_backend->runDir(id);
        QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(dir) >= 10, 120000);
        m_backend.reset();
        m_connection.reset();

        connectApp();
        const auto scan = m_backend->scan();
        QVERIFY(scan.ok());
        const RunInfo* listed = find(*scan, id);
        QVERIFY(listed);
        QVERIFY2(listed->state == RunState::Running || listed->state == RunState::Finished,
                 qPrintable(listed->message));
        Followed followed(m_backend.get(), id);
        QSignalSpy finished(&followed.follower, &RemoteFollower::finished);
        followed.follower.start();
        QVERIFY(finished.wait(300000));
        QCOMPARE(followed.follower.status().state, RunState::Finished);
        QCOMPARE(followed.metrics, fileText(dir + QStringLiteral("/metrics.jsonl")));
    }

    // train.devices 2: the job has a task per process, started by srun, and the ranks meet
    // through the Slurm environment (the node's address, a port from the job id).
    void dataParallelRunIsATaskPerRank() {
        QStringList sets = quickSets();
        sets << QStringLiteral("train.devices=2");
        const QString id = launch(sets);
        QVERIFY(!id.isEmpty());
        const QString dir = m_backend->runDir(id);
        const QString job = QString::fromUtf8(fileText(dir + QStringLiteral("/slurm_job")));
        Followed followed(m_backend.get(), id);
        QSignalSpy finished(&followed.follower, &RemoteFollower::finished);
        followed.follower.start();
        QVERIFY(finished.wait(300000));
        QVERIFY2(followed.follower.status().state == RunState::Finished,
                 fileText(dir + QStringLiteral("/output.log")).right(2000).constData());
        const QString shown = m_slurm
                                  .client(QStringLiteral("scontrol"),
                                          {QStringLiteral("show"), QStringLiteral("job"), job})
                                  .value_or(QString());
        QVERIFY2(shown.contains(QLatin1String("NumTasks=2")), qPrintable(shown));
        // The two ranks trained as one run (they compare parameters each epoch), and rank 0
        // alone wrote the metrics: every step once.
        QVERIFY(fileText(dir + QStringLiteral("/output.log"))
                    .contains("epoch 2: parameters equal on all 2 ranks"));
        QSet<QString> steps;
        for (const QJsonObject& record : metricsRecords(dir)) {
            const QString key = (record.contains("val/acc") ? "val " : "train ") +
                                QString::number(record.value("step").toInteger());
            QVERIFY2(!steps.contains(key), qPrintable("recorded twice: " + key));
            steps.insert(key);
        }
        QVERIFY(steps.size() > 2);
    }

    void refusedSubmissionSaysWhy() {
        LaunchRequest request;
        request.configPath = demoConfig();
        request.sets = quickSets();
        request.slurm = QStringLiteral("partition=nosuchpartition");
        const auto refused = m_backend->launch(request);
        QVERIFY(!refused.ok());
        const QString message = QString::fromStdString(refused.error());
        QVERIFY2(message.contains(QLatin1String("Slurm on host")) &&
                     message.contains(QLatin1String("partition")),
                 qPrintable(message));
        request.slurm = QStringLiteral("gpus=lots");
        const auto invalid = m_backend->launch(request);
        QVERIFY(!invalid.ok());
        QVERIFY(QString::fromStdString(invalid.error()).contains(QLatin1String("gpus")));
        // Nothing was left behind for either.
        const auto scan = m_backend->scan();
        QVERIFY(scan.ok());
        for (const RunInfo& run : scan->runs) QVERIFY(isFinalState(run.state));
    }

    // On the command line: a host added as a login node, a run that waits says why on stderr
    // and then follows to its end; --slurm with a wrong value is refused before connecting.
    void commandLineWaitsThenFollows() {
        const QString user = QString::fromLocal8Bit(::getpwuid(::geteuid())->pw_name);
        const QString root = m_tmp.filePath(QStringLiteral("cli runs"));
        const CliRun added = trainbench(
            {QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("cluster"),
             QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(user),
             QStringLiteral("--key"), m_sshd.userKeyFile(), QStringLiteral("--known-hosts"),
             m_tmp.filePath(QStringLiteral("cli_known_hosts")), QStringLiteral("--remote-root"),
             root, QStringLiteral("--slurm"), QStringLiteral("cpus=1,time=10")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const CliRun listed = trainbench({QStringLiteral("hosts")});
        QVERIFY2(listed.out.contains(QLatin1String("Slurm: default partition")),
                 qPrintable(listed.out));
        QStringList run{
            QStringLiteral("run"),         demoConfig(),
            QStringLiteral("--host"),      QStringLiteral("cluster"),
            QStringLiteral("--trainer"),   binDir() + QStringLiteral("/trainbench-train"),
            QStringLiteral("--accept-new")};
        for (const QString& set : quickSets()) run << QStringLiteral("--set") << set;
        const CliRun wrong =
            trainbench(QStringList(run) << QStringLiteral("--slurm") << QStringLiteral("nodes=0"));
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains(QLatin1String("nodes")), qPrintable(wrong.err));
        fillTheNode();
        QProcess cli;
        startCli(cli, run);
        // Waiting: the reason comes on stderr while the node is busy.
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT(
            (err += cli.readAllStandardError()).contains("nodes it asks for are busy"), 90000);
        freeTheNode();
        QVERIFY(cli.waitForFinished(300000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 0, qPrintable(out + QString::fromUtf8(err)));
        const QString id = out.section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(out.contains(QStringLiteral("run %1 finished on cluster").arg(id)),
                 qPrintable(out));
        QVERIFY(QFile::exists(root + QLatin1Char('/') + id + QStringLiteral("/slurm_job")));
    }

private:
    // The CLI's environment: this test's TRAINBENCH_HOME, no agent, this build's binaries.
    QProcessEnvironment cli() const {
        QProcessEnvironment env = cliEnvironment(m_tmp.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("TRAINBENCH_BIN_DIR"), binDir());
        return env;
    }

    void startCli(QProcess& process, const QStringList& arguments) {
        process.setProcessEnvironment(cli());
        process.start(QCoreApplication::applicationFilePath(), arguments);
    }

    CliRun trainbench(const QStringList& arguments) {
        return runCli(QCoreApplication::applicationFilePath(), arguments, cli(), {}, 300000);
    }

    void connectApp() {
        HostConnectionOptions options;
        options.session = testOptions();
        options.firstRetryMs = 200;
        m_connection = std::make_unique<HostConnection>(
            keyTarget(m_sshd, m_tmp.filePath(QStringLiteral("known_hosts"))), kHost, options);
        m_connection->acceptHostKey(m_sshd.hostKeyFingerprint());
        QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), ConnectionState::Connected, 30000);
        m_backend = testBackend(m_connection.get(), kHost, m_root,
                                *parseSlurmOptions(QStringLiteral("cpus=1")));
    }

    void fillTheNode() {
        m_blocker = m_slurm.submitBlocker();
        QVERIFY(!m_blocker.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_slurm.jobState(m_blocker).section(QLatin1Char(' '), 0, 0),
                                  QStringLiteral("RUNNING"), 60000);
    }

    void freeTheNode() {
        QVERIFY(m_slurm.client(QStringLiteral("scancel"), {m_blocker}));
        m_blocker.clear();
    }

    QString launch(const QStringList& sets) { return launchDemo(*m_backend, sets); }

    RunState stateIn(const QString& id) {
        const auto scan = m_backend->scan();
        const RunInfo* run = scan.ok() ? find(*scan, id) : nullptr;
        return run ? run->state : RunState::Queued;
    }

    static const RunInfo* find(const RemoteScan& scan, const QString& id) {
        return findRun(scan, id);
    }

    SlurmFixture m_slurm;
    SshdFixture m_sshd;
    QTemporaryDir m_tmp;
    QString m_root;
    QString m_blocker;
    std::unique_ptr<HostConnection> m_connection;
    std::unique_ptr<RemoteBackend> m_backend;
};

int main(int argc, char** argv) {
    // Started with a command word, this binary is trainbench's command line.
    if (argc > 1 && (qstrcmp(argv[1], "hosts") == 0 || qstrcmp(argv[1], "run") == 0))
        return tb::runCliCommand(argc, argv);
    QCoreApplication app(argc, argv);
    TestSlurmRun test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_slurm_run.moc"
