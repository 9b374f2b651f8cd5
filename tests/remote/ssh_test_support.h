#pragma once
// Helpers for SshSession tests: quiet options, a result collector, and waits on results.

#include "remote/runs/remote_backend.h"
#include "remote/ssh/ssh_session_thread.h"
#include "sshd_fixture.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

namespace tb::test {

// No agent and no ~/.ssh/config: a developer's setup must not change the outcome.
SshSessionOptions testOptions();

// root (or $USER) at the fixture's sshd with its generated key and the given known_hosts.
SshTarget keyTarget(const SshdFixture& sshd, const QString& knownHosts);

// Collects one session's results on the test thread (the signals arrive queued).
struct SessionResults : QObject {
    explicit SessionResults(const SshSession* session);

    std::optional<SshResult> connected;
    QStringList askedFingerprints;
    std::optional<std::pair<quint64, ExecResult>> executed;
};

// Base of the test classes that need the local sshd: starts it once, and skips every test
// with the reason when it cannot run here. No agent: a developer's keys must not help.
class SshdTestCase : public QObject {
    Q_OBJECT

protected:
    SshdFixture m_sshd;
    QString m_skipReason;

private Q_SLOTS:
    void initTestCase();
    void init();
};

// What a dropped network looks like to both ends: every sshd process below the fixture's
// listener is killed at once; the listener stays, so clients can come back. Returns how many.
int cutConnections(const SshdFixture& sshd);
// The same with another signal: SIGSTOP makes a server that keeps the connection open and
// says nothing (a hung or frozen box), SIGCONT lets it go on.
int signalConnections(const SshdFixture& sshd, int signal);

// The run `id` in a remote scan; null when it is not there.
const RunInfo* findRun(const RemoteScan& scan, const QString& id);
// Launches the demo config with `sets` on `backend`; its id, or empty (with a warning why).
QString launchDemo(RemoteBackend& backend, const QStringList& sets);
// A backend for `host` on `connection` that runs this build's trainer and wrapper in `runsRoot`.
std::unique_ptr<RemoteBackend> testBackend(HostConnection* connection, const QString& host,
                                           const QString& runsRoot, SlurmOptions slurm = {});

// Each waits for its result; a missing result comes back as a Protocol failure saying so.
SshResult connectOnce(SshSessionThread& thread, SessionResults& results);
SshResult accept(SshSessionThread& thread, SessionResults& results, const QString& fingerprint);
ExecResult run(SshSessionThread& thread, SessionResults& results, const RemoteCommand& command);

}  // namespace tb::test
