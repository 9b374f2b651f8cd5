// SshSession against a real sshd on 127.0.0.1: host-key trust, key and password logins, exec,
// the distinct failure messages, and cancellation.

#include "remote/known_hosts_file.h"
#include "remote/ssh_session_thread.h"
#include "sshd_fixture.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>
#include <optional>

using namespace tb;
using tb::test::SshdFixture;

namespace {

constexpr int kWaitMs = 30000;
const QString kLoopback = QStringLiteral("127.0.0.1");

SshSessionOptions testOptions() {
    SshSessionOptions options;
    options.useAgent = false;  // a developer's agent must not change the outcome
    options.processSshConfig = false;
    options.timeoutSeconds = 10;
    return options;
}

// Collects one session's results on the test thread (signals arrive queued).
struct Results : QObject {
    explicit Results(const SshSession* session) {
        connect(session, &SshSession::connectFinished, this,
                [this](const SshResult& r) { connected = r; });
        connect(session, &SshSession::hostKeyUnknown, this,
                [this](const QString& fingerprint) { askedFingerprints.append(fingerprint); });
        connect(session, &SshSession::execFinished, this,
                [this](quint64 id, const ExecResult& r) { executed.emplace(id, r); });
    }
    std::optional<SshResult> connected;
    QStringList askedFingerprints;
    std::optional<std::pair<quint64, ExecResult>> executed;
};

}  // namespace

class TestSshSession : public QObject {
    Q_OBJECT

private:
    SshdFixture m_sshd;
    QString m_skipReason;

    SshTarget keyTarget(const QString& knownHosts) const {
        SshTarget target;
        target.host = kLoopback;
        target.port = m_sshd.port();
        target.user = QString::fromLocal8Bit(qgetenv("USER"));
        if (target.user.isEmpty()) target.user = QStringLiteral("root");
        target.identityFile = m_sshd.userKeyFile();
        target.knownHostsFile = knownHosts;
        return target;
    }

    static SshResult connectOnce(SshSessionThread& thread, Results& results) {
        results.connected.reset();
        thread.connectToHost();
        if (!QTest::qWaitFor([&] { return results.connected.has_value(); }, kWaitMs))
            return SshResult{SshFailure::Protocol, QStringLiteral("test: no result in time"), {}};
        return *results.connected;
    }

    static SshResult accept(SshSessionThread& thread, Results& results,
                            const QString& fingerprint) {
        results.connected.reset();
        thread.acceptHostKey(fingerprint);
        if (!QTest::qWaitFor([&] { return results.connected.has_value(); }, kWaitMs))
            return SshResult{SshFailure::Protocol, QStringLiteral("test: no result in time"), {}};
        return *results.connected;
    }

    static ExecResult run(SshSessionThread& thread, Results& results,
                          const RemoteCommand& command) {
        results.executed.reset();
        const quint64 id = thread.exec(command);
        if (!QTest::qWaitFor([&] { return results.executed.has_value(); }, kWaitMs))
            return ExecResult{
                SshFailure::Protocol, QStringLiteral("test: no result in time"), {}, {}, -1};
        if (results.executed->first != id)
            return ExecResult{SshFailure::Protocol, QStringLiteral("test: wrong id"), {}, {}, -1};
        return results.executed->second;
    }

private Q_SLOTS:
    void initTestCase() {
        qunsetenv("SSH_AUTH_SOCK");
        m_skipReason = m_sshd.start();
    }

