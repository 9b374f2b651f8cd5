// downloadFile: SFTP reads kept `sftpRequestsInFlight` deep, written in order to NAME.part.

#include "remote/sftp_handles.h"
#include "remote/transfer_channel.h"
#include "remote/transfer_file.h"
#include "remote/transfer_hash.h"
#include "remote/transfer_meter.h"
#include "remote/transfer_remote.h"
#include "remote/transfer_space.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <deque>
#include <fcntl.h>

namespace tb {

namespace {

struct PendingRead {
    uint32_t id = 0;
    qint64 offset = 0;
    uint32_t length = 0;
};

TransferResult failure(const QString& message) {
    return transferFailure(SshFailure::Protocol, message);
}

class SftpReader {
public:
    SftpReader(const TransferContext& context, const TransferRequest& request)
        : m_context(context), m_request(request) {}

    // Appends [offset, size) of the remote file to `out`, feeding `hash` and `meter`.
    TransferResult copy(const QString& remote, qint64 offset, qint64 size, QFile& out,
                        FileHash& hash, TransferMeter& meter);

private:
    TransferResult lost(const QString& doing) {
        return failure(QStringLiteral("%1 on %2 failed: %3")
                           .arg(doing, m_context.where, m_context.libsshError()));
    }

    const TransferContext& m_context;
    const TransferRequest& m_request;
};

TransferResult SftpReader::copy(const QString& remote, qint64 offset, qint64 size, QFile& out,
                                FileHash& hash, TransferMeter& meter) {
    const ssh::SftpPtr sftp(sftp_new(m_context.session));
    if (!sftp || sftp_init(sftp.get()) != SSH_OK) return lost(QStringLiteral("starting SFTP"));
    const ssh::SftpFilePtr file(sftp_open(sftp.get(), remote.toUtf8().constData(), O_RDONLY, 0));
    if (!file) return lost(QStringLiteral("opening %1").arg(remote));
    if (sftp_seek64(file.get(), static_cast<uint64_t>(offset)) != 0)
        return lost(QStringLiteral("seeking in %1").arg(remote));
    const uint32_t chunk = static_cast<uint32_t>(qBound(4096, m_request.sftpChunkBytes, 255 * 1024));
    const size_t depth = static_cast<size_t>(qMax(1, m_request.sftpRequestsInFlight));
    QByteArray buffer(static_cast<int>(chunk), Qt::Uninitialized);
    std::deque<PendingRead> pending;
    qint64 next = offset;
    qint64 done = offset;
    while (done < size) {
        if (m_context.cancelled()) return transferCancelled();
        while (pending.size() < depth && next < size) {
            const uint32_t length = static_cast<uint32_t>(qMin<qint64>(chunk, size - next));
            const int id = sftp_async_read_begin(file.get(), length);
            if (id < 0) return lost(QStringLiteral("requesting %1").arg(remote));
            pending.push_back({static_cast<uint32_t>(id), next, length});
            next += length;
        }
        const PendingRead read = pending.front();
        pending.pop_front();
        const int n = sftp_async_read(file.get(), buffer.data(), read.length, read.id);
        if (n < 0) return lost(QStringLiteral("reading %1").arg(remote));
        if (n == 0)
            return failure(QStringLiteral("%1 on %2 became shorter while it was downloaded")
                               .arg(remote, m_context.where));
        if (out.write(buffer.constData(), n) != n)
            return failure(QStringLiteral("cannot write %1: %2").arg(out.fileName(),
                                                                     out.errorString()));
        hash.add(buffer.constData(), n);
        meter.add(n);
        done += n;
        if (static_cast<uint32_t>(n) < read.length) {
            // A short read: the requests behind it start past a gap. Take their answers,
            // drop them, and go on from where the data really ends.
            for (const PendingRead& later : pending)
                (void)sftp_async_read(file.get(), buffer.data(), later.length, later.id);
            pending.clear();
            if (sftp_seek64(file.get(), static_cast<uint64_t>(done)) != 0)
                return lost(QStringLiteral("seeking in %1").arg(remote));
            next = done;
        }
    }
    return {};
}

QString localTarget(const QString& localPath, const QString& remote) {
    const QFileInfo info(localPath);
    if (info.isDir()) return QDir(info.absoluteFilePath()).filePath(remoteBaseName(remote));
    return QDir::cleanPath(info.absoluteFilePath());
}

}  // namespace

QString hashMismatchMessage(const QString& file, const QString& where, const QString& local,
                            const QString& remote) {
    return QStringLiteral("%1 arrived damaged: its sha256 is %2 here and %3 on %4. The partial "
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
                     QStringLiteral("this machine"), target);
    if (!problem.isEmpty()) return failure(problem);

    // The remote hash runs while the data flows; its answer is read at the end.
    TransferChannel remoteHash(context);
    if (TransferResult started = remoteHash.start(
            RemoteCommand(QStringLiteral("sha256sum")).arg(QStringLiteral("--")).arg(remote));
        !started.ok())
        return started;
    FileHash hash;
    if (!hash.addFilePrefix(part, offset)) offset = 0;
    QFile out(part);
    if (!out.open(offset > 0 ? QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate))
        return failure(QStringLiteral("cannot write %1: %2").arg(part, out.errorString()));
    TransferMeter meter(context.report, remoteSize - offset, QStringLiteral("receiving"));
    TransferResult result =
        SftpReader(context, request).copy(remote, offset, remoteSize, out, hash, meter);
    meter.finish();
    out.close();  // what arrived stays in NAME.part for the next attempt
    if (!result.ok()) return result;

    meter.setPhase(QStringLiteral("verifying"));
    if (TransferResult hashed = remoteHash.finish(QStringLiteral("sha256sum of %1").arg(remote));
        !hashed.ok())
        return hashed;
    const QString remoteHex =
        QString::fromUtf8(remoteHash.standardOutput()).section(QLatin1Char(' '), 0, 0).toLower();
    const QString localHex = hash.hex();
    if (QFileInfo(part).size() != remoteSize || localHex != remoteHex) {
        QFile::remove(part);
        return failure(hashMismatchMessage(target, context.where, localHex, remoteHex));
    }
    if (std::rename(QFile::encodeName(part).constData(), QFile::encodeName(target).constData()))
        return failure(QStringLiteral("cannot rename %1 to %2").arg(part, target));
    result.bytes = remoteSize;
    result.files = 1;
    result.resumedFrom = offset;
    result.method = QStringLiteral("sftp");
    return result;
}

}  // namespace tb
