// ProxyJump through a jump host: the local sshd jumps to itself. The jump host's key is asked
// about like any other, the login then really runs through the tunnel (the target's client
// socket belongs to sshd, not to us), and bad jump specs and dead jump hosts say so.

#include "remote/ssh/ssh_jump_tunnel.h"
#include "ssh_test_support.h"
#include "sshd_fixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace tb;
using namespace tb::test;

namespace {

// The socket inode of the TCP connection whose local end is 127.0.0.1:port, from /proc.
QString inodeOfLocalPort(int port) {
    QFile tcp(QStringLiteral("/proc/net/tcp"));
    if (!tcp.open(QIODevice::ReadOnly)) return {};
    const QString wanted =
        QStringLiteral("0100007F:%1").arg(port, 4, 16, QLatin1Char('0')).toUpper();
    for (const QByteArray& line : tcp.readAll().split('\n')) {
        const QStringList fields =
            QString::fromLatin1(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (fields.size() > 9 && fields.at(1) == wanted) return fields.at(9);
    }
    return {};
}

bool thisProcessOwnsSocket(const QString& inode) {
    const QString target = QStringLiteral("socket:[%1]").arg(inode);
    QDir fds(QStringLiteral("/proc/self/fd"));
    // QFileInfo resolves "socket:[N]" links as paths; readlink gives the text itself.
    for (const QString& fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        char buffer[128] = {};
        const QByteArray path = QFile::encodeName(fds.filePath(fd));
        const ssize_t n = ::readlink(path.constData(), buffer, sizeof buffer - 1);
        if (n > 0 && QString::fromLatin1(buffer, int(n)) == target) return true;
    }
    return false;
}

}  // namespace

class TestJump : public SshdTestCase {
    Q_OBJECT

private Q_SLOTS:
    void jumpSpecsAreRead() {
        auto full = parseJumpSpec(QStringLiteral("ops@bastion.example:2222"));
        QVERIFY(full.ok());
        QCOMPARE(full->user, QStringLiteral("ops"));
        QCOMPARE(full->host, QStringLiteral("bastion.example"));
        QCOMPARE(full->port, 2222);
        auto bare = parseJumpSpec(QStringLiteral("ssh://[::1]"));
        QVERIFY(bare.ok());
        QCOMPARE(bare->host, QStringLiteral("::1"));
        QCOMPARE(bare->port, 22);
        QVERIFY(QString::fromStdString(parseJumpSpec(QStringLiteral("a,b")).error())
                    .contains(QLatin1String("one jump host")));
        QVERIFY(!parseJumpSpec(QStringLiteral("a b")).ok());
    }

    // The client socket of the target's connection, as the target sees it; whether it is ours.
    bool clientSocketIsOurs(SshSessionThread& thread, SessionResults& results) {
        const ExecResult where = run(
            thread, results, RemoteCommand::trustedScript(QStringLiteral("echo $SSH_CONNECTION")));
        const QStringList fields = QString::fromUtf8(where.standardOutput).split(QLatin1Char(' '));
        const QString inode = inodeOfLocalPort(fields.value(1).toInt());
        if (!where.ok() || fields.size() != 4 || inode.isEmpty())
            qFatal("cannot find the client socket: %s", where.standardOutput.constData());
        return thisProcessOwnsSocket(inode);
    }

    void directConnectionIsOursControl() {
        QTemporaryDir home;
        SshSessionThread thread(keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts"))),
                                QStringLiteral("direct"), testOptions());
        SessionResults results(thread.session());
        QVERIFY(accept(thread, results, m_sshd.hostKeyFingerprint()).ok());
        QVERIFY(clientSocketIsOurs(thread, results));
    }

    void throughTheJumpHostAfterItsKeyIsAccepted() {
        QTemporaryDir home;
        SshTarget target = keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts")));
        target.jump = QStringLiteral("%1@127.0.0.1:%2").arg(target.user).arg(m_sshd.port());
        SshSessionThread thread(target, QStringLiteral("behind"), testOptions());
        SessionResults results(thread.session());

        const SshResult first = connectOnce(thread, results);
        QCOMPARE(first.failure, SshFailure::HostKeyUnknown);
        QVERIFY2(first.message.startsWith(QLatin1String("Jump host for")),
                 qPrintable(first.message));
        QCOMPARE(results.askedFingerprints, QStringList{m_sshd.hostKeyFingerprint()});
        const SshResult accepted = accept(thread, results, m_sshd.hostKeyFingerprint());
        QVERIFY2(accepted.ok(), qPrintable(accepted.message));

        // The target's client end is a socket of sshd's direct-tcpip forward, not ours.
        QVERIFY(!clientSocketIsOurs(thread, results));

        // Several commands and a larger output pass through the tunnel intact.
        const ExecResult big = run(thread, results,
                                   RemoteCommand::trustedScript(
                                       QStringLiteral("head -c 3000000 /dev/zero | tr '\\000' x")));
        QVERIFY2(big.ok(), qPrintable(big.message));
        QCOMPARE(big.standardOutput, QByteArray(3000000, 'x'));

        // Disconnect and connect again: the tunnel is rebuilt, nothing asked.
        thread.disconnectFromHost();
        const SshResult again = connectOnce(thread, results);
        QVERIFY2(again.ok(), qPrintable(again.message));
        QCOMPARE(results.askedFingerprints.size(), 1);
    }

    void jumpHostNamedBySshConfigAlias() {
        QTemporaryDir home;
        QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".ssh")));
        QFile config(home.filePath(QStringLiteral(".ssh/config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        SshTarget target = keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts")));
        config.write(QStringLiteral("Host hop\n  HostName 127.0.0.1\n  Port %1\n  User %2\n")
                         .arg(m_sshd.port())
                         .arg(target.user)
                         .toUtf8());
        config.close();
        const QByteArray realHome = qgetenv("HOME");
        qputenv("HOME", home.path().toUtf8());
        const auto restore = qScopeGuard([&] { qputenv("HOME", realHome); });

        target.jump = QStringLiteral("hop");
        SshSessionOptions options = testOptions();
        options.processSshConfig = true;
        SshSessionThread thread(target, QStringLiteral("behind"), options);
        SessionResults results(thread.session());
        const SshResult connected = accept(thread, results, m_sshd.hostKeyFingerprint());
        QVERIFY2(connected.ok(), qPrintable(connected.message));
        QVERIFY(!clientSocketIsOurs(thread, results));
    }

    void deadJumpHostNamesIt() {
        QTemporaryDir home;
        const int closed = freeLocalPort();
        SshTarget target = keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts")));
        target.jump = QStringLiteral("127.0.0.1:%1").arg(closed);
        SshSessionThread thread(target, QStringLiteral("behind"), testOptions());
        SessionResults results(thread.session());
        const SshResult result = connectOnce(thread, results);
        QCOMPARE(result.failure, SshFailure::ConnectionRefused);
        QVERIFY2(result.message.contains(QStringLiteral("port %1").arg(closed)),
                 qPrintable(result.message));
        QVERIFY(result.message.startsWith(QLatin1String("Jump host for")));
    }
};

QTEST_GUILESS_MAIN(TestJump)
#include "tst_jump.moc"
