#pragma once
// Single-file transfers: into NAME.part, resumed from its size, verified by size and sha256,
// then renamed. The destination may be a folder (the file keeps its name) or a file name.

#include "remote/ssh/transfer_context.h"

namespace tb {

// By a `tail -c` stream (or SFTP, as the request says); the remote hash runs meanwhile on its
// own channel.
TransferResult downloadFile(const TransferContext& context, const TransferRequest& request,
                            qint64 remoteSize);
TransferResult uploadFile(const TransferContext& context, const TransferRequest& request);

// "sha256 of X differs ..." in one wording for both directions.
QString hashMismatchMessage(const QString& file, const QString& where, const QString& local,
                            const QString& remote);

}  // namespace tb
