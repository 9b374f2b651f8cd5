// runTransfer: one look at the source, then the folder or file path.

#include "transfer_runner.h"

#include "transfer_file.h"
#include "transfer_folder.h"
#include "transfer_remote.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace tb {

namespace {

struct Transfer {
    Q_DECLARE_TR_FUNCTIONS(Transfer)
};

}  // namespace

TransferResult runTransfer(const TransferContext& context, const TransferRequest& request) {
    if (request.direction == TransferDirection::Upload) {
        const QFileInfo source(request.localPath);
        if (source.isDir()) return uploadFolder(context, request);
        if (source.isFile()) return uploadFile(context, request);
        return transferFailure(SshFailure::Protocol,
                               //: %1 is a local path, %2 the host
                               Transfer::tr("%1 does not exist here; nothing was sent to %2")
                                   .arg(request.localPath, context.where));
    }
    const auto source = statRemote(context, cleanRemotePath(request.remotePath));
    if (!source)
        return transferFailure(static_cast<SshFailure>(source.failure().code),
                               QString::fromStdString(source.error()));
    switch (source->kind) {
        case RemoteKind::Folder:
            return downloadFolder(context, request);
        case RemoteKind::File:
            return downloadFile(context, request, source->size);
        case RemoteKind::Missing:
        case RemoteKind::Other:
            break;
    }
    return transferFailure(SshFailure::Protocol,
                           //: %1 is a path on the host %2
                           Transfer::tr("%1 is not a file or folder on %2; check the path")
                               .arg(request.remotePath, context.where));
}

}  // namespace tb
