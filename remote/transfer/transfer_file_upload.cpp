// uploadFile: local bytes from the .part's size on, into `cat` (or sftp_write), then verified.

#include "file_hash.h"
#include "sftp_handles.h"
#include "transfer_channel.h"
#include "transfer_file.h"
#include "transfer_file_result.h"
#include "transfer_meter.h"
#include "transfer_preflight.h"
#include "transfer_remote.h"
#include "transfer_space.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>

namespace tb {

namespace {

constexpr qint64 kReadChunk = 1 << 20;

// Appends stdin to the part "$1", which must hold exactly "$2" bytes already (0: start it),
// and prints the sha256 of the whole part: the bytes already there, then each new byte as
// tee appends it, so the check costs no second read of the file (openssl as in
// remoteHashCommand, else sha256sum).
const char kAppendScript[] = R"SH(
mkdir -p -- "$(dirname -- "$1")" || exit 1
if [ "$2" = 0 ]; then : > "$1" || exit 1
elif [ "$(wc -c < "$1")" != "$2" ]; then echo "$1 changed size; upload again" >&2; exit 3; fi
if command -v openssl >/dev/null 2>&1; then hash='openssl dgst -sha256 -r'; else hash=sha256sum; fi
{ cat -- "$1" && tee -a -- "$1"; } | $hash
)SH";

// The part "$1" must hold "$3" bytes; then it becomes "$2".
const char kPlaceScript[] = R"SH(
got=$(wc -c < "$1") || exit 1
if [ "$got" != "$3" ]; then echo "$got" >&2; exit 4; fi
mv -f -- "$1" "$2"
)SH";

struct Transfer {
    Q_DECLARE_TR_FUNCTIONS(Transfer)
};

TransferResult failure(const QString& message) {
    return transferFailure(SshFailure::Protocol, message);
}

// Feeds the local file from `offset` to `send`, hashing and metering every chunk.
template <typename Send>
TransferResult sendFile(QFile& in, qint64 offset, FileHash& hash, TransferMeter& meter,
                        Send&& send) {
    if (!in.seek(offset))
        return failure(Transfer::tr("cannot read %1: %2").arg(in.fileName(), in.errorString()));
    QByteArray buffer(kReadChunk, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = in.read(buffer.data(), buffer.size())) > 0) {
        if (TransferResult sent = send(buffer.constData(), n); !sent.ok()) return sent;
        hash.add(buffer.constData(), n);
        meter.add(n);
    }
    if (n < 0)
        return failure(Transfer::tr("cannot read %1: %2").arg(in.fileName(), in.errorString()));
    return {};
}

TransferResult streamUpload(const TransferContext& context, const QString& part, qint64 offset,
                            QFile& in, FileHash& hash, TransferMeter& meter, QString& remoteHex) {
    TransferChannel channel(context);
    if (TransferResult started =
            channel.start(remoteScript(kAppendScript, {part, QString::number(offset)}));
        !started.ok())
        return started;
    if (TransferResult sent =
            sendFile(in, offset, hash, meter,
                     [&](const char* data, qint64 size) { return channel.write(data, size); });
        !sent.ok()) {
        channel.stopAndWait();  // what arrived is in the .part, whole, before a resume reads it
        return sent;
    }
    TransferResult finished = channel.finish(Transfer::tr("writing %1").arg(part));
    remoteHex = hashFromOutput(channel.standardOutput());
    return finished;
}

TransferResult sftpUpload(const TransferContext& context, const TransferRequest& request,
                          const QString& part, qint64 offset, QFile& in, FileHash& hash,
                          TransferMeter& meter) {
    const auto lost = [&](const QString& doing) {
        //: %1 is what was being done ("sending data"), %2 the host, %3 libssh's error
        return failure(
            Transfer::tr("%1 on %2 failed: %3").arg(doing, context.where, context.libsshError()));
    };
    const ExecResult made =
        context.exec(remoteScript("mkdir -p -- \"$(dirname -- \"$1\")\"", {part}));
    if (!made.ok()) return transferFailure(made.failure, made.message);
    const ssh::SftpPtr sftp(sftp_new(context.session));
    if (!sftp || sftp_init(sftp.get()) != SSH_OK) return lost(Transfer::tr("starting SFTP"));
    const int flags = O_WRONLY | O_CREAT | (offset == 0 ? O_TRUNC : 0);
    const ssh::SftpFilePtr file(sftp_open(sftp.get(), part.toUtf8().constData(), flags, 0644));
    if (!file || sftp_seek64(file.get(), static_cast<uint64_t>(offset)) != 0)
        return lost(Transfer::tr("opening %1").arg(part));
    const qint64 chunk = qBound(4096, request.sftpChunkBytes, 255 * 1024);
    return sendFile(in, offset, hash, meter, [&](const char* data, qint64 size) {
        for (qint64 at = 0; at < size; at += chunk) {
            if (context.cancelled()) return transferCancelled();
            const qint64 length = qMin(chunk, size - at);
            if (sftp_write(file.get(), data + at, static_cast<size_t>(length)) != length)
                return lost(Transfer::tr("writing %1").arg(part));
        }
        return TransferResult{};
    });
}

