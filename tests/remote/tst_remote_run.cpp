// RemoteBackend and RemoteFollower with real trainer runs on "a remote host" that is this machine
// through a local sshd: a run followed to the end equals its files, stop leaves a checkpoint,
// scan finds runs started elsewhere and concludes lost ones, and following survives the
// connection being cut. The runs root has a name a shell would love to execute.

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>
#include <cmath>
#include <memory>

#include "core/metrics/run_metrics.h"
#include "remote/runs/remote_backend.h"
#include "remote/runs/remote_follow.h"
#include "remote/ssh/host_connection.h"
#include "ssh_test_support.h"
#include "tests/support/run_test_support.h"

using namespace tb;
using namespace tb::test;

namespace {

const QString kHost = QStringLiteral("gpu-box");

// Follows a run and keeps everything it handed out.
struct Followed {
    Followed(RemoteBackend* backend, const QString& id)
        : runMetrics(RunMetrics::fed()),
          store(runMetrics->store()),
          follower(backend, id, runMetrics.get()) {
        QObject::connect(&follower, &RemoteFollower::metricsLines,
                         [this](const QByteArray& lines) { metrics += lines; });
        QObject::connect(&follower, &RemoteFollower::logAppended,
                         [this](const QByteArray& bytes) { log += bytes; });
    }
    std::unique_ptr<RunMetrics> runMetrics;  // fed by the follower, as in the app
    const SeriesStore& store;
    RemoteFollower follower;
    QByteArray metrics;
    QByteArray log;
};

}  // namespace

