#pragma once
// HostProbe: one round trip over an SshSession that reports what a host offers for training.

#include "host_probe_report.h"
#include "remote/ssh/remote_command.h"
#include "remote/ssh/ssh_result.h"

#include <QObject>

namespace tb {

class SshSessionThread;

struct [[nodiscard]] ProbeResult {
    SshFailure failure = SshFailure::None;
    QString message;  // says which part failed and what to do
    HostReport report;

    bool ok() const { return failure == SshFailure::None; }
};

// Runs the probe script on an already connected session and emits finished() once.
class HostProbe : public QObject {
    Q_OBJECT

public:
    explicit HostProbe(SshSessionThread* session, QObject* parent = nullptr);

    // The whole probe as one `sh -c SCRIPT`: the script is fixed text from this file, so a
    // login shell of any flavour (bash, zsh, fish) hands it to sh unchanged.
    static RemoteCommand command();
    // What an exec of command() returned, turned into a report or a failure.
    static ProbeResult resultFrom(const ExecResult& exec);

    void start();

Q_SIGNALS:
    void finished(const tb::ProbeResult& result);

private:
    SshSessionThread* m_session;
    quint64 m_requestId = 0;
};

}  // namespace tb
