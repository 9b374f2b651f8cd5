// HostConnection against a real sshd: keepalives notice a killed connection, the connection
// comes back by itself (Reconnecting, then Connected) and exec works again; giving up and a
// user's disconnect end in Offline.

#include "remote/ssh/host_connection.h"
#include "ssh_test_support.h"
#include "sshd_fixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace tb;
using namespace tb::test;

namespace {

constexpr int kWaitMs = 30000;

// Every process whose command line mentions `needle`, and all their descendants.
QList<int> processesMentioning(const QString& needle) {
    QList<int> roots;
    QHash<int, QList<int>> children;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString& pid : pids) {
        bool numeric = false;
        const int id = pid.toInt(&numeric);
        if (!numeric) continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly)) continue;
        if (cmdline.readAll().contains(needle.toUtf8())) roots.append(id);
        // "pid (name) state ppid ...": the name may hold spaces, so read after the last ')'.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        children[fields.value(1).toInt()].append(id);
    }
    QList<int> all;
    QList<int> queue = roots;
    while (!queue.isEmpty()) {
        const int id = queue.takeFirst();
        all.append(id);
        queue.append(children.value(id));
    }
    return all;
}

// The sshd processes serving connections: the listener's descendants, not the listener.
QList<int> sshdConnectionProcesses(const SshdFixture& sshd) {
    QList<int> all = processesMentioning(sshd.path(QStringLiteral("sshd_config")));
    if (!all.isEmpty()) all.removeFirst();
    return all;
}

struct StateLog : QObject {
    explicit StateLog(HostConnection* connection) {
        connect(connection, &HostConnection::stateChanged, this,
                [this](ConnectionState state, const QString& message) {
                    states.append(state);
                    messages.append(message);
                });
    }
    bool saw(ConnectionState state) const { return states.contains(state); }
    QList<ConnectionState> states;
    QStringList messages;
};

HostConnectionOptions fastOptions() {
    HostConnectionOptions options;
    options.session = testOptions();
    options.keepaliveMs = 200;
    options.firstRetryMs = 100;
    options.maxRetryMs = 400;
    options.maxAttempts = 4;
    return options;
}

}  // namespace

class TestHostConnection : public SshdTestCase {
    Q_OBJECT

    QTemporaryDir m_home;

    QString knownHosts() const { return m_home.filePath(QStringLiteral("known_hosts")); }

    // Trusted once, so each test's connection goes straight to Connected.
    void connectAndWait(HostConnection& connection, StateLog& log, const SshdFixture& sshd) {
        connection.acceptHostKey(sshd.hostKeyFingerprint());
        QTRY_VERIFY_WITH_TIMEOUT(connection.state() != ConnectionState::Connecting, kWaitMs);
        QVERIFY2(connection.state() == ConnectionState::Connected,
                 qPrintable(connection.message()));
        QCOMPARE(log.states.first(), ConnectionState::Connecting);
    }

private Q_SLOTS:
    void killedConnectionReconnectsAndExecWorksAgain() {
        HostConnection connection(keyTarget(m_sshd, knownHosts()), QStringLiteral("local"),
                                  fastOptions());
        StateLog log(&connection);
        connectAndWait(connection, log, m_sshd);
        if (QTest::currentTestFailed()) return;
        SessionResults results(connection.session()->session());
        QCOMPARE(
            run(*connection.session(), results, RemoteCommand(QStringLiteral("true"))).exitStatus,
            0);

        for (int cut = 1; cut <= 2; ++cut) {
            const QList<int> serving = sshdConnectionProcesses(m_sshd);
            QVERIFY2(!serving.isEmpty(), "no sshd child serves the connection");
            log.states.clear();
            log.messages.clear();
            for (int pid : serving) ::kill(pid, SIGKILL);

            QTRY_VERIFY_WITH_TIMEOUT(log.saw(ConnectionState::Reconnecting), kWaitMs);
            QTRY_VERIFY_WITH_TIMEOUT(connection.state() == ConnectionState::Connected, kWaitMs);
            QVERIFY(!log.saw(ConnectionState::Offline));
            const qsizetype reconnecting = log.states.indexOf(ConnectionState::Reconnecting);
            QVERIFY(log.messages.at(reconnecting).contains(QLatin1String("attempt 1")));
            QCOMPARE(connection.attempt(), 0);
            // The serving processes are new ones: this really is a second connection.
            const QList<int> now = sshdConnectionProcesses(m_sshd);
            QVERIFY(!now.isEmpty());
            for (int pid : now) QVERIFY(!serving.contains(pid));

            const ExecResult echoed =
                run(*connection.session(), results,
                    RemoteCommand::trustedScript(QStringLiteral("echo back %1").arg(cut)));
            QVERIFY2(echoed.ok(), qPrintable(echoed.message));
            QCOMPARE(echoed.standardOutput, QStringLiteral("back %1\n").arg(cut).toUtf8());
        }
    }

