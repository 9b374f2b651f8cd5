// A remote run followed over a link that goes silent, as when a laptop sleeps or Wi-Fi drops:
// the box is this machine's sshd inside a network namespace of the test's own, and the link is
// a veth pair the test takes down (packets vanish, no RST) for a minute. The connection must
// say "reconnecting" while the link is down, the run must go on, and once the link is back the
// follower must catch up with every record once. Needs root (CI runs as root); skips without.

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/metrics/run_metrics.h"
#include "netns_link.h"
#include "remote/runs/remote_backend.h"
#include "remote/runs/remote_follow.h"
#include "remote/ssh/host_connection.h"
#include "ssh_test_support.h"
#include "tests/support/run_test_support.h"

#include <signal.h>

#include <memory>

using namespace tb;
using namespace tb::test;

class TestLinkStall : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        if (const QString why = m_link.create(); !why.isEmpty()) QSKIP(qPrintable(why));
        m_sshd.setNetwork(m_link.name(), m_link.boxAddress());
        if (const QString why = m_sshd.start(); !why.isEmpty()) QSKIP(qPrintable(why));
        // The product's own keepalive and reconnect timing: only the agent and ~/.ssh/config
        // are kept out, so that a developer's setup cannot change the outcome.
        HostConnectionOptions options;
        options.session.useAgent = false;
        options.session.processSshConfig = false;
        m_connection = std::make_unique<HostConnection>(
            keyTarget(m_sshd, m_tmp.filePath(QStringLiteral("known_hosts"))), QStringLiteral("box"),
            options);
        m_connection->acceptHostKey(m_sshd.hostKeyFingerprint());
        QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), ConnectionState::Connected, 30000);
        m_backend = testBackend(m_connection.get(), QStringLiteral("box"),
                                m_tmp.filePath(QStringLiteral("runs")));
    }

    void cleanupTestCase() {
        m_link.setLinkUp(true);
        m_backend.reset();
        m_connection.reset();
        m_sshd.stop();
    }

    void silentMinuteIsRiddenOutWithNothingLostOrTwice() {
        LaunchRequest request;
        request.configPath = demoConfig();
        request.sets = slowSets();
        const auto launched = m_backend->launch(request);
        QVERIFY2(launched.ok(), launched.ok() ? "" : launched.error().c_str());
        const QString id = *launched;
        const QString dir = m_backend->runDir(id);

        std::unique_ptr<RunMetrics> runMetrics(RunMetrics::fed());
        const SeriesStore& store = runMetrics->store();
        RemoteFollower follower(m_backend.get(), id, runMetrics.get());
        QByteArray followed;
        connect(&follower, &RemoteFollower::metricsLines, this,
                [&](const QByteArray& lines) { followed += lines; });
        QSignalSpy finished(&follower, &RemoteFollower::finished);
        QStringList states;
        QObject listening;  // the connection outlives this function; the lambda must not
        connect(m_connection.get(), &HostConnection::stateChanged, &listening,
                [&](ConnectionState state, const QString& message) {
                    states.append(connectionStateName(state) + QStringLiteral(": ") + message);
                });
        follower.start();
        QTRY_VERIFY_WITH_TIMEOUT(followed.count('\n') >= 3, 120000);

        const qint64 stepAtCut = lastMetricsStep(dir);
        QVERIFY(m_link.setLinkUp(false));
        QElapsedTimer down;
        down.start();
        // 60 s here; TB_LINK_DOWN_SECONDS=300 gives the five-minute outage of the issue by hand
        // (with QTEST_FUNCTION_TIMEOUT=1200000: Qt stops a test function after 300 s).
        const int seconds = qEnvironmentVariableIntValue("TB_LINK_DOWN_SECONDS");
        const int outageMs = (seconds >= 30 ? seconds : 60) * 1000;
        QTRY_VERIFY_WITH_TIMEOUT(m_connection->state() == ConnectionState::Reconnecting, 30000);
        const qint64 noticedMs = down.elapsed();
        QVERIFY2(noticedMs < outageMs, qPrintable(states.join('\n')));
        // The message says what happened, never an empty "()".
        QVERIFY2(!m_connection->message().contains(QStringLiteral("()")),
                 qPrintable(m_connection->message()));
        const qsizetype beforeReturn = followed.size();
        QTest::qWait(int(outageMs - down.elapsed()));  // the outage itself, not a wait for a result
        QCOMPARE(m_connection->state(), ConnectionState::Reconnecting);
        QCOMPARE(followed.size(), beforeReturn);  // nothing can come over a dead link
        // The run went on meanwhile, on the box (it may even have finished).
        QVERIFY(lastMetricsStep(dir) > stepAtCut);

        QVERIFY(m_link.setLinkUp(true));
        QElapsedTimer up;
        up.start();
        QTRY_VERIFY_WITH_TIMEOUT(followed.size() > beforeReturn, 120000);
        const qint64 flowingMs = up.elapsed();
        qInfo("link down -> reconnecting: %lld ms; link up -> data flowing: %lld ms", noticedMs,
              flowingMs);

        if (stateOf(dir) == QStringLiteral("running")) {
            const auto killed = m_backend->kill(id);
            QVERIFY2(killed.ok(), killed.ok() ? "" : killed.error().c_str());
        }
        QVERIFY(finished.count() > 0 || finished.wait(300000));
        QByteArray file = fileText(dir + QStringLiteral("/metrics.jsonl"));
        file.truncate(file.lastIndexOf('\n') + 1);  // a SIGKILL may cut the last line short
        QCOMPARE(followed, file);                   // every record once, in order
        QCOMPARE(qsizetype(store.recordCount()), file.count('\n'));
    }

    // The laptop sleeps: `trainbench run --host` is stopped (SIGSTOP) for two minutes mid-run,
    // the run ends on the box meanwhile, and once continued the CLI catches up, prints the
    // run's last step and its end, and exits with the run's status.
    void cliThatSleptTwoMinutesCatchesUp() {
        QProcess run;
        startCliRun(run, trainingFor(20));
        if (QTest::currentTestFailed()) return;
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += run.readAllStandardOutput()).contains("step"), 120000);
        QVERIFY(::kill(pid_t(run.processId()), SIGSTOP) == 0);
        QTest::qWait(120000);  // the sleep itself, not a wait for a result
        QVERIFY(::kill(pid_t(run.processId()), SIGCONT) == 0);
        QVERIFY(run.waitForFinished(180000));
        out += run.readAllStandardOutput();
        const QByteArray err = run.readAllStandardError();
        QVERIFY2(run.exitCode() == 0, (out + err).constData());
        verifyCliRunEnded(out);
    }

    // The CLI says once that the link is gone and once that it is back, not at every attempt.
    void cliSaysReconnectingOnceAndCatchesUp() {
        QProcess run;
        startCliRun(run, trainingFor(40));
        if (QTest::currentTestFailed()) return;
        QByteArray out, err;
        QTRY_VERIFY_WITH_TIMEOUT((out += run.readAllStandardOutput()).contains("step"), 120000);
        QVERIFY(m_link.setLinkUp(false));
        QTRY_VERIFY_WITH_TIMEOUT((err += run.readAllStandardError()).contains("Reconnecting"),
                                 30000);
        QTest::qWait(20000);  // the outage itself, not a wait for a result
        QVERIFY(m_link.setLinkUp(true));
        QVERIFY(run.waitForFinished(300000));
        out += run.readAllStandardOutput();
        err += run.readAllStandardError();
        QVERIFY2(run.exitCode() == 0, (out + err).constData());
        QCOMPARE(err.count("Reconnecting"), 1);
        QVERIFY2(err.contains("connected to box again"), err.constData());
        verifyCliRunEnded(out);
    }

