#pragma once
// sftpDownloadRange: part of a remote file by SFTP, with many reads in flight (libssh 0.10's
// sftp_async_read_begin / sftp_async_read).

#include "file_hash.h"
#include "remote/ssh/transfer_context.h"
#include "transfer_meter.h"

#include <QFile>

namespace tb {

// Appends bytes [offset, size) of `remote` to `out`, feeding `hash` and `meter`; the request
// gives the pipeline depth and read size.
TransferResult sftpDownloadRange(const TransferContext& context, const TransferRequest& request,
                                 const QString& remote, qint64 offset, qint64 size, QFile& out,
                                 FileHash& hash, TransferMeter& meter);

// Received bytes appended to `out`, hashed and metered; a failure names the file.
TransferResult keepReceived(const char* data, qint64 size, QFile& out, FileHash& hash,
                            TransferMeter& meter);

}  // namespace tb