class TestRemoteRun : public SshdTestCase {
    Q_OBJECT

public:
    TestRemoteRun()
        : m_marker(m_tmp.filePath(QStringLiteral("executed"))),
          m_root(
              m_tmp.filePath(QStringLiteral("runs it's $(touch %1); `touch %1` x").arg(m_marker))) {
    }

private Q_SLOTS:
    // The base class has started sshd (or skipped); each test gets a fresh session.
    void init() {
        if (!m_skipReason.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no local sshd: ") + m_skipReason));
        HostConnectionOptions options;
        options.session = testOptions();
        options.firstRetryMs = 200;
        m_connection = std::make_unique<HostConnection>(
            keyTarget(m_sshd, m_tmp.filePath(QStringLiteral("known_hosts"))), kHost, options);
        m_connection->acceptHostKey(m_sshd.hostKeyFingerprint());
        QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), ConnectionState::Connected, 30000);
        m_backend = testBackend(m_connection.get(), kHost, m_root);
    }

    void cleanup() {
        m_backend.reset();
        m_connection.reset();
        QVERIFY2(!QFile::exists(m_marker), "a file name was executed on the host");
    }

    void shortRunFollowedEqualsTheRemoteFiles() {
        const QString id = launch(quickSets());
        QVERIFY(!id.isEmpty());
        Followed followed(m_backend.get(), id);
        QSignalSpy finished(&followed.follower, &RemoteFollower::finished);
        followed.follower.start();
        QVERIFY(finished.wait(300000));
        const QString dir = m_backend->runDir(id);
        QCOMPARE(dir, QDir(m_root).canonicalPath() + QLatin1Char('/') + id);
        QCOMPARE(stateOf(dir), QStringLiteral("finished"));
        QCOMPARE(followed.follower.status().state, RunState::Finished);
        const QByteArray file = fileText(dir + QStringLiteral("/metrics.jsonl"));
        QVERIFY(file.count('\n') > 5);
        QCOMPARE(followed.metrics, file);  // every line, in order, once
        QCOMPARE(qsizetype(followed.store.recordCount()), file.count('\n'));
        QCOMPARE(followed.store.step(0), metricsRecords(dir).front().value("step").toDouble());
        QCOMPARE(followed.log, fileText(dir + QStringLiteral("/output.log")));
        const QJsonObject run = jsonFile(dir + QStringLiteral("/run.json"));
        QCOMPARE(run.value("target").toString(), kHost);
        QCOMPARE(fileText(dir + QStringLiteral("/config.yaml")), fileText(demoConfig()));
        QVERIFY(!m_backend->stop(id).ok());  // already ended, and it says so
    }

    void stopGivesStoppedWithCheckpoint() {
        const QString id = launch(slowSets());
        QVERIFY(!id.isEmpty());
        const QString dir = m_backend->runDir(id);
        QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(dir) >= 10, 300000);
        // Auto mode: this machine has tmux, so the run sits in a session named after it (or
        // after it and a number, when another runs root's run has the same id), named in the
        // run folder.
        const QString session = QString::fromUtf8(fileText(dir + QStringLiteral("/tmux_session")));
        QVERIFY2(session.startsWith(QStringLiteral("tb-") + id), qPrintable(session));
        QVERIFY(runTool(QStringLiteral("tmux"),
                        {QStringLiteral("has-session"), QStringLiteral("-t"), u'=' + session})
                    .has_value());
        const auto stopped = m_backend->stop(id);
        QVERIFY2(stopped.ok(), stopped.ok() ? "" : stopped.error().c_str());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(dir), QStringLiteral("stopped"), 120000);
        QTRY_COMPARE_WITH_TIMEOUT(fileText(dir + "/exit_code").trimmed(), QByteArray("143"), 30000);
        const QString checkpoint =
            jsonFile(dir + "/checkpoints/latest.json").value("checkpoint").toString();
        QVERIFY(!checkpoint.isEmpty());
        QVERIFY(QFile::exists(dir + "/checkpoints/" + checkpoint));
    }

    // Stop pressed just as the link drops: the request waits for the reconnect and gets
    // through once (it failed with "not connected" and the run went on).
    void stopRightAfterACutGetsThrough() {
        const QString id = launch(slowSets());
        QVERIFY(!id.isEmpty());
        const QString dir = m_backend->runDir(id);
        QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(dir) >= 4, 300000);
        QVERIFY(cutConnections(m_sshd) > 0);
        const auto stopped = m_backend->stop(id);
        QVERIFY2(stopped.ok(), stopped.ok() ? "" : stopped.error().c_str());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(dir), QStringLiteral("stopped"), 120000);
        QTRY_COMPARE_WITH_TIMEOUT(fileText(dir + "/exit_code").trimmed(), QByteArray("143"), 30000);
        // One TERM: the trainer finished its step and saved its checkpoint there (a second
        // one makes it leave at once, without either).
        const qint64 step =
            qint64(jsonFile(dir + "/checkpoints/latest.json").value("step").toDouble());
        const QString message = jsonFile(dir + "/status.json").value("message").toString();
        QVERIFY2(message.startsWith(QStringLiteral("stopped at step %1,").arg(step)),
                 qPrintable(message));
    }

    void scanListsRunsStartedElsewhereAndLostOnes() {
        // A run another machine started earlier, which ended before this app ever looked.
        const QString other = QDir(m_root).filePath(QStringLiteral("20200101-000000-elsewhere"));
        QVERIFY(QDir().mkpath(other));
        QFile status(other + QStringLiteral("/status.json"));
        QVERIFY(status.open(QIODevice::WriteOnly));
        status.write(R"({"state":"finished","pid":99999999,"epoch":3,"step":120,"exit_code":0})");
        status.close();
        QVERIFY(QDir().mkpath(QDir(m_root).filePath(QStringLiteral("not-a-run"))));
        // A command the wrapper has reaped but whose exit_code it has not written yet (a busy
        // box can hold it there): the wrapper lives, so the run is not lost.
        const QString reaped = QDir(m_root).filePath(QStringLiteral("20200101-000001-reaped"));
        QVERIFY(QDir().mkpath(reaped));
        QFile reapedStatus(reaped + QStringLiteral("/status.json"));
        QVERIFY(reapedStatus.open(QIODevice::WriteOnly));
        reapedStatus.write(QStringLiteral(R"({"state":"running","pid":%1,"wrapper_pid":%2})")
                               .arg(deadPid())
                               .arg(QCoreApplication::applicationPid())
                               .toUtf8());
        reapedStatus.close();

        m_backend = std::make_unique<RemoteBackend>(m_connection.get(),
                                                    settingsWith(RemoteStartMode::Setsid));
        const QString id = launch(slowSets());
        QVERIFY(!id.isEmpty());
        const QString dir = m_backend->runDir(id);
        QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(dir) >= 4, 300000);
        // Started by setsid, not in tmux: no tmux server among the trainer's ancestors. (A tmux
        // session name could be another test's: run ids repeat across runs roots.)
        const qint64 trainer = qint64(jsonFile(dir + "/status.json").value("pid").toDouble());
        for (qint64 up = trainer; up > 1; up = parentPid(up))
            QVERIFY(!fileText(QStringLiteral("/proc/%1/comm").arg(up)).startsWith("tmux"));
        auto scan = m_backend->scan();
        QVERIFY2(scan.ok(), scan.ok() ? "" : scan.error().c_str());
        const RunInfo* elsewhere = find(*scan, QStringLiteral("20200101-000000-elsewhere"));
        QVERIFY(elsewhere && find(*scan, id));
        QVERIFY(!find(*scan, QStringLiteral("not-a-run")));
        QCOMPARE(elsewhere->state, RunState::Finished);
        QCOMPARE(elsewhere->step, 120);
        QCOMPARE(find(*scan, QStringLiteral("20200101-000001-reaped"))->state, RunState::Running);
        QCOMPARE(find(*scan, id)->state, RunState::Running);
        QCOMPARE(find(*scan, id)->target, kHost);
        QVERIFY(std::isfinite(find(*scan, id)->lastTrainLoss));

        // What a reboot or the OOM killer does: wrapper and trainer die without a word.
        const qint64 wrapper = parentPid(trainer);
        QVERIFY(trainer > 0 && wrapper > 1);
        QVERIFY(::kill(pid_t(wrapper), SIGKILL) == 0);
        QVERIFY(::kill(pid_t(-trainer), SIGKILL) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            (scan = m_backend->scan(),
             scan.ok() && find(*scan, id) && find(*scan, id)->state == RunState::Lost),
            30000);
        QVERIFY(find(*scan, id)->message.contains(kHost));
        QCOMPARE(stateOf(dir), QStringLiteral("running"));  // concluded, never written
        QVERIFY(!m_backend->stop(id).ok());
    }

    // As in a reboot: the wrapper and the trainer die at once and nothing records how the run
    // ended. Following it ends with `lost` and a message that says what to do (it followed
    // "running" for ever before).
    void followingARunWhoseProcessesDiedEndsLost() {
        const QString id = launch(slowSets());
        QVERIFY(!id.isEmpty());
        const QString dir = m_backend->runDir(id);
        Followed followed(m_backend.get(), id);
        QSignalSpy finished(&followed.follower, &RemoteFollower::finished);
        followed.follower.start();
        QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(dir) >= 4, 300000);
        QTRY_COMPARE_WITH_TIMEOUT(followed.follower.status().state, RunState::Running, 30000);
        const qint64 trainer = qint64(jsonFile(dir + "/status.json").value("pid").toDouble());
        const qint64 wrapper = parentPid(trainer);
        QVERIFY(trainer > 1 && wrapper > 1);
        QVERIFY(::kill(pid_t(wrapper), SIGKILL) == 0);  // first, so it records nothing
        QVERIFY(::kill(pid_t(trainer), SIGKILL) == 0);
        QVERIFY(finished.wait(60000));
        QCOMPARE(followed.follower.status().state, RunState::Lost);
        QVERIFY2(followed.follower.status().message.contains(QStringLiteral("latest checkpoint")),
                 qPrintable(followed.follower.status().message));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/exit_code")));
    }

    void followingSurvivesCutConnections() {
        const QString id = launch(slowSets());
        QVERIFY(!id.isEmpty());
        Followed followed(m_backend.get(), id);
        int reconnected = 0;
        QObject counting;  // the count lives only as long as this test
        connect(m_connection.get(), &HostConnection::stateChanged, &counting,
                [&](ConnectionState state) { reconnected += state == ConnectionState::Connected; });
        QSignalSpy finished(&followed.follower, &RemoteFollower::finished);
        followed.follower.start();
        for (int cut = 1; cut <= 3; ++cut) {
            const qsizetype before = followed.metrics.size();
            QTRY_VERIFY_WITH_TIMEOUT(followed.metrics.size() > before, 300000);
            QVERIFY(cutConnections(m_sshd) > 0);
            QTRY_COMPARE_WITH_TIMEOUT(reconnected, cut, 60000);
        }
        // Killed, not stopped: the wrapper records the end the trainer could not.
        const auto killed = m_backend->kill(id);
        QVERIFY2(killed.ok(), killed.ok() ? "" : killed.error().c_str());
        QVERIFY(finished.wait(300000));
        const QString dir = m_backend->runDir(id);
        QCOMPARE(followed.follower.status().exitCode, 137);
        QCOMPARE(fileText(dir + QStringLiteral("/exit_code")).trimmed(), QByteArray("137"));
        // A SIGKILL may cut the last line short; that part is not a record.
        QByteArray file = fileText(dir + QStringLiteral("/metrics.jsonl"));
        file.truncate(file.lastIndexOf('\n') + 1);
        QCOMPARE(followed.metrics, file);  // nothing lost, nothing twice
        QCOMPARE(qsizetype(followed.store.recordCount()), file.count('\n'));
        QCOMPARE(followed.log, fileText(dir + QStringLiteral("/output.log")));
    }

    void reopenedAppReattachesToARunningRun() {
        const QString id = launch(slowSets());
        QVERIFY(!id.isEmpty());
        const QString dir = m_backend->runDir(id);
        QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(dir) >= 10, 300000);
        // The app quits: its connection goes, the run goes on; then the app comes back.
        m_backend.reset();
        m_connection.reset();
        QCOMPARE(stateOf(dir), QStringLiteral("running"));
        init();
        const auto scan = m_backend->scan();
        QVERIFY2(scan.ok(), scan.ok() ? "" : scan.error().c_str());
        QVERIFY(find(*scan, id) && find(*scan, id)->state == RunState::Running);
        Followed followed(m_backend.get(), id);
        QSignalSpy finished(&followed.follower, &RemoteFollower::finished);
        followed.follower.start();
        QTRY_VERIFY_WITH_TIMEOUT(!followed.metrics.isEmpty(), 60000);
        const auto stopped = m_backend->stop(id);
        QVERIFY2(stopped.ok(), stopped.ok() ? "" : stopped.error().c_str());
        QVERIFY(finished.wait(300000));
        QCOMPARE(followed.metrics, fileText(dir + QStringLiteral("/metrics.jsonl")));
    }

    // No trainer: the test writes the run's files itself, so it knows each byte's moment.
    void followerKeepsPartialLinesAcrossACut() {
        const QString id = QStringLiteral("20261123-000000-handmade");
        const QString dir = QDir(m_root).filePath(id);
        QVERIFY(QDir().mkpath(dir));
        const auto write = [&](const char* name, const QByteArray& bytes, bool append = true) {
            QFile file(dir + QLatin1Char('/') + QLatin1String(name));
            QVERIFY(file.open(append ? QIODevice::Append : QIODevice::WriteOnly));
            QCOMPARE(file.write(bytes), bytes.size());
        };
        write("status.json", R"({"state":"running","pid":1,"step":1})", false);
        write("metrics.jsonl", "{\"step\":1}\n{\"st");
        write("output.log", "log one ");
        QVERIFY(m_backend->scan().ok());  // the absolute runs root, as the app has it
        Followed followed(m_backend.get(), id);
        QSignalSpy interrupted(&followed.follower, &RemoteFollower::interrupted);
        QSignalSpy finished(&followed.follower, &RemoteFollower::finished);
        followed.follower.start();
        QTRY_COMPARE_WITH_TIMEOUT(followed.metrics, QByteArray("{\"step\":1}\n"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(followed.log, QByteArray("log one "), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(followed.follower.status().state, RunState::Running, 30000);
        write("metrics.jsonl", "ep\":2}\n");  // the partial line completed
        QTRY_COMPARE_WITH_TIMEOUT(followed.metrics, QByteArray("{\"step\":1}\n{\"step\":2}\n"),
                                  30000);

        QVERIFY(cutConnections(m_sshd) > 0);
        QVERIFY(interrupted.wait(30000));
        write("metrics.jsonl", "{\"step\":3}\n{\"step\":4");  // written while disconnected
        write("output.log", "and two\n");
        QTRY_COMPARE_WITH_TIMEOUT(followed.follower.streamsOpened(), 2, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(followed.log, QByteArray("log one and two\n"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(followed.store.recordCount(), std::size_t(3), 30000);
        QVERIFY(finished.isEmpty());

        write("metrics.jsonl", "}\n");
        write("exit_code", "0\n");
        write("status.json", R"({"state":"finished","pid":1,"exit_code":0})", false);
        QVERIFY(finished.wait(30000));
        QCOMPARE(followed.metrics, fileText(dir + QStringLiteral("/metrics.jsonl")));
        QCOMPARE(followed.store.recordCount(), std::size_t(4));
        QCOMPARE(followed.follower.status().state, RunState::Finished);
        QCOMPARE(followed.follower.streamsOpened(), 2);
        // Finished: its streams are closed and nothing of them runs on the box any more.
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(id.toUtf8()).isEmpty(), 30000);
    }

    // The user's own command on the host: placeholders filled, output lines turned into
    // metrics by the regex filter on the box, trainbench_log.py next to the wrapper.
    void scriptRunWithRegexMetrics() {
        LaunchRequest request;
        request.configPath = demoConfig();
        request.command = QStringLiteral(
            "i=0; while [ $i -lt 5 ]; do i=$((i+1)); echo \"step=$i loss=$i.5 lr={optim.lr}\"; "
            "done");
        request.metricsRegex = QStringLiteral("step=(?<step>\\d+) loss=(?<train/loss>\\S+)");
        const auto id = m_backend->launch(request);
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().c_str());
        Followed followed(m_backend.get(), *id);
        QSignalSpy finished(&followed.follower, &RemoteFollower::finished);
        followed.follower.start();
        QVERIFY(finished.wait(120000));
        const QString dir = m_backend->runDir(*id);
        QCOMPARE(stateOf(dir), QStringLiteral("finished"));
        const auto records = metricsRecords(dir);
        QCOMPARE(records.size(), qsizetype(5));
        for (qsizetype i = 0; i < records.size(); ++i) {
            QCOMPARE(records[i].value("step").toDouble(), double(i + 1));
            QCOMPARE(records[i].value("train/loss").toDouble(), double(i + 1) + 0.5);
        }
        QCOMPARE(followed.metrics, fileText(dir + QStringLiteral("/metrics.jsonl")));
        const QJsonObject script =
            jsonFile(dir + QStringLiteral("/run.json")).value("script").toObject();
        QCOMPARE(script.value("template").toString(), request.command);
        QVERIFY(!script.value("command").toString().contains(QLatin1String("{optim.lr}")));
        QVERIFY(fileText(dir + QStringLiteral("/output.log")).contains("lr=0.00"));
        QVERIFY(QFile::exists(dir + QStringLiteral("/trainbench_log.py")));
    }

    void launchErrorsNameTheHost() {
        RemoteHostSettings settings = settingsWith(RemoteStartMode::Auto);
        settings.runsRoot = QStringLiteral("/proc/cannot-be-here");
        m_backend = std::make_unique<RemoteBackend>(m_connection.get(), settings);
        LaunchRequest request;
        request.configPath = demoConfig();
        request.sets = quickSets();
        const auto failed = m_backend->launch(request);
        QVERIFY(!failed.ok());
        const QString message = QString::fromStdString(failed.error());
        QVERIFY2(message.contains(kHost) && message.contains(settings.runsRoot),
                 qPrintable(message));
        request.sets << QStringLiteral("optim.lrr=0.1");
        const auto invalid = m_backend->launch(request);
        QVERIFY(!invalid.ok());
        QVERIFY(QString::fromStdString(invalid.error()).contains(QLatin1String("optim.lrr")));
    }

private:
    RemoteHostSettings settingsWith(RemoteStartMode mode) const {
        RemoteHostSettings settings = m_backend->settings();
        settings.startMode = mode;
        return settings;
    }

    QString launch(const QStringList& sets) { return launchDemo(*m_backend, sets); }
    static const RunInfo* find(const RemoteScan& scan, const QString& id) {
        return findRun(scan, id);
    }

    QTemporaryDir m_tmp;
    QString m_marker;
    QString m_root;
    std::unique_ptr<HostConnection> m_connection;
    std::unique_ptr<RemoteBackend> m_backend;
};

QTEST_GUILESS_MAIN(TestRemoteRun)
#include "tst_remote_run.moc"
