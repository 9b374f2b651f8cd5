#pragma once
// TransferContext: what a transfer borrows from its SshSession, on the session's own thread.

#include "remote_command.h"
#include "ssh_result.h"
#include "transfer_types.h"

#include <functional>

// libssh's session, opaque here: code that only builds remote commands (transfer_remote.h's
// paths and scripts, used by prepare host and the shutdown commands) compiles no libssh header.
struct ssh_session_struct;

namespace tb {

struct TransferContext {
    // Connected and authenticated; only this thread uses it.
    ssh_session_struct* session = nullptr;
    QString where;  // "root@host port 22", for messages
    std::function<bool()> cancelled;
    std::function<ExecResult(const RemoteCommand&)> exec;  // a short command, collected
    // The same, run even after a cancel: cleaning up what a cancelled transfer left.
    std::function<ExecResult(const RemoteCommand&)> execForCleanup;
    std::function<void(const TransferProgress&)> report;  // already rate-limited

    QString libsshError() const;  // the session's last error
};

TransferResult transferFailure(SshFailure kind, const QString& message);
TransferResult transferCancelled();

}  // namespace tb
