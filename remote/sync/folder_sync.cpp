// The sync engine: list and hash here, read the box's manifest, plan, stream the changes into a
// stage inside the destination, and let one fixed script there remove, link into place and
// keep the new manifest.

#include "folder_sync.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "code_listing.h"
#include "core/runs/fail_text.h"
#include "remote/transfer/file_hash.h"
#include "remote/transfer/tar_pack.h"
#include "remote/transfer/transfer_channel.h"
#include "remote/transfer/transfer_folder.h"
#include "remote/transfer/transfer_meter.h"
#include "remote/transfer/transfer_remote.h"
#include "sync_plan.h"

namespace tb {

namespace {

// A sync's steps, its summary and why it stopped.
struct FolderSync {
    Q_DECLARE_TR_FUNCTIONS(FolderSync)
};

constexpr char kHeldMethod[] = "held";

// One exec does the whole sync, since each costs the box a session (about half a second on a
// stock sshd with PAM). First it answers: the compression the box can read, its manifest's
// SHA-256 ("none" without one), and the manifest's size in bytes followed by the manifest
// itself, or 0 when the hash is "$2" (the copy this machine already has). Then it reads one
// line: "apply" makes it unpack the rest of stdin into a stage, remove the files listed in
// "delete" (NUL-separated) and their folders left empty, link the new files into place (a copy
// through tar where cp cannot link) and keep the new manifest; anything else leaves all as it
// was. Files the run wrote beside the code stay.
const char kSyncScript[] = R"SH(
if [ -e "$1" ] && [ ! -d "$1" ]; then echo not-a-folder; exit 0; fi
if command -v zstd >/dev/null 2>&1; then c=zstd
elif command -v gzip >/dev/null 2>&1; then c=gzip
else c=none; fi
echo "$c"
m="$1/.trainbench-sync/manifest"
if [ -f "$m" ]; then
  h=$(sha256sum < "$m" 2>/dev/null || openssl dgst -sha256 -r < "$m") || exit 1
  h=${h%% *}
  echo "$h"
  if [ "$h" = "$2" ]; then echo 0; else n=$(wc -c < "$m"); echo $((n)); cat "$m"; fi
else
  echo none; echo 0
fi
IFS= read -r go || exit 0
[ "$go" = apply ] || exit 0
mkdir -p "$1" && cd "$1" || exit 1
s=.trainbench-sync/incoming
rm -rf "$s" && mkdir -p "$s" || exit 1
case $c in
  zstd) zstd -d -q -c | tar -C "$s" -xof - ;;
  gzip) gzip -d -c | tar -C "$s" -xof - ;;
  *) tar -C "$s" -xof - ;;
esac || exit 1
[ -f "$s/manifest" ] || { echo "the archive ended early" >&2; exit 1; }
if [ -s "$s/delete" ]; then xargs -0 rm -f -- < "$s/delete" || exit 1; fi
if [ -s "$s/prune" ]; then xargs -0 rmdir -- < "$s/prune" 2>/dev/null; fi
if [ -d "$s/files" ]; then
  cp -RPl --remove-destination "$s/files/." . 2>/dev/null ||
    (cd "$s/files" && tar -cf - .) | tar -xof - || exit 1
fi
mv -f "$s/manifest" .trainbench-sync/manifest && rm -rf "$s"
)SH";

struct BoxState {
    TarCompression compression = TarCompression::None;
    QList<ManifestEntry> synced;
    bool hasManifest = false;
};

TransferResult failure(const QString& message) {
    return transferFailure(SshFailure::Protocol, message);
}

// This machine's copy of the manifest it last left in `destination` on that host: when the
// box's hash matches, the manifest does not travel back.
QString copyPath(const TransferContext& context, const QString& destination) {
    return syncCacheFile(context.where + QLatin1Char('\n') + destination,
                         QStringLiteral(".remote"));
}

QByteArray readCopy(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(kMaxManifestBytes) : QByteArray();
}

