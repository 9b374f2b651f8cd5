// The helpers every transfer engine shares: failures as TransferResults, libssh's last error.

#include "transfer_context.h"

#include "ssh_handles.h"

#include <QCoreApplication>

namespace tb {

namespace {

struct SshTransfer {
    Q_DECLARE_TR_FUNCTIONS(SshTransfer)
};

}  // namespace

TransferResult transferFailure(SshFailure kind, const QString& message) {
    TransferResult result;
    result.failure = kind;
    result.message = message;
    return result;
}

TransferResult transferCancelled() {
    return transferFailure(SshFailure::Cancelled, SshTransfer::tr("cancelled"));
}

QString TransferContext::libsshError() const {
    return QString::fromUtf8(ssh_get_error(session));
}

}  // namespace tb