    void failedExecChecksAtOnceInsteadOfWaitingForTheKeepalive() {
        HostConnectionOptions options = fastOptions();
        options.keepaliveMs = 3600 * 1000;  // never within this test
        HostConnection connection(keyTarget(m_sshd, knownHosts()), QStringLiteral("local"),
                                  options);
        StateLog log(&connection);
        connectAndWait(connection, log, m_sshd);
        if (QTest::currentTestFailed()) return;
        for (int pid : sshdConnectionProcesses(m_sshd)) ::kill(pid, SIGKILL);
        SessionResults results(connection.session()->session());
        const ExecResult broken =
            run(*connection.session(), results, RemoteCommand(QStringLiteral("true")));
        QCOMPARE(broken.failure, SshFailure::Protocol);
        QTRY_VERIFY_WITH_TIMEOUT(log.saw(ConnectionState::Reconnecting), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(connection.state() == ConnectionState::Connected, kWaitMs);
        QCOMPARE(
            run(*connection.session(), results, RemoteCommand(QStringLiteral("true"))).exitStatus,
            0);
    }

    void reconnectsThroughAJumpHost() {
        SshTarget target = keyTarget(m_sshd, knownHosts());
        target.jump = QStringLiteral("%1@127.0.0.1:%2").arg(target.user).arg(m_sshd.port());
        HostConnection connection(target, QStringLiteral("behind"), fastOptions());
        StateLog log(&connection);
        connectAndWait(connection, log, m_sshd);
        if (QTest::currentTestFailed()) return;
        log.states.clear();
        for (int pid : sshdConnectionProcesses(m_sshd)) ::kill(pid, SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(log.saw(ConnectionState::Reconnecting), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(connection.state() == ConnectionState::Connected, kWaitMs);
        SessionResults results(connection.session()->session());
        const ExecResult echoed = run(*connection.session(), results,
                                      RemoteCommand::trustedScript(QStringLiteral("echo via")));
        QVERIFY2(echoed.ok(), qPrintable(echoed.message));
        QCOMPARE(echoed.standardOutput, QByteArray("via\n"));
    }

    void serverGoneForGoodEndsOfflineAfterTheAttempts() {
        SshdFixture own;
        if (const QString why = own.start(); !why.isEmpty()) QSKIP(qPrintable(why));
        HostConnectionOptions options = fastOptions();
        options.maxAttempts = 3;
        HostConnection connection(keyTarget(own, knownHosts()), QStringLiteral("gone"), options);
        StateLog log(&connection);
        connectAndWait(connection, log, own);
        if (QTest::currentTestFailed()) return;

        const QList<int> serving = sshdConnectionProcesses(own);
        own.stop();
        for (int pid : serving) ::kill(pid, SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(connection.state() == ConnectionState::Offline, kWaitMs);
        QCOMPARE(log.states.count(ConnectionState::Reconnecting) >= 3, true);
        QVERIFY2(log.messages.last().contains(QLatin1String("Gave up after 3")),
                 qPrintable(log.messages.last()));
        // Refused connections on the way say which host and port.
        QVERIFY(log.messages.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("port %1").arg(own.port())));
    }

    void userDisconnectIsOfflineWithoutRetrying() {
        HostConnection connection(keyTarget(m_sshd, knownHosts()), QStringLiteral("local"),
                                  fastOptions());
        StateLog log(&connection);
        connectAndWait(connection, log, m_sshd);
        if (QTest::currentTestFailed()) return;
        connection.disconnectFromHost();
        QCOMPARE(connection.state(), ConnectionState::Offline);
        // Several keepalive periods later it is still offline and never tried again.
        QTest::qWait(800);
        QCOMPARE(connection.state(), ConnectionState::Offline);
        QVERIFY(!log.saw(ConnectionState::Reconnecting));
        SessionResults results(connection.session()->session());
        QCOMPARE(run(*connection.session(), results, RemoteCommand(QStringLiteral("true"))).failure,
                 SshFailure::NotConnected);
    }

    void unknownHostKeyIsOfflineAndAsks() {
        QTemporaryDir empty;
        HostConnection connection(keyTarget(m_sshd, empty.filePath(QStringLiteral("kh"))),
                                  QStringLiteral("local"), fastOptions());
        StateLog log(&connection);
        QStringList asked;
        connect(&connection, &HostConnection::hostKeyUnknown, this,
                [&asked](const QString& fingerprint) { asked.append(fingerprint); });
        connection.connectToHost();
        QTRY_VERIFY_WITH_TIMEOUT(connection.state() == ConnectionState::Offline, kWaitMs);
        QCOMPARE(asked, QStringList{m_sshd.hostKeyFingerprint()});
        QVERIFY(!log.saw(ConnectionState::Reconnecting));
    }
};

QTEST_GUILESS_MAIN(TestHostConnection)
#include "tst_host_connection.moc"
