// Helpers for SshSession tests: results are awaited with QTest::qWaitFor, never with sleeps.

#include "ssh_test_support.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <signal.h>

#include "tests/support/run_test_support.h"

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
    target.host = sshd.address();
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
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(QStringLiteral("no local sshd: ") + m_skipReason));
}

int cutConnections(const SshdFixture& sshd) {
    return signalConnections(sshd, SIGKILL);
}

int signalConnections(const SshdFixture& sshd, int signal) {
    QFile pidFile(sshd.path(QStringLiteral("sshd.pid")));
    if (!pidFile.open(QIODevice::ReadOnly)) return 0;
    const qint64 listener = pidFile.readAll().trimmed().toLongLong();
    int killed = 0;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")});
    for (const QString& pid : pids) {
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != "sshd") continue;
        for (qint64 up = parentPid(pid.toLongLong()); up > 1; up = parentPid(up)) {
            if (up != listener) continue;
            killed += ::kill(pid_t(pid.toLongLong()), signal) == 0 ? 1 : 0;
            break;
        }
    }
    return killed;
}

const RunInfo* findRun(const RemoteScan& scan, const QString& id) {
    for (const RunInfo& run : scan.runs)
        if (run.id == id) return &run;
    return nullptr;
}

QString launchDemo(RemoteBackend& backend, const QStringList& sets) {
    LaunchRequest request;
    request.configPath = demoConfig();
    request.sets = sets;
    const auto id = backend.launch(request);
    if (!id.ok()) qWarning("launch failed: %s", id.error().c_str());
    return id.ok() ? *id : QString();
}

std::unique_ptr<RemoteBackend> testBackend(HostConnection* connection, const QString& host,
                                           const QString& runsRoot, SlurmOptions slurm) {
    RemoteHostSettings settings;
    settings.name = host;
    settings.runsRoot = runsRoot;
    settings.trainerPath = binDir() + QStringLiteral("/trainbench-train");
    settings.wrapperFile = binDir() + QStringLiteral("/tb-wrap.sh");
    settings.slurm = std::move(slurm);
    return std::make_unique<RemoteBackend>(connection, settings);
}

}  // namespace tb::test
