// Remote commands through a real sshd for a user whose login shell is not sh: like fish or csh,
// it cannot read our POSIX scripts, so every command must reach it as `sh -c '<script>'`.

#include "remote/hosts/host_probe.h"
#include "remote/transfer/transfer_session.h"
#include "ssh_test_support.h"
#include "sshd_fixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace tb;
using namespace tb::test;

namespace {

constexpr int kWaitMs = 60000;

// Runs only `sh -c 'WORD'` (what fish and csh read the same way); anything else, such as a
// bare POSIX script with `if`, `$(...)` or `2>&1`, is refused as those shells would.
const char kNotShShell[] = R"sh(#!/bin/sh
[ "$1" = -c ] || { echo "notsh: only -c" >&2; exit 126; }
case $2 in "sh -c '"*"'") exec /bin/sh -c "$2" ;; esac
echo "notsh: cannot parse: $2" >&2
exit 127
)sh";

}  // namespace

class TestLoginShell : public SshdTestCase {
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_user;
    std::unique_ptr<SshSessionThread> m_thread;
    std::unique_ptr<SessionResults> m_results;

    bool connected() {
        if (m_thread) return true;
        SshTarget target = keyTarget(m_sshd, m_home.filePath(QStringLiteral("known_hosts")));
        target.user = m_user;
        m_thread =
            std::make_unique<SshSessionThread>(target, QStringLiteral("notsh"), testOptions());
        m_results = std::make_unique<SessionResults>(m_thread->session());
        const SshResult result = accept(*m_thread, *m_results, m_sshd.hostKeyFingerprint());
        if (result.ok()) return true;
        qWarning("%s", qPrintable(result.message));
        m_results.reset();
        m_thread.reset();
        return false;
    }

private Q_SLOTS:
    // A second login for uid 0 whose shell is kNotShShell: the fixture's key opens it.
    void createUser() {
        if (::geteuid() != 0) QSKIP("only root can add the test user");
        const QString shell = m_home.filePath(QStringLiteral("notsh"));
        QFile file(shell);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kNotShShell);
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                    QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                    QFileDevice::ExeOther));
        const QString user = QStringLiteral("tbnotsh%1").arg(::getpid());
        if (!runTool(QStringLiteral("useradd"),
                     {QStringLiteral("-o"), QStringLiteral("-u"), QStringLiteral("0"),
                      QStringLiteral("-g"), QStringLiteral("0"), QStringLiteral("-M"),
                      // "*": no password, but not locked ("!"), which sshd refuses keys for too
                      QStringLiteral("-p"), QStringLiteral("*"), QStringLiteral("-d"),
                      m_home.path(), QStringLiteral("-s"), shell, user}))
            QSKIP("useradd cannot add the test user here");
        m_user = user;
    }

    void execRunsUnderShWithEveryArgumentBack() {
        if (m_user.isEmpty()) QSKIP("no test user");
        QVERIFY(connected());
        const QString text = QStringLiteral("it's \"q\" \\ \\\\ $HOME `id` $(id) a;b|c\nline2");
        RemoteCommand command(QStringLiteral("printf"));
        command.arg(QStringLiteral("%s|")).arg(text);
        const ExecResult printed = run(*m_thread, *m_results, command);
        QVERIFY2(printed.ok(), qPrintable(printed.message));
        QVERIFY2(printed.exitStatus == 0, printed.standardError.constData());
        QCOMPARE(QString::fromUtf8(printed.standardOutput), text + QLatin1Char('|'));

        // A multi-line POSIX script of our own: the probe.
        const ExecResult probed = run(*m_thread, *m_results, HostProbe::command());
        QVERIFY2(probed.ok(), qPrintable(probed.message));
        QVERIFY2(probed.exitStatus == 0, probed.standardError.constData());
        QVERIFY(!probed.standardOutput.isEmpty());
    }

    void streamRunsUnderSh() {
        if (m_user.isEmpty()) QSKIP("no test user");
        QVERIFY(connected());
        const RemoteCommand script = RemoteCommand::trustedScript(
            QStringLiteral("if [ -n \"$(printf x)\" ]; then echo streamed 2>&1; fi"));
        QByteArray data;
        std::optional<ExecResult> done;
        const SshSession* session = m_thread->session();
        connect(session, &SshSession::streamData, this,
                [&](quint64, const QByteArray& bytes) { data += bytes; });
        connect(session, &SshSession::streamFinished, this,
                [&](quint64, const ExecResult& result) { done = result; });
        m_thread->openStream(script);
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), kWaitMs);
        QVERIFY2(done->ok(), qPrintable(done->message));
        QCOMPARE(data, QByteArray("streamed\n"));
    }

    void uploadRunsUnderSh() {
        if (m_user.isEmpty()) QSKIP("no test user");
        QVERIFY(connected());
        const QString local = m_home.filePath(QStringLiteral("up.bin"));
        QFile file(local);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(100000, 'x'));
        file.close();
        TransferRequest request;
        request.localPath = local;
        request.remotePath = m_home.filePath(QStringLiteral("it's here.bin"));
        std::optional<TransferResult> done;
        connect(m_thread->session(), &SshSession::transferFinished, this,
                [&](quint64, const TransferResult& result) { done = result; });
        tb::startTransfer(*m_thread, request);
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), kWaitMs);
        QVERIFY2(done->failure == SshFailure::None, qPrintable(done->message));
        QFile uploaded(request.remotePath);
        QVERIFY(uploaded.open(QIODevice::ReadOnly));
        QCOMPARE(uploaded.readAll(), QByteArray(100000, 'x'));
    }

    void cleanupTestCase() {
        m_thread.reset();
        if (!m_user.isEmpty()) (void)runTool(QStringLiteral("userdel"), {m_user});
    }
};

QTEST_GUILESS_MAIN(TestLoginShell)
#include "tst_login_shell.moc"
