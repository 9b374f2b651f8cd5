// SshSession against a real sshd on 127.0.0.1: host-key trust (unknown, known, changed), key
// login, exec with quoting, and cancellation.

#include "remote/ssh/known_hosts_file.h"
#include "remote/ssh/ssh_session_thread.h"
#include "ssh_test_support.h"
#include "sshd_fixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace tb;
using namespace tb::test;

namespace {

// A session to the fixture's sshd that checks a quiet command's server after `checkSeconds`.
struct Checked {
    Checked(const SshdFixture& sshd, int checkSeconds)
        : thread(keyTarget(sshd, home.filePath(QStringLiteral("known_hosts"))), {},
                 optionsWith(checkSeconds)),
          results(thread.session()) {}
    static SshSessionOptions optionsWith(int checkSeconds) {
        SshSessionOptions options = testOptions();
        options.checkSeconds = checkSeconds;
        return options;
    }
    QTemporaryDir home;
    SshSessionThread thread;
    SessionResults results;
};

}  // namespace

class TestSshSession : public SshdTestCase {
    Q_OBJECT

private Q_SLOTS:

    void unknownHostKeyIsAskedThenAcceptedAndExecWorks() {
        QTemporaryDir home;
        SshSessionThread thread(keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts"))),
                                QStringLiteral("local"), testOptions());
        SessionResults results(thread.session());

        const SshResult first = connectOnce(thread, results);
        QCOMPARE(first.failure, SshFailure::HostKeyUnknown);
        QVERIFY(first.fingerprint.startsWith(QLatin1String("SHA256:")));
        QCOMPARE(first.fingerprint, m_sshd.hostKeyFingerprint());
        QCOMPARE(results.askedFingerprints, QStringList{m_sshd.hostKeyFingerprint()});
        QVERIFY(first.message.contains(first.fingerprint));
        QVERIFY(!QFile::exists(home.filePath(QStringLiteral("known_hosts"))));

        // Accepting a fingerprint other than the server's records nothing.
        QVERIFY(accept(thread, results, QStringLiteral("SHA256:not-this-one")).failure ==
                SshFailure::HostKeyUnknown);
        QVERIFY(!QFile::exists(home.filePath(QStringLiteral("known_hosts"))));

        const SshResult accepted = accept(thread, results, first.fingerprint);
        QVERIFY2(accepted.ok(), qPrintable(accepted.message));
        QVERIFY(QFile::exists(home.filePath(QStringLiteral("known_hosts"))));

        const ExecResult hi =
            run(thread, results,
                RemoteCommand::trustedScript(QStringLiteral("echo hi; echo oops >&2; exit 3")));
        QVERIFY2(hi.ok(), qPrintable(hi.message));
        QCOMPARE(hi.standardOutput, QByteArray("hi\n"));
        QCOMPARE(hi.standardError, QByteArray("oops\n"));
        QCOMPARE(hi.exitStatus, 3);

        // An argument full of shell syntax arrives as one literal word, never executed.
        const QString nasty = QStringLiteral("a b; touch pwned $(id) `id` 'q' \"d\"\nz");
        RemoteCommand echo(QStringLiteral("printf"));
        echo.arg(QStringLiteral("%s")).arg(nasty);
        const ExecResult echoed = run(thread, results, echo.inDirectory(home.path()));
        QCOMPARE(QString::fromUtf8(echoed.standardOutput), nasty);
        QCOMPARE(echoed.exitStatus, 0);
        QVERIFY(!QFile::exists(home.filePath(QStringLiteral("pwned"))));

        // The known host connects again without asking — also with the system and user ssh
        // config read, which must not replace the port we were given.
        SshSessionOptions withConfig = testOptions();
        withConfig.processSshConfig = true;
        SshSessionThread again(keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts"))),
                               QStringLiteral("local"), withConfig);
        SessionResults againResults(again.session());
        const SshResult second = connectOnce(again, againResults);
        QVERIFY2(second.ok(), qPrintable(second.message));
        QVERIFY(againResults.askedFingerprints.isEmpty());
    }

    void execBeforeConnectSaysSo() {
        QTemporaryDir home;
        SshSessionThread thread(keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts"))), {},
                                testOptions());
        SessionResults results(thread.session());
        const ExecResult result = run(thread, results, RemoteCommand(QStringLiteral("true")));
        QCOMPARE(result.failure, SshFailure::NotConnected);
    }

