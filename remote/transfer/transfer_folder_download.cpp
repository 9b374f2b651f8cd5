// downloadFolder: count remotely, check the local disk, `tar -c` into a local stage, verify, move.

#include "tar_pack.h"
#include "tar_unpack.h"
#include "transfer_channel.h"
#include "transfer_folder.h"
#include "transfer_local.h"
#include "transfer_meter.h"
#include "transfer_remote.h"
#include "transfer_space.h"
#include "transfer_stage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace tb {

namespace {

// The contents of "$1" as a tar stream on stdout, compressed with "$2".
const char kPackScript[] = R"SH(
cd "$1" || exit 1
case $2 in
  zstd) tar -cf - . | zstd -1 -q -c ;;
  gzip) tar -cf - . | gzip -1 -c ;;
  *) tar -cf - . ;;
esac
)SH";

struct Transfer {
    Q_DECLARE_TR_FUNCTIONS(Transfer)
};

TransferResult failure(const QString& message) {
    return transferFailure(SshFailure::Protocol, message);
}

TransferResult receive(const TransferContext& context, const QString& source, const QString& stage,
                       const RemoteTreeCount& count, TarCompression compression) {
    TransferChannel channel(context);
    const QString kind = compressionName(compression);
    if (TransferResult started = channel.start(remoteScript(kPackScript, {source, kind}));
        !started.ok())
        return started;
    channel.setReceiveWindow(TransferChannel::kDownloadWindow);  // far links, as for files
    //: a transfer's phase, shown beside its progress
    TransferMeter meter(context.report, count.bytes, Transfer::tr("receiving"));
    TarUnpacker unpacker(stage);
    const QString unpacked =
        unpacker.unpack([&](char* data, qint64 size) { return channel.read(data, size); },
                        [&](qint64 bytes) { meter.add(bytes); });
    meter.finish();
    if (unpacked == QLatin1String("stopped")) return channel.failure();
    if (!unpacked.isEmpty()) return failure(unpacked);
    TransferResult finished = channel.finish(Transfer::tr("packing %1").arg(source));
    // tar reports unreadable files on stderr and still exits through the compressor's 0.
    if (finished.ok() && !channel.standardError().trimmed().isEmpty())
        //: %1 is a folder on the host %2, %3 what tar printed
        return failure(
            Transfer::tr("packing %1 on %2 reported: %3")
                .arg(source, context.where, QString::fromUtf8(channel.standardError()).trimmed()));
    return finished;
}

TransferResult verifyStage(const QString& stage, const RemoteTreeCount& count,
                           const QString& source, const QString& where) {
    const auto arrived = scanFolder(stage);
    if (!arrived) return failure(QString::fromStdString(arrived.error()));
    if (arrived->files == count.files && arrived->bytes == count.bytes) return {};
    //: %1 is a folder on the host %2
    return failure(Transfer::tr("the download of %1 from %2 did not arrive whole: %3 files, "
                                "%4 bytes instead of %5 files, %6 bytes; nothing was kept, "
                                "try again")
                       .arg(source, where, QString::number(arrived->files),
                            QString::number(arrived->bytes), QString::number(count.files),
                            QString::number(count.bytes)));
}

}  // namespace

TransferResult downloadFolder(const TransferContext& context, const TransferRequest& request) {
    const QString source = cleanRemotePath(request.remotePath);
    const QString destination = QDir::cleanPath(QFileInfo(request.localPath).absoluteFilePath());
    if (QFileInfo::exists(destination) && !QFileInfo(destination).isDir())
        //: %1 is a local path, %2 a folder on the host
        return failure(Transfer::tr("%1 exists and is not a folder; choose another "
                                    "destination for the folder %2")
                           .arg(destination, source));
    const auto count = countRemoteTree(context, source);
    if (!count)
        return transferFailure(static_cast<SshFailure>(count.failure().code),
                               QString::fromStdString(count.error()));
    const QString problem =
        spaceProblem(localSpace(destination), SpaceNeeded{count->blockBytes, count->entries + 1},
                     Transfer::tr("this machine"), destination);
    if (!problem.isEmpty()) return failure(problem);
    const QString stage = localStagingPath(destination, QStringLiteral("download"));
    clearLocalStage(stage);  // what an earlier, interrupted download left
    if (!QDir().mkpath(stage))
        return failure(
            Transfer::tr("cannot create %1; check that the folder is writable").arg(stage));
    const TarCompression compression =
        request.compression == TarCompression::Auto ? count->compression : request.compression;
    const auto verifyAndMove = [&] {
        TransferResult verified = verifyStage(stage, *count, source, context.where);
        if (!verified.ok()) return verified;
        const QString moved = moveLocalIntoPlace(stage, destination);
        return moved.isEmpty() ? verified : failure(moved);
    };
    const StagedFolder staged{count->bytes, count->files, compression, verifyAndMove,
                              [&] { clearLocalStage(stage); }};
    return finishStaged(context, receive(context, source, stage, *count, compression), staged);
}

}  // namespace tb
