// downloadFile: into NAME.part from its size on, by a stream or SFTP, checked by sha256.

#include "file_hash.h"
#include "sftp_download.h"
#include "transfer_channel.h"
#include "transfer_file.h"
#include "transfer_file_result.h"
#include "transfer_meter.h"
#include "transfer_remote.h"
#include "transfer_space.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace tb {

namespace {

struct Transfer {
    Q_DECLARE_TR_FUNCTIONS(Transfer)
};

TransferResult failure(const QString& message) {
    return transferFailure(SshFailure::Protocol, message);
}

QString localTarget(const QString& localPath, const QString& remote) {
    const QFileInfo info(localPath);
    if (info.isDir()) return QDir(info.absoluteFilePath()).filePath(remoteBaseName(remote));
    return QDir::cleanPath(info.absoluteFilePath());
}

// Bytes [offset, size) of `remote` from `tail -c +N` over one exec channel: SSH's window keeps
// the data flowing without a request per chunk.
TransferResult streamDownloadRange(const TransferContext& context, const QString& remote,
                                   qint64 offset, qint64 size, QFile& out, FileHash& hash,
                                   TransferMeter& meter) {
    TransferChannel channel(context);
    if (TransferResult started = channel.start(RemoteCommand(QStringLiteral("tail"))
                                                   .arg(QStringLiteral("-c"))
                                                   .arg(QStringLiteral("+%1").arg(offset + 1))
                                                   .arg(QStringLiteral("--"))
                                                   .arg(remote));
        !started.ok())
        return started;
    channel.setReceiveWindow(TransferChannel::kDownloadWindow);
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 done = offset;
    qint64 n = 0;
    while (done < size &&
           (n = channel.read(buffer.data(), qMin<qint64>(buffer.size(), size - done))) > 0) {
        if (TransferResult kept = keepReceived(buffer.constData(), n, out, hash, meter); !kept.ok())
            return kept;
        done += n;
    }
    if (n < 0) return channel.failure();
    if (done < size)
        //: %1 is a file on the host %2
        return failure(Transfer::tr("%1 on %2 became shorter while it was downloaded")
                           .arg(remote, context.where));
    return channel.finish(Transfer::tr("reading %1").arg(remote));
}

}  // namespace

QString hashMismatchMessage(const QString& file, const QString& where, const QString& local,
                            const QString& remote) {
    //: %2 and %3 are sha256 digests, %4 the host
    return Transfer::tr(
               "%1 arrived damaged: its sha256 is %2 here and %3 on %4. The partial "
               "copy was removed; transfer it again.")
        .arg(file, local, remote, where);
}

TransferResult downloadFile(const TransferContext& context, const TransferRequest& request,
                            qint64 remoteSize) {
    const QString remote = cleanRemotePath(request.remotePath);
    const QString target = localTarget(request.localPath, remote);
    const QString part = target + QStringLiteral(".part");
    QDir().mkpath(QFileInfo(target).absolutePath());
    qint64 offset = request.resume ? QFileInfo(part).size() : 0;
    if (offset > remoteSize) offset = 0;  // not a prefix of this file: start over
    const QString problem =
        spaceProblem(localSpace(target), SpaceNeeded{blocksOf(remoteSize - offset), 1},
                     Transfer::tr("this machine"), target);
    if (!problem.isEmpty()) return failure(problem);

    // The remote hash runs while the data flows; its answer is read at the end.
    TransferChannel remoteHash(context);
    if (TransferResult started = remoteHash.start(remoteHashCommand(remote)); !started.ok())
        return started;
    FileHash hash;
    if (!hash.addFilePrefix(part, offset)) offset = 0;
    QFile out(part);
    if (!out.open(offset > 0 ? QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate))
        return failure(Transfer::tr("cannot write %1: %2").arg(part, out.errorString()));
    //: a transfer's phase, shown beside its progress
    TransferMeter meter(context.report, remoteSize - offset, Transfer::tr("receiving"));
    TransferResult result =
        request.fileDownload == FileDownloadMethod::Sftp
            ? sftpDownloadRange(context, request, remote, offset, remoteSize, out, hash, meter)
            : streamDownloadRange(context, remote, offset, remoteSize, out, hash, meter);
    meter.finish();
    out.close();  // what arrived stays in NAME.part for the next attempt
    if (!result.ok()) return result;

    //: a transfer's phase, shown beside its progress
    meter.setPhase(Transfer::tr("verifying"));
    if (TransferResult hashed = remoteHash.finish(Transfer::tr("hashing %1").arg(remote));
        !hashed.ok())
        return hashed;
    const QString remoteHex = hashFromOutput(remoteHash.standardOutput());
    const QString localHex = hash.hex();
    if (QFileInfo(part).size() != remoteSize || localHex != remoteHex) {
        QFile::remove(part);
        return failure(hashMismatchMessage(target, context.where, localHex, remoteHex));
    }
    if (std::rename(QFile::encodeName(part).constData(), QFile::encodeName(target).constData()))
        return failure(Transfer::tr("cannot rename %1 to %2").arg(part, target));
    return fileTransferred(std::move(result), remoteSize, offset,
                           request.fileDownload == FileDownloadMethod::Sftp);
}

}  // namespace tb
