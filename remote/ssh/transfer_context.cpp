// The helpers every transfer engine shares: failures as TransferResults, libssh's last error.

#include "transfer_context.h"

#include "ssh_handles.h"

namespace tb {

TransferResult transferFailure(SshFailure kind, const QString& message) {
    TransferResult result;
    result.failure = kind;
    result.message = message;
    return result;
}

TransferResult transferCancelled() {
    return transferFailure(SshFailure::Cancelled, QStringLiteral("cancelled"));
}

QString TransferContext::libsshError() const {
    return QString::fromUtf8(ssh_get_error(session));
}

}  // namespace tb