private:
    // `trainbench run --host box` of the demo with `sets`, the box added once for the CLI.
    void startCliRun(QProcess& run, const QStringList& sets) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRAINBENCH_HOME"), m_tmp.filePath(QStringLiteral("home")));
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        const QString cli = binDir() + QStringLiteral("/trainbench");
        if (!m_cliHostAdded) {
            QProcess add;
            add.setProcessEnvironment(env);
            add.start(
                cli,
                {QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("box"),
                 QStringLiteral("ssh -p %1 root@%2").arg(m_sshd.port()).arg(m_sshd.address()),
                 QStringLiteral("--key"), m_sshd.userKeyFile(), QStringLiteral("--known-hosts"),
                 m_tmp.filePath(QStringLiteral("cli_known_hosts")), QStringLiteral("--remote-root"),
                 cliRoot()});
            QVERIFY(add.waitForFinished(60000));
            QVERIFY2(add.exitCode() == 0, add.readAllStandardError().constData());
            m_cliHostAdded = true;
        }
        QStringList arguments{
            QStringLiteral("run"),         demoConfig(),
            QStringLiteral("--host"),      QStringLiteral("box"),
            QStringLiteral("--trainer"),   binDir() + QStringLiteral("/trainbench-train"),
            QStringLiteral("--accept-new")};
        for (const QString& set : sets) arguments << QStringLiteral("--set") << set;
        run.setProcessEnvironment(env);
        run.start(cli, arguments);
        QVERIFY(run.waitForStarted(30000));
    }

    QString cliRoot() const { return m_tmp.filePath(QStringLiteral("cli runs")); }

    // A demo run of `epochs` epochs of 6000 samples (seconds per ten epochs on a quiet machine):
    // long enough to be running still when the test cuts in right after its first progress line.
    static QStringList trainingFor(int epochs) {
        return {QStringLiteral("data.synthetic.samples=6000"),
                QStringLiteral("train.epochs=%1").arg(epochs), QStringLiteral("model.kind=mlp"),
                QStringLiteral("train.log_every=2")};
    }

    // The run finished on the box, and the CLI printed its last step and its end.
    void verifyCliRunEnded(const QByteArray& out) {
        const QString id = QString::fromUtf8(out).section(QLatin1Char('\n'), 0, 0);
        const QString dir = cliRoot() + QLatin1Char('/') + id;
        QCOMPARE(stateOf(dir), QStringLiteral("finished"));
        QVERIFY2(out.contains(QStringLiteral("step %1").arg(lastMetricsStep(dir)).toUtf8()),
                 out.constData());
        QVERIFY2(out.contains(QStringLiteral("run %1 finished on box").arg(id).toUtf8()),
                 out.constData());
    }

    bool m_cliHostAdded = false;
    QTemporaryDir m_tmp;
    NetnsLink m_link;
    SshdFixture m_sshd;
    std::unique_ptr<HostConnection> m_connection;
    std::unique_ptr<RemoteBackend> m_backend;
};

QTEST_MAIN(TestLinkStall)
#include "tst_link_stall.moc"
