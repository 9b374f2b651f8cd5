// uploadFile: local bytes from the .part's size on, into `cat` (or sftp_write), then verified.

#include "remote/sftp_handles.h"
#include "remote/transfer_channel.h"
#include "remote/transfer_file.h"
#include "remote/transfer_hash.h"
#include "remote/transfer_meter.h"
#include "remote/transfer_remote.h"
#include "remote/transfer_space.h"

#include <QFile>
#include <QFileInfo>

#include <fcntl.h>

namespace tb {

namespace {

constexpr qint64 kReadChunk = 1 << 20;

// Appends stdin to the part "$1", which must hold exactly "$2" bytes already (0: start it).
const char kAppendScript[] = R"SH(
mkdir -p -- "$(dirname -- "$1")" || exit 1
if [ "$2" = 0 ]; then : > "$1" || exit 1
elif [ "$(wc -c < "$1")" != "$2" ]; then echo "$1 changed size; upload again" >&2; exit 3; fi
exec cat >> "$1"
)SH";

TransferResult failure(const QString& message) {
    return transferFailure(SshFailure::Protocol, message);
}

// Feeds the local file from `offset` to `send`, hashing and metering every chunk.
template <typename Send>
TransferResult sendFile(QFile& in, qint64 offset, FileHash& hash, TransferMeter& meter,
                        Send&& send) {
    if (!in.seek(offset))
        return failure(QStringLiteral("cannot read %1: %2").arg(in.fileName(), in.errorString()));
    QByteArray buffer(kReadChunk, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = in.read(buffer.data(), buffer.size())) > 0) {
        if (TransferResult sent = send(buffer.constData(), n); !sent.ok()) return sent;
        hash.add(buffer.constData(), n);
        meter.add(n);
    }
    if (n < 0)
        return failure(QStringLiteral("cannot read %1: %2").arg(in.fileName(), in.errorString()));
    return {};
}

TransferResult streamUpload(const TransferContext& context, const QString& part, qint64 offset,
                            QFile& in, FileHash& hash, TransferMeter& meter) {
    TransferChannel channel(context);
    if (TransferResult started = channel.start(
            remoteScript(kAppendScript, {part, QString::number(offset)}));
        !started.ok())
        return started;
    if (TransferResult sent = sendFile(in, offset, hash, meter,
                                       [&](const char* data, qint64 size) {
                                           return channel.write(data, size);
                                       });
        !sent.ok())
        return sent;
    return channel.finish(QStringLiteral("writing %1").arg(part));
}

TransferResult sftpUpload(const TransferContext& context, const TransferRequest& request,
                          const QString& part, qint64 offset, QFile& in, FileHash& hash,
                          TransferMeter& meter) {
    const auto lost = [&](const QString& doing) {
        return failure(QStringLiteral("%1 on %2 failed: %3")
                           .arg(doing, context.where, context.libsshError()));
    };
    const ExecResult made = context.exec(
        remoteScript("mkdir -p -- \"$(dirname -- \"$1\")\"", {part}));
    if (!made.ok()) return transferFailure(made.failure, made.message);
    const ssh::SftpPtr sftp(sftp_new(context.session));
    if (!sftp || sftp_init(sftp.get()) != SSH_OK) return lost(QStringLiteral("starting SFTP"));
    const int flags = O_WRONLY | O_CREAT | (offset == 0 ? O_TRUNC : 0);
    const ssh::SftpFilePtr file(sftp_open(sftp.get(), part.toUtf8().constData(), flags, 0644));
    if (!file || sftp_seek64(file.get(), static_cast<uint64_t>(offset)) != 0)
        return lost(QStringLiteral("opening %1").arg(part));
    const qint64 chunk = qBound(4096, request.sftpChunkBytes, 255 * 1024);
    return sendFile(in, offset, hash, meter, [&](const char* data, qint64 size) {
        for (qint64 at = 0; at < size; at += chunk) {
            if (context.cancelled()) return transferCancelled();
            const qint64 length = qMin(chunk, size - at);
            if (sftp_write(file.get(), data + at, static_cast<size_t>(length)) != length)
                return lost(QStringLiteral("writing %1").arg(part));
        }
        return TransferResult{};
    });
}