TransferResult verifyAndPlace(const TransferContext& context, const QString& part,
                              const QString& destination, qint64 size, const QString& localHex,
                              const QString& remoteHex) {
    if (remoteHex.toLower() != localHex) {
        removeRemote(context, part);
        return failure(hashMismatchMessage(destination, context.where, localHex, remoteHex));
    }
    const ExecResult placed =
        context.exec(remoteScript(kPlaceScript, {part, destination, QString::number(size)}));
    if (!placed.ok()) return transferFailure(placed.failure, placed.message);
    if (placed.exitStatus == 4) {
        removeRemote(context, part);
        //: %1 is a file on the host %2
        return failure(Transfer::tr("%1 on %2 has %3 bytes instead of %4; the partial copy was "
                                    "removed, upload it again")
                           .arg(part, context.where,
                                QString::fromUtf8(placed.standardError).trimmed(),
                                QString::number(size)));
    }
    if (placed.exitStatus != 0)
        return failure(Transfer::tr("cannot rename %1 to %2 on %3: %4")
                           .arg(part, destination, context.where,
                                QString::fromUtf8(placed.standardError).trimmed()));
    return {};
}

}  // namespace

TransferResult uploadFile(const TransferContext& context, const TransferRequest& request) {
    QFile in(request.localPath);
    if (!in.open(QIODevice::ReadOnly))
        return failure(Transfer::tr("cannot read %1: %2").arg(request.localPath, in.errorString()));
    const qint64 size = in.size();
    QString destination = cleanRemotePath(request.remotePath);
    const QString name = QFileInfo(request.localPath).fileName();
    const auto preflight = preflightUpload(context, destination, name);
    if (!preflight)
        return transferFailure(static_cast<SshFailure>(preflight.failure().code),
                               QString::fromStdString(preflight.error()));
    const RemoteKind existing = preflight->destination.kind;
    if (existing == RemoteKind::Folder)
        destination =
            (destination == QLatin1String(".") ? QString() : destination + QLatin1Char('/')) + name;
    else if (existing == RemoteKind::Other || remoteBaseName(destination).isEmpty())
        //: %1 is a path on the host %2
        return failure(Transfer::tr("%1 on %2 is not a file or folder name; choose another "
                                    "destination")
                           .arg(destination, context.where));
    const QString part = destination + QStringLiteral(".part");
    const bool resumable =
        request.resume && preflight->partSize >= 0 && preflight->partSize <= size;
    const qint64 offset = resumable ? preflight->partSize : 0;
    const QString problem = spaceProblem(preflight->space, SpaceNeeded{blocksOf(size - offset), 1},
                                         context.where, destination);
    if (!problem.isEmpty()) return failure(problem);

    FileHash hash;
    if (!hash.addFilePrefix(request.localPath, offset))
        return failure(Transfer::tr("cannot read %1").arg(request.localPath));
    //: a transfer's phase, shown beside its progress
    TransferMeter meter(context.report, size - offset, Transfer::tr("sending"));
    QString remoteHex;
    TransferResult result = request.fileUpload == FileUploadMethod::Sftp
                                ? sftpUpload(context, request, part, offset, in, hash, meter)
                                : streamUpload(context, part, offset, in, hash, meter, remoteHex);
    meter.finish();
    if (result.ok() && context.cancelled()) result = transferCancelled();
    if (!result.ok()) return result;  // the .part stays for the next attempt
    //: a transfer's phase, shown beside its progress
    meter.setPhase(Transfer::tr("verifying"));
    if (request.fileUpload == FileUploadMethod::Sftp) {
        const auto hashed = remoteSha256(context, part);
        if (!hashed)
            return transferFailure(static_cast<SshFailure>(hashed.failure().code),
                                   QString::fromStdString(hashed.error()));
        remoteHex = *hashed;
    }
    result = verifyAndPlace(context, part, destination, size, hash.hex(), remoteHex);
    if (!result.ok()) return result;
    return fileTransferred(std::move(result), size, offset,
                           request.fileUpload == FileUploadMethod::Sftp);
}

}  // namespace tb
