#pragma once
// TransferContext: what a transfer borrows from its SshSession, on the session's own thread.

#include "remote/remote_command.h"
#include "remote/ssh_result.h"
#include "remote/transfer_types.h"

#include <libssh/libssh.h>

#include <functional>

namespace tb {

struct TransferContext {
    ssh_session session = nullptr;  // connected and authenticated; only this thread uses it
    QString where;                  // "root@host port 22", for messages
    std::function<bool()> cancelled;
    std::function<ExecResult(const RemoteCommand&)> exec;  // a short command, collected
    // The same, run even after a cancel: cleaning up what a cancelled transfer left.
    std::function<ExecResult(const RemoteCommand&)> execForCleanup;
    std::function<void(const TransferProgress&)> report;  // already rate-limited

    QString libsshError() const { return QString::fromUtf8(ssh_get_error(session)); }
};

TransferResult transferFailure(SshFailure kind, const QString& message);
TransferResult transferCancelled();

}  // namespace tb
