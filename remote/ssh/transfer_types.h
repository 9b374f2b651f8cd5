#pragma once
// What a file transfer is asked to do, how far it got, and how it ended.

#include "ssh_result.h"

#include <QString>

namespace tb {

enum class TransferDirection { Upload, Download };

// How a folder travels: the remote tar decides (tar + zstd needs GNU tar with --zstd and a
// zstd binary; Ubuntu 20.04 has neither, so gzip, else plain tar).
enum class TarCompression { Auto, Zstd, Gzip, None };

// How a single file goes up. libssh 0.10's sftp_write waits for each reply, so one write is
// in flight at a time; a stream into `cat` over an exec channel is pipelined by SSH's window.
enum class FileUploadMethod { Stream, Sftp };
// How a single file comes down: a stream from `tail -c` with a receive window sized for a far
// link, or libssh 0.10's pipelined SFTP reads, whose channel window libssh keeps near 1.28 MB
// (half of scp's speed at 100 ms round trip; see docs/PERFORMANCE.md).
enum class FileDownloadMethod { Stream, Sftp };

struct TransferRequest {
    TransferDirection direction = TransferDirection::Upload;
    QString localPath;
    QString remotePath;  // relative paths and "~/..." are relative to the remote home
    TarCompression compression = TarCompression::Auto;
    int sftpRequestsInFlight = 32;   // SFTP download pipeline depth, per channel
    int sftpChannels = 4;            // SFTP sessions a download's reads take turns on
    int sftpChunkBytes = 64 * 1024;  // one SFTP read; OpenSSH serves at most 255 KiB
    bool resume = true;              // continue a file from its .part
    FileUploadMethod fileUpload = FileUploadMethod::Stream;
    FileDownloadMethod fileDownload = FileDownloadMethod::Stream;
};

struct TransferProgress {
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;      // -1 when unknown
    double bytesPerSecond = 0;  // over the last few seconds
    double etaSeconds = -1;     // -1 when unknown
    QString phase;              // "checking", "sending", "verifying", ...
};

struct [[nodiscard]] TransferResult {
    SshFailure failure = SshFailure::None;
    QString message;  // names host, port and path, and what to do
    qint64 bytes = 0;
    qint64 files = 0;
    qint64 resumedFrom = 0;  // bytes a resumed file transfer did not send again
    QString method;          // "tar+zstd", "sftp", ...

    bool ok() const { return failure == SshFailure::None; }
};

struct TransferContext;
// Runs one transfer on the session's thread with what the session lends (transfer_context.h).
// The ssh layer only calls it; remote/transfer supplies it, so the session knows no engine.
using TransferEngine = TransferResult (*)(const TransferContext&, const TransferRequest&);

}  // namespace tb
