// uploadFolder: scan, check the remote disk, pack into `tar -x` in a stage, verify, move.

#include "tar_pack.h"
#include "transfer_channel.h"
#include "transfer_folder.h"
#include "transfer_meter.h"
#include "transfer_preflight.h"
#include "transfer_remote.h"
#include "transfer_space.h"
#include "transfer_stage.h"

#include <QCoreApplication>

namespace tb {

namespace {

// Extracts stdin into the stage "$1", decompressing with "$2". tar -o: files belong to the
// user who extracts, not to the uid on the sending machine.
const char kExtractScript[] = R"SH(
rm -rf "$1" && mkdir -p "$1" && cd "$1" || exit 1
case $2 in
  zstd) zstd -d -q -c | tar -xof - ;;
  gzip) gzip -d -c | tar -xof - ;;
  *) tar -xof - ;;
esac
)SH";

struct Transfer {
    Q_DECLARE_TR_FUNCTIONS(Transfer)
};

TransferResult fromError(const Error& error) {
    return transferFailure(error.code ? static_cast<SshFailure>(error.code) : SshFailure::Protocol,
                           QString::fromStdString(error.message));
}

TransferResult streamFolder(const TransferContext& context, const QString& root,
                            const FolderScan& scan, const QString& stage,
                            TarCompression compression) {
    TransferChannel channel(context);
    const QString kind = compressionName(compression);
    if (TransferResult started = channel.start(remoteScript(kExtractScript, {stage, kind}));
        !started.ok())
        return started;
    //: a transfer's phase, shown beside its progress
    TransferMeter meter(context.report, scan.bytes, Transfer::tr("sending"));
    const QString packed =
        TarPacker(root, scan, compression)
            .pack([&](const char* data, qint64 size) { return channel.write(data, size).ok(); },
                  [&](qint64 bytes) { meter.add(bytes); });
    meter.finish();
    if (!packed.isEmpty()) channel.stopAndWait();  // the stage is removed after this
    if (packed == QLatin1String("stopped")) return channel.failure();
    if (!packed.isEmpty()) return transferFailure(SshFailure::Protocol, packed);
    return channel.finish(Transfer::tr("extracting into %1").arg(stage));
}

}  // namespace

TransferResult uploadFolder(const TransferContext& context, const TransferRequest& request) {
    const auto scan = scanFolder(request.localPath);
    if (!scan) return transferFailure(SshFailure::Protocol, QString::fromStdString(scan.error()));
    const QString destination = cleanRemotePath(request.remotePath);
    if (remoteBaseName(destination).isEmpty())
        //: %1 is a local folder, %2 the host, %3 the destination typed
        return transferFailure(SshFailure::Protocol,
                               Transfer::tr("name a folder to upload %1 into on %2, not %3")
                                   .arg(request.localPath, context.where, request.remotePath));
    const auto preflight = preflightUpload(context, destination, {});
    if (!preflight) return fromError(preflight.failure());
    const RemoteKind existing = preflight->destination.kind;
    if (existing == RemoteKind::File || existing == RemoteKind::Other)
        //: %1 is a path on the host %2, %3 a local folder
        return transferFailure(SshFailure::Protocol,
                               Transfer::tr("%1 on %2 exists and is not a folder; choose "
                                            "another destination for the folder %3")
                                   .arg(destination, context.where, request.localPath));
    const SpaceNeeded need{scan->blockBytes, scan->entries.size() + 1};
    if (const QString problem = spaceProblem(preflight->space, need, context.where, destination);
        !problem.isEmpty())
        return transferFailure(SshFailure::Protocol, problem);
    const TarCompression compression =
        request.compression == TarCompression::Auto ? preflight->compression : request.compression;
    const QString stage = remoteStagingPath(destination, QStringLiteral("upload"));
    const StagedFolder staged{
        scan->bytes, scan->files, compression,
        [&] { return verifyAndMoveRemote(context, stage, destination, scan->files, scan->bytes); },
        [&] { removeRemote(context, stage); }};
    return finishStaged(
        context, streamFolder(context, request.localPath, *scan, stage, compression), staged);
}

}  // namespace tb
