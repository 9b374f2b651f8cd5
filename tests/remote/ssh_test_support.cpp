// Helpers for SshSession tests: results are awaited with QTest::qWaitFor, never with sleeps.

#include "ssh_test_support.h"

#include <QTest>

namespace tb::test {

namespace {

constexpr int kWaitMs = 30000;

}  // namespace

SshSessionOptions testOptions() {
    SshSessionOptions options;
    options.useAgent = false;
    options.processSshConfig = false;
    options.timeoutSeconds = 10;
    return options;
}

SshTarget keyTarget(const SshdFixture& sshd, const QString& knownHosts) {
    SshTarget target;
    target.host = QStringLiteral("127.0.0.1");
    target.port = sshd.port();
    target.user = QString::fromLocal8Bit(qgetenv("USER"));
    if (target.user.isEmpty()) target.user = QStringLiteral("root");
    target.identityFile = sshd.userKeyFile();
    target.knownHostsFile = knownHosts;
    return target;
}

SessionResults::SessionResults(const SshSession* session) {
    connect(session, &SshSession::connectFinished, this,
            [this](const SshResult& r) { connected = r; });
    connect(session, &SshSession::hostKeyUnknown, this,
            [this](const QString& fingerprint) { askedFingerprints.append(fingerprint); });
    connect(session, &SshSession::execFinished, this,
            [this](quint64 id, const ExecResult& r) { executed.emplace(id, r); });
}

SshResult connectOnce(SshSessionThread& thread, SessionResults& results) {
    results.connected.reset();
    thread.connectToHost();
    if (!QTest::qWaitFor([&] { return results.connected.has_value(); }, kWaitMs))
        return SshResult{SshFailure::Protocol, QStringLiteral("test: no result in time"), {}};
    return *results.connected;
}

SshResult accept(SshSessionThread& thread, SessionResults& results, const QString& fingerprint) {
    results.connected.reset();
    thread.acceptHostKey(fingerprint);
    if (!QTest::qWaitFor([&] { return results.connected.has_value(); }, kWaitMs))
        return SshResult{SshFailure::Protocol, QStringLiteral("test: no result in time"), {}};
    return *results.connected;
}

ExecResult run(SshSessionThread& thread, SessionResults& results, const RemoteCommand& command) {
    results.executed.reset();
    const quint64 id = thread.exec(command);
    if (!QTest::qWaitFor([&] { return results.executed.has_value(); }, kWaitMs))
        return ExecResult{
            SshFailure::Protocol, QStringLiteral("test: no result in time"), {}, {}, -1};
    if (results.executed->first != id)
        return ExecResult{
            SshFailure::Protocol, QStringLiteral("test: wrong request id"), {}, {}, -1};
    return results.executed->second;
}

void SshdTestCase::initTestCase() {
    qunsetenv("SSH_AUTH_SOCK");
    m_skipReason = m_sshd.start();
}

void SshdTestCase::init() {
    if (!m_skipReason.isEmpty()) QSKIP(qPrintable(QStringLiteral("no local sshd: ") + m_skipReason));
}

}  // namespace tb::test