// The box's answer, read from the start of the sync's channel (up to the manifest's last
// byte, not to the end: the script then waits for "apply").
Result<BoxState> readAnswer(TransferChannel& channel, const TransferContext& context,
                            const QString& destination, const QByteArray& copy,
                            const QString& copyHash) {
    QByteArray output;
    QByteArray chunk(1 << 16, Qt::Uninitialized);
    QList<QByteArray> lines;
    qint64 manifestBytes = -1;
    qsizetype manifestStart = 0;
    while (manifestBytes < 0 || output.size() - manifestStart < manifestBytes) {
        const qint64 n = channel.read(chunk.data(), chunk.size());
        if (n < 0)
            return fail(channel.failure().message.toStdString(), int(channel.failure().failure));
        if (n == 0) {
            if (output.startsWith("not-a-folder\n"))
                return failText(FolderSync::tr("%1 on %2 is a file; choose a folder to sync into")
                                    .arg(destination, context.where));
            //: what failed, as in "looking at ~/code on root@gpu-box port 22 failed (exit ..."
            (void)channel.finish(FolderSync::tr("looking at %1").arg(destination));
            //: %1 is the box (user@host port N), %2 what it printed, %3 the destination folder
            return failText(
                FolderSync::tr("%1 ended its answer early (%2); nothing was changed in %3")
                    .arg(context.where, QString::fromUtf8(channel.standardError()).trimmed(),
                         destination));
        }
        output.append(chunk.constData(), n);
        for (qsizetype end; manifestBytes < 0 && (end = output.indexOf('\n', manifestStart)) >= 0;
             manifestStart = end + 1) {
            lines.append(output.mid(manifestStart, end - manifestStart));
            if (lines.size() == 3) {
                bool ok = false;
                manifestBytes = lines[2].toLongLong(&ok);
                if (!ok || manifestBytes < 0 || manifestBytes > kMaxManifestBytes)
                    //: %1 is the box, %2 the size it sent, %3 the destination folder
                    return failText(FolderSync::tr("%1 sent a manifest size that is not one "
                                                   "(%2); nothing was changed in %3")
                                        .arg(context.where, QString::fromLatin1(lines[2].left(32)),
                                             destination));
            }
        }
        if (manifestBytes < 0 && output.size() > 1024)
            //: %1 is the box, %2 the destination folder
            return failText(
                FolderSync::tr("%1 gave an answer that is not a sync's; nothing was changed in %2")
                    .arg(context.where, destination));
    }
    BoxState state;
    state.compression = compressionFromName(QString::fromLatin1(lines[0]));
    if (lines[1] == "none") return state;
    state.hasManifest = true;
    const QByteArray manifest = manifestBytes == 0 && lines[1] == copyHash.toLatin1()
                                    ? copy
                                    : output.mid(manifestStart, manifestBytes);
    const auto entries =
        //: %1 is the destination folder, %2 the sync's own folder in it, %3 the box
        parseManifest(manifest, FolderSync::tr("%1/%2/manifest on %3")
                                    .arg(destination, QLatin1String(kSyncFolder), context.where));
    if (!entries) return entries.failure();
    state.synced = *entries;
    return state;
}