TransferResult verifyAndPlace(const TransferContext& context, const QString& part,
                              const QString& destination, qint64 size, const QString& localHex) {
    const auto arrived = statRemote(context, part);
    const auto remoteHex = remoteSha256(context, part);
    if (!remoteHex)
        return transferFailure(static_cast<SshFailure>(remoteHex.failure().code),
                               QString::fromStdString(remoteHex.error()));
    if (!arrived || arrived->size != size || *remoteHex != localHex) {
        removeRemote(context, part);
        return failure(hashMismatchMessage(destination, context.where, localHex, *remoteHex));
    }
    const ExecResult moved = context.exec(RemoteCommand(QStringLiteral("mv"))
                                              .arg(QStringLiteral("-f"))
                                              .arg(QStringLiteral("--"))
                                              .arg(part)
                                              .arg(destination));
    if (!moved.ok()) return transferFailure(moved.failure, moved.message);
    if (moved.exitStatus != 0)
        return failure(QStringLiteral("cannot rename %1 to %2 on %3: %4")
                           .arg(part, destination, context.where,
                                QString::fromUtf8(moved.standardError).trimmed()));
    return {};
}

}  // namespace

TransferResult uploadFile(const TransferContext& context, const TransferRequest& request) {
    QFile in(request.localPath);
    if (!in.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot read %1: %2").arg(request.localPath,
                                                                 in.errorString()));
    const qint64 size = in.size();
    QString destination = cleanRemotePath(request.remotePath);
    const auto existing = statRemote(context, destination);
    if (!existing)
        return transferFailure(static_cast<SshFailure>(existing.failure().code),
                               QString::fromStdString(existing.error()));
    if (existing->kind == RemoteKind::Folder)
        destination = (destination == QLatin1String(".") ? QString() : destination + QLatin1Char('/')) +
                      QFileInfo(request.localPath).fileName();
    else if (existing->kind == RemoteKind::Other || remoteBaseName(destination).isEmpty())
        return failure(QStringLiteral("%1 on %2 is not a file or folder name; choose another "
                                      "destination")
                           .arg(destination, context.where));
    const QString part = destination + QStringLiteral(".part");
    qint64 offset = 0;
    if (request.resume) {
        const auto partial = statRemote(context, part);
        if (partial && partial->kind == RemoteKind::File && partial->size <= size)
            offset = partial->size;
    }
    const ExecResult df = context.exec(remoteScript(remoteSpaceScript(), {destination}));
    const QString problem =
        spaceProblem(parseSpaceOutput(QString::fromUtf8(df.standardOutput)),
                     SpaceNeeded{blocksOf(size - offset), 1}, context.where, destination);
    if (!problem.isEmpty()) return failure(problem);

    FileHash hash;
    if (!hash.addFilePrefix(request.localPath, offset))
        return failure(QStringLiteral("cannot read %1").arg(request.localPath));
    TransferMeter meter(context.report, size - offset, QStringLiteral("sending"));
    TransferResult result =
        request.fileUpload == FileUploadMethod::Sftp
            ? sftpUpload(context, request, part, offset, in, hash, meter)
            : streamUpload(context, part, offset, in, hash, meter);
    meter.finish();
    if (result.ok() && context.cancelled()) result = transferCancelled();
    if (!result.ok()) return result;  // the .part stays for the next attempt
    meter.setPhase(QStringLiteral("verifying"));
    result = verifyAndPlace(context, part, destination, size, hash.hex());
    if (!result.ok()) return result;
    result.bytes = size;
    result.files = 1;
    result.resumedFrom = offset;
    result.method = request.fileUpload == FileUploadMethod::Sftp ? QStringLiteral("sftp")
                                                                  : QStringLiteral("stream");
    return result;
}

}  // namespace tb
