// SshSession failures against a real sshd: each gets its own kind and a plain message naming
// host and port — refused, timeout, unknown host name, no accepted credential, wrong password.

#include "ssh_test_support.h"
#include "sshd_fixture.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace tb;
using namespace tb::test;

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

class TestSshFailures : public SshdTestCase {
    Q_OBJECT

private Q_SLOTS:

    void refusedPortNamesHostAndPort() {
        const int closedPort = tb::test::freeLocalPort();
        QTemporaryDir home;
        SshTarget target = keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts")));
        target.port = closedPort;
        SshSessionThread thread(target, {}, testOptions());
        SessionResults results(thread.session());
        const SshResult result = connectOnce(thread, results);
        QCOMPARE(result.failure, SshFailure::ConnectionRefused);
        QVERIFY2(result.message.contains(QStringLiteral("127.0.0.1 port %1").arg(closedPort)),
                 qPrintable(result.message));
    }

    void silentServerTimesOutNamingHostAndPort() {
        // A socket that accepts TCP connections (the kernel does) but never sends a banner.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        QVERIFY(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        QVERIFY(::listen(fd, 4) == 0);
        QVERIFY(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        const int silentPort = ntohs(address.sin_port);

        QTemporaryDir home;
        SshTarget target = keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts")));
        target.port = silentPort;
        SshSessionOptions options = testOptions();
        options.timeoutSeconds = 1;
        SshSessionThread thread(target, {}, options);
        SessionResults results(thread.session());
        const SshResult result = connectOnce(thread, results);
        ::close(fd);
        QCOMPARE(result.failure, SshFailure::Timeout);
        QVERIFY2(result.message.contains(QStringLiteral("127.0.0.1 port %1").arg(silentPort)),
                 qPrintable(result.message));
    }

    void unknownHostNameIsUnreachable() {
        QTemporaryDir home;
        SshTarget target = keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts")));
        target.host = QStringLiteral("no-such-host.invalid");
        SshSessionThread thread(target, {}, testOptions());
        SessionResults results(thread.session());
        const SshResult result = connectOnce(thread, results);
        QCOMPARE(result.failure, SshFailure::HostUnreachable);
        QVERIFY2(result.message.contains(
                     QStringLiteral("no-such-host.invalid port %1").arg(m_sshd.port())),
                 qPrintable(result.message));
    }

    void noAcceptedCredentialIsAuthDenied() {
        QTemporaryDir home;
        SshTarget target = keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts")));
        target.identityFile.clear();
        target.user = QStringLiteral("nobody");
        SshSessionThread thread(target, {}, testOptions());
        SessionResults results(thread.session());
        const SshResult result = accept(thread, results, m_sshd.hostKeyFingerprint());
        QCOMPARE(result.failure, SshFailure::AuthDenied);
        QVERIFY2(result.message.contains(QStringLiteral("port %1").arg(m_sshd.port())),
                 qPrintable(result.message));
    }

    void encryptedKeyAsksForItsPassphrase() {
        const QString key = m_sshd.path(QStringLiteral("locked_key"));
        QVERIFY(runTool(QStringLiteral("ssh-keygen"),
                        {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                         QStringLiteral("-N"), QStringLiteral("open sesame"), QStringLiteral("-f"),
                         key})
                    .has_value());
        QFile authorized(m_sshd.path(QStringLiteral("authorized_keys")));
        QFile publicKey(key + QStringLiteral(".pub"));
        QVERIFY(authorized.open(QIODevice::Append) && publicKey.open(QIODevice::ReadOnly));
        authorized.write(publicKey.readAll());
        authorized.close();

        QTemporaryDir home;
        SshTarget target = keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts")));
        target.identityFile = key;
        SshSessionThread thread(target, {}, testOptions());
        SessionResults results(thread.session());
        const SshResult locked = accept(thread, results, m_sshd.hostKeyFingerprint());
        QCOMPARE(locked.failure, SshFailure::KeyPassphraseNeeded);
        QVERIFY2(locked.message.contains(key), qPrintable(locked.message));

        thread.setKeyPassphrase(QStringLiteral("open says me"));
        const SshResult wrong = connectOnce(thread, results);
        QCOMPARE(wrong.failure, SshFailure::KeyPassphraseNeeded);
        QVERIFY2(wrong.message.contains(QStringLiteral("wrong")), qPrintable(wrong.message));
        QVERIFY(!wrong.message.contains(QStringLiteral("open says me")));

        thread.setKeyPassphrase(QStringLiteral("open sesame"));
        const SshResult unlocked = connectOnce(thread, results);
        QVERIFY2(unlocked.ok(), qPrintable(unlocked.message));
    }

    void missingKeyFileIsNamed() {
        QTemporaryDir home;
        SshTarget target = keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts")));
        target.identityFile = home.filePath(QStringLiteral("typo_key"));
        SshSessionThread thread(target, {}, testOptions());
        SessionResults results(thread.session());
        const SshResult result = accept(thread, results, m_sshd.hostKeyFingerprint());
        QCOMPARE(result.failure, SshFailure::AuthDenied);
        QVERIFY2(result.message.contains(
                     QStringLiteral("typo_key for %1@127.0.0.1 port %2 does not exist")
                         .arg(target.user)
                         .arg(m_sshd.port())),
                 qPrintable(result.message));
    }

    void passwordLoginAndWrongPassword();
};

void TestSshFailures::passwordLoginAndWrongPassword() {
    if (::geteuid() != 0) QSKIP("password login needs a throwaway local account: run as root");
    ThrowawayAccount account;
    if (!account.passwordSet) QSKIP("useradd/chpasswd could not create a throwaway account");
    QTemporaryDir home;
    SshTarget target = keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts")));
    target.identityFile.clear();
    target.user = account.name;

    {
        SshSessionThread thread(target, {}, testOptions());
        SessionResults results(thread.session());
        thread.setPassword(account.password + QStringLiteral("x"));
        const SshResult wrong = accept(thread, results, m_sshd.hostKeyFingerprint());
        QCOMPARE(wrong.failure, SshFailure::WrongPassword);
        QVERIFY2(wrong.message.contains(
                     QStringLiteral("%1@127.0.0.1 port %2").arg(account.name).arg(m_sshd.port())),
                 qPrintable(wrong.message));
        QVERIFY(!wrong.message.contains(account.password));
    }
    SshSessionThread thread(target, {}, testOptions());
    SessionResults results(thread.session());
    thread.setPassword(account.password);
    const SshResult right = connectOnce(thread, results);
    QVERIFY2(right.ok(), qPrintable(right.message));
    const ExecResult who = run(thread, results, RemoteCommand(QStringLiteral("whoami")));
    QCOMPARE(QString::fromUtf8(who.standardOutput).trimmed(), account.name);
}

QTEST_GUILESS_MAIN(TestSshFailures)
#include "tst_ssh_failures.moc"