    void cancelStopsARunningCommand() {
        QTemporaryDir home;
        SshSessionThread thread(keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts"))), {},
                                testOptions());
        SessionResults results(thread.session());
        QVERIFY(accept(thread, results, m_sshd.hostKeyFingerprint()).ok());
        results.executed.reset();
        thread.exec(RemoteCommand::trustedScript(QStringLiteral("echo started; sleep 60")));
        thread.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(results.executed.has_value(), 10000);
        QCOMPARE(results.executed->second.failure, SshFailure::Cancelled);
        // A request after the cancel runs normally.
        QCOMPARE(run(thread, results, RemoteCommand(QStringLiteral("true"))).exitStatus, 0);
    }

    // The session's thread serves one call at a time, so a keepalive cannot get past a command
    // that waits for output: the command itself must notice a server that stopped answering,
    // or every later call of that host waits for ever (a GUI Stop after a cut never arrived).
    void aCommandFailsWhenTheServerStopsAnswering() {
        Checked session(m_sshd, 2);
        SessionResults& results = session.results;
        QVERIFY(accept(session.thread, results, m_sshd.hostKeyFingerprint()).ok());
        results.executed.reset();
        const QString mark = session.home.filePath(QStringLiteral("started"));
        session.thread.exec(RemoteCommand::trustedScript(
            QStringLiteral("touch %1; sleep 300").arg(shellQuote(mark))));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(mark), 30000);
        QVERIFY(signalConnections(m_sshd, SIGSTOP) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(results.executed.has_value(), 60000);
        signalConnections(m_sshd, SIGCONT);
        const ExecResult& lost = results.executed->second;
        QCOMPARE(lost.failure, SshFailure::Protocol);
        QVERIFY2(lost.message.contains(QStringLiteral("was lost")), qPrintable(lost.message));
        cutConnections(m_sshd);  // the sleep's connection, frozen mid-way, goes
    }

    // A command that is quiet longer than the check but whose server answers goes on.
    void aQuietCommandOfALiveServerGoesOn() {
        Checked session(m_sshd, 1);
        QVERIFY(accept(session.thread, session.results, m_sshd.hostKeyFingerprint()).ok());
        const ExecResult slow =
            run(session.thread, session.results,
                RemoteCommand::trustedScript(QStringLiteral("sleep 4; echo done")));
        QVERIFY2(slow.ok(), qPrintable(slow.message));
        QCOMPARE(slow.standardOutput, QByteArray("done\n"));
    }

    // Last: it replaces the server's host key.
    void changedHostKeyIsRefusedWithTheRemedy() {
        QTemporaryDir home;
        const QString knownHosts = home.filePath(QStringLiteral("known_hosts"));
        {
            SshSessionThread thread(keyTarget(m_sshd, knownHosts), QStringLiteral("gpu-box"),
                                    testOptions());
            SessionResults results(thread.session());
            QVERIFY(accept(thread, results, m_sshd.hostKeyFingerprint()).ok());
        }
        const QString error = m_sshd.restartWithNewHostKey();
        QVERIFY2(error.isEmpty(), qPrintable(error));

        SshSessionThread thread(keyTarget(m_sshd, knownHosts), QStringLiteral("gpu-box"),
                                testOptions());
        SessionResults results(thread.session());
        const SshResult result = connectOnce(thread, results);
        QCOMPARE(result.failure, SshFailure::HostKeyChanged);
        QCOMPARE(result.fingerprint, m_sshd.hostKeyFingerprint());
        QVERIFY(results.askedFingerprints.isEmpty());
        for (const QString& part :
             {QStringLiteral("CHANGED"), QStringLiteral("re-created"),
              QStringLiteral("intercepting"), QStringLiteral("trainbench hosts forget-key gpu-box"),
              QStringLiteral("127.0.0.1 port %1").arg(m_sshd.port())})
            QVERIFY2(result.message.contains(part), qPrintable(result.message));
        // Even accepting the new fingerprint does not override a changed key.
        QCOMPARE(accept(thread, results, m_sshd.hostKeyFingerprint()).failure,
                 SshFailure::HostKeyChanged);
        // Forgetting the key, the remedy the message names, makes the host unknown again.
        QCOMPARE(*forgetHostKey(knownHosts, QStringLiteral("127.0.0.1"), m_sshd.port()), 1);
        QCOMPARE(connectOnce(thread, results).failure, SshFailure::HostKeyUnknown);
        QVERIFY(accept(thread, results, m_sshd.hostKeyFingerprint()).ok());
    }
};

QTEST_GUILESS_MAIN(TestSshSession)
#include "tst_ssh_session.moc"