    void init() {
        if (!m_skipReason.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no local sshd: ") + m_skipReason));
    }

    void unknownHostKeyIsAskedThenAcceptedAndExecWorks() {
        QTemporaryDir home;
        SshSessionThread thread(keyTarget(home.filePath(QStringLiteral("known_hosts"))),
                                QStringLiteral("local"), testOptions());
        Results results(thread.session());

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

        // The known host connects again without asking.
        SshSessionThread again(keyTarget(home.filePath(QStringLiteral("known_hosts"))),
                               QStringLiteral("local"), testOptions());
        Results againResults(again.session());
        const SshResult second = connectOnce(again, againResults);
        QVERIFY2(second.ok(), qPrintable(second.message));
        QVERIFY(againResults.askedFingerprints.isEmpty());
    }

    void execBeforeConnectSaysSo() {
        QTemporaryDir home;
        SshSessionThread thread(keyTarget(home.filePath(QStringLiteral("known_hosts"))), {},
                                testOptions());
        Results results(thread.session());
        const ExecResult result = run(thread, results, RemoteCommand(QStringLiteral("true")));
        QCOMPARE(result.failure, SshFailure::NotConnected);
    }

    void cancelStopsARunningCommand() {
        QTemporaryDir home;
        SshSessionThread thread(keyTarget(home.filePath(QStringLiteral("known_hosts"))), {},
                                testOptions());
        Results results(thread.session());
        QVERIFY(accept(thread, results, m_sshd.hostKeyFingerprint()).ok());
        results.executed.reset();
        thread.exec(RemoteCommand::trustedScript(QStringLiteral("echo started; sleep 60")));
        thread.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(results.executed.has_value(), 10000);
        QCOMPARE(results.executed->second.failure, SshFailure::Cancelled);
        // A request after the cancel runs normally.
        QCOMPARE(run(thread, results, RemoteCommand(QStringLiteral("true"))).exitStatus, 0);
    }

    void refusedPortNamesHostAndPort() {
        const int closedPort = tb::test::freeLocalPort();
        QTemporaryDir home;
        SshTarget target = keyTarget(home.filePath(QStringLiteral("known_hosts")));
        target.port = closedPort;
        SshSessionThread thread(target, {}, testOptions());
        Results results(thread.session());
        const SshResult result = connectOnce(thread, results);
        QCOMPARE(result.failure, SshFailure::ConnectionRefused);
        QVERIFY2(result.message.contains(QStringLiteral("127.0.0.1 port %1").arg(closedPort)),
                 qPrintable(result.message));
    }

    void noAcceptedCredentialIsAuthDenied() {
        QTemporaryDir home;
        SshTarget target = keyTarget(home.filePath(QStringLiteral("known_hosts")));
        target.identityFile.clear();
        target.user = QStringLiteral("nobody");
        SshSessionThread thread(target, {}, testOptions());
        Results results(thread.session());
        const SshResult result = accept(thread, results, m_sshd.hostKeyFingerprint());
        QCOMPARE(result.failure, SshFailure::AuthDenied);
        QVERIFY2(result.message.contains(QStringLiteral("port %1").arg(m_sshd.port())),
                 qPrintable(result.message));
    }

    void passwordLoginAndWrongPassword();

    // Last: it replaces the server's host key.
    void changedHostKeyIsRefusedWithTheRemedy() {
        QTemporaryDir home;
        const QString knownHosts = home.filePath(QStringLiteral("known_hosts"));
        {
            SshSessionThread thread(keyTarget(knownHosts), QStringLiteral("gpu-box"),
                                    testOptions());
            Results results(thread.session());
            QVERIFY(accept(thread, results, m_sshd.hostKeyFingerprint()).ok());
        }
        const QString error = m_sshd.restartWithNewHostKey();
        QVERIFY2(error.isEmpty(), qPrintable(error));

        SshSessionThread thread(keyTarget(knownHosts), QStringLiteral("gpu-box"), testOptions());
        Results results(thread.session());
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
        QCOMPARE(*forgetHostKey(knownHosts, kLoopback, m_sshd.port()), 1);
        QCOMPARE(connectOnce(thread, results).failure, SshFailure::HostKeyUnknown);
        QVERIFY(accept(thread, results, m_sshd.hostKeyFingerprint()).ok());
    }
};

namespace {

// A local account that exists only for the duration of one test.
struct ThrowawayAccount {
    QString name = QStringLiteral("tbssh%1").arg(::getpid());
    QString password;
    bool created = false;
    bool passwordSet = false;

    ThrowawayAccount() {
        for (int i = 0; i < 20; ++i)
            password += QChar(QLatin1Char('a' + QRandomGenerator::global()->bounded(26)));
        created = tb::test::runTool(
                      QStringLiteral("useradd"),
                      {QStringLiteral("-m"), QStringLiteral("-s"), QStringLiteral("/bin/sh"), name})
                      .has_value();
        passwordSet =
            created && tb::test::runTool(QStringLiteral("chpasswd"), {},
                                         (name + QLatin1Char(':') + password + '\n').toUtf8())
                           .has_value();
    }
    ~ThrowawayAccount() {
        if (created)
            (void)tb::test::runTool(QStringLiteral("userdel"), {QStringLiteral("-r"), name});
    }
};

}  // namespace

void TestSshSession::passwordLoginAndWrongPassword() {
    if (::geteuid() != 0) QSKIP("password login needs a throwaway local account: run as root");
    ThrowawayAccount account;
    if (!account.passwordSet) QSKIP("useradd/chpasswd could not create a throwaway account");
    QTemporaryDir home;
    SshTarget target = keyTarget(home.filePath(QStringLiteral("known_hosts")));
    target.identityFile.clear();
    target.user = account.name;

    {
        SshSessionThread thread(target, {}, testOptions());
        Results results(thread.session());
        thread.setPassword(account.password + QStringLiteral("x"));
        const SshResult wrong = accept(thread, results, m_sshd.hostKeyFingerprint());
        QCOMPARE(wrong.failure, SshFailure::WrongPassword);
        QVERIFY2(wrong.message.contains(
                     QStringLiteral("%1@127.0.0.1 port %2").arg(account.name).arg(m_sshd.port())),
                 qPrintable(wrong.message));
        QVERIFY(!wrong.message.contains(account.password));
    }
    SshSessionThread thread(target, {}, testOptions());
    Results results(thread.session());
    thread.setPassword(account.password);
    const SshResult right = connectOnce(thread, results);
    QVERIFY2(right.ok(), qPrintable(right.message));
    const ExecResult who = run(thread, results, RemoteCommand(QStringLiteral("whoami")));
    QCOMPARE(QString::fromUtf8(who.standardOutput).trimmed(), account.name);
}

QTEST_GUILESS_MAIN(TestSshSession)
#include "tst_ssh_session.moc"