bool writeControl(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray nulList(const QStringList& paths) {
    QByteArray list;
    for (const QString& path : paths) list += QFile::encodeName(path) + '\0';
    return list;
}

// The tar's entries: the three lists, then files/PATH for each file that travels; `bytes`
// counts both, `files` the files alone.
Result<FolderScan> streamEntries(const QString& root, const SyncPlan& plan,
                                 const QByteArray& manifest, const QString& scratch) {
    FolderScan scan;
    const QList<QPair<QString, QByteArray>> control = {
        {QStringLiteral("manifest"), manifest},
        {QStringLiteral("delete"), nulList(plan.remove)},
        {QStringLiteral("prune"), nulList(plan.prune)}};
    for (const auto& [name, bytes] : control) {
        FolderEntry entry;
        entry.relativePath = name;
        entry.sourcePath = scratch + QLatin1Char('/') + name;
        entry.size = bytes.size();
        if (!writeControl(entry.sourcePath, bytes))
            return failText(FolderSync::tr("cannot write %1").arg(entry.sourcePath));
        scan.entries.append(entry);
        scan.bytes += entry.size;
    }
    for (const ManifestEntry& file : plan.send) {
        FolderEntry entry;
        entry.relativePath = QStringLiteral("files/") + file.path;
        entry.sourcePath = root + QLatin1Char('/') + file.path;
        entry.modified = file.modifiedNs / 1'000'000'000;
        entry.executable = file.executable;
        if (file.link) {
            entry.kind = FolderEntry::Link;
            entry.linkTarget = linkText(entry.sourcePath);
        } else {
            entry.size = file.size;
        }
        scan.entries.append(entry);
        ++scan.files;
        scan.bytes += entry.size;
    }
    return scan;
}

QString summary(const SyncPlan& plan, qint64 wireBytes) {
    const QString sent = byteText(plan.sendBytes);
    const QString wire = byteText(wireBytes);
    const QString removed = QString::number(plan.remove.size());
    const QString unchanged = QString::number(plan.unchanged);
    if (plan.send.size() == 1)
        //: %1 and %2 are the bytes sent and those on the wire (compressed), %3 and %4 counts
        //: of files
        return FolderSync::tr("sent 1 file (%1, %2 on the wire), removed %3, %4 unchanged")
            .arg(sent, wire, removed, unchanged);
    //: %1 is a count of files, %2 and %3 the bytes sent and those on the wire (compressed),
    //: %4 and %5 counts of files
    return FolderSync::tr("sent %1 files (%2, %3 on the wire), removed %4, %5 unchanged")
        .arg(QString::number(plan.send.size()), sent, wire, removed, unchanged);
}

TransferResult sync(const TransferContext& context, const TransferRequest& request,
                    bool confirmed) {
    const QString root = QFileInfo(request.localPath).absoluteFilePath();
    const QString destination = cleanRemotePath(request.remotePath);
    if (remoteBaseName(destination).isEmpty())
        return failure(FolderSync::tr("name a folder to sync %1 into on %2, not %3")
                           .arg(request.localPath, context.where, request.remotePath));
    QString lastPhase;
    QElapsedTimer sinceReport;
    // At most five reports a second, and every change of phase.
    const auto phase = [&](const QString& name, qint64 done = 0, qint64 total = -1) {
        if (name == lastPhase && sinceReport.isValid() && sinceReport.elapsed() < 200) return;
        lastPhase = name;
        sinceReport.start();
        TransferProgress progress;
        progress.phase = name;
        progress.bytesDone = done;
        progress.bytesTotal = total;
        context.report(progress);
    };
    //: a sync's step, shown beside its progress
    phase(FolderSync::tr("listing"));
    ListingHooks hooks;
    hooks.cancelled = context.cancelled;
    hooks.hashing = [&](qint64 done, qint64 total) {
        //: a sync's step, shown beside its progress
        phase(FolderSync::tr("hashing"), done, total);
    };
    const auto listing = scanCodeFolder(root, hooks);
    if (context.cancelled()) return transferCancelled();
    if (!listing) return failure(QString::fromStdString(listing.error()));
    const QString copyFile = copyPath(context, destination);
    //: a sync's step, shown beside its progress
    phase(FolderSync::tr("checking"));
    const QByteArray copy = readCopy(copyFile);
    const QString copyHash = copy.isEmpty() ? QStringLiteral("-") : FileHash::hexOf(copy);
    TransferChannel channel(context);
    if (TransferResult started = channel.start(remoteScript(kSyncScript, {destination, copyHash}));
        !started.ok())
        return started;
    const auto box = readAnswer(channel, context, destination, copy, copyHash);
    if (!box)
        return transferFailure(
            box.failure().code ? SshFailure(box.failure().code) : SshFailure::Protocol,
            QString::fromStdString(box.error()));
    // Nothing to send: the box is told to leave everything as it is.
    const auto leave = [&](TransferResult result) {
        const char skip[] = "skip\n";
        (void)channel.write(skip, sizeof skip - 1);
        (void)channel.finish(FolderSync::tr("looking at %1").arg(destination));
        return result;
    };
    const SyncPlan plan = planSync(listing->files, box->synced);
    if (const QStringList warnings = syncWarnings(plan); !confirmed && !warnings.isEmpty()) {
        TransferResult held = failure(warnings.join(QLatin1Char('\n')));
        held.method = QLatin1String(kHeldMethod);
        held.bytes = plan.sendBytes;
        held.files = plan.send.size();
        return leave(held);
    }
    TransferResult result;
    result.method = QStringLiteral("tar+") + compressionName(box->compression);
    if (plan.nothingToDo() && box->hasManifest) {
        result.message = summary(plan, 0);
        return leave(result);
    }
    QTemporaryDir scratch;
    const QByteArray manifest = formatManifest(listing->files);
    const auto scan = streamEntries(root, plan, manifest, scratch.path());
    if (!scratch.isValid() || !scan) return leave(failure(QString::fromStdString(scan.error())));
    const char apply[] = "apply\n";
    if (TransferResult told = channel.write(apply, sizeof apply - 1); !told.ok()) return told;
    //: a sync's step, shown beside its progress
    TransferMeter meter(context.report, scan->bytes, FolderSync::tr("sending"));
    qint64 wireBytes = 0;
    const QString packed = TarPacker(root, *scan, box->compression)
                               .pack(
                                   [&](const char* data, qint64 size) {
                                       wireBytes += size;
                                       return channel.write(data, size).ok();
                                   },
                                   [&](qint64 bytes) { meter.add(bytes); });
    meter.finish();
    if (!packed.isEmpty()) {
        channel.stopAndWait();
        if (packed == QLatin1String("stopped")) return channel.failure();
        return failure(packed);
    }
    //: what failed, as in "syncing into ~/code on root@gpu-box port 22 failed (exit ..."
    if (TransferResult done = channel.finish(FolderSync::tr("syncing into %1").arg(destination));
        !done.ok())
        return done;
    writeSyncCache(copyFile, manifest);  // without it the manifest travels once more
    result.bytes = plan.sendBytes;
    result.files = plan.send.size();
    result.message = summary(plan, wireBytes);
    return result;
}

}  // namespace

TransferResult runSync(const TransferContext& context, const TransferRequest& request) {
    return sync(context, request, false);
}

TransferResult runSyncConfirmed(const TransferContext& context, const TransferRequest& request) {
    return sync(context, request, true);
}

bool syncHeld(const TransferResult& result) {
    return !result.ok() && result.method == QLatin1String(kHeldMethod);
}

}  // namespace tb
