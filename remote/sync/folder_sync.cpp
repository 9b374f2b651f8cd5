// The sync engine: list and hash here, read the box's manifest, plan, stream the changes into a
// stage inside the destination, and let one fixed script there remove, link into place and
// keep the new manifest.

#include "folder_sync.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <unistd.h>

#include "code_listing.h"
#include "remote/transfer/file_hash.h"
#include "remote/transfer/tar_pack.h"
#include "remote/transfer/transfer_channel.h"
#include "remote/transfer/transfer_folder.h"
#include "remote/transfer/transfer_meter.h"
#include "remote/transfer/transfer_remote.h"
#include "sync_plan.h"

namespace tb {

namespace {

constexpr char kHeldMethod[] = "held";

// Prints the compression the box can read, then its manifest's SHA-256 ("none" without one),
// then the manifest itself unless its hash is "$2", the copy this machine already has.
const char kProbeScript[] = R"SH(
if [ -e "$1" ] && [ ! -d "$1" ]; then echo not-a-folder; exit 0; fi
if command -v zstd >/dev/null 2>&1; then echo zstd
elif command -v gzip >/dev/null 2>&1; then echo gzip
else echo none; fi
m="$1/.trainbench-sync/manifest"
if [ -f "$m" ]; then
  h=$(sha256sum < "$m" 2>/dev/null || openssl dgst -sha256 -r < "$m") || exit 1
  h=${h%% *}
  echo "$h"
  [ "$h" = "$2" ] || cat "$m"
else
  echo none
fi
)SH";

// Unpacks stdin into the stage, removes the files listed in "delete" (NUL-separated), then
// their folders that are left empty, links the new files into place (a copy through tar where
// cp cannot link) and keeps the new manifest. Files the run wrote beside the code stay.
const char kApplyScript[] = R"SH(
mkdir -p "$1" && cd "$1" || exit 1
s=.trainbench-sync/incoming
rm -rf "$s" && mkdir -p "$s" || exit 1
case $2 in
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
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/trainbench/sync/") +
           FileHash::hexOf((context.where + QLatin1Char('\n') + destination).toUtf8()).left(32) +
           QStringLiteral(".remote");
}

QByteArray readCopy(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(kMaxManifestBytes) : QByteArray();
}

void keepCopy(const QString& path, const QByteArray& manifest) {
    QDir().mkpath(QFileInfo(path).path());
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(manifest);
        (void)file.commit();  // a cache: without it the manifest travels once more
    }
}

Result<BoxState> probeBox(const TransferContext& context, const QString& destination,
                          const QByteArray& copy) {
    TransferChannel channel(context);
    const QString copyHash = copy.isEmpty() ? QStringLiteral("-") : FileHash::hexOf(copy);
    if (TransferResult started = channel.start(remoteScript(kProbeScript, {destination, copyHash}));
        !started.ok())
        return fail(started.message.toStdString(), int(started.failure));
    QByteArray output;
    QByteArray chunk(1 << 16, Qt::Uninitialized);
    for (qint64 n; (n = channel.read(chunk.data(), chunk.size())) != 0;) {
        if (n < 0)
            return fail(channel.failure().message.toStdString(), int(channel.failure().failure));
        output.append(chunk.constData(), n);
        if (output.size() > kMaxManifestBytes + 1024)
            return fail(QStringLiteral("%1 sent more than %2 MB for the manifest of %3; nothing "
                                       "was changed there")
                            .arg(context.where)
                            .arg(kMaxManifestBytes >> 20)
                            .arg(destination)
                            .toStdString());
    }
    if (TransferResult done = channel.finish(QStringLiteral("looking at %1").arg(destination));
        !done.ok())
        return fail(done.message.toStdString(), int(done.failure));
    const qsizetype firstEnd = output.indexOf('\n');
    const qsizetype secondEnd = firstEnd < 0 ? -1 : output.indexOf('\n', firstEnd + 1);
    const QByteArray kind = output.left(firstEnd);
    if (kind == "not-a-folder")
        return fail(QStringLiteral("%1 on %2 is a file; choose a folder to sync into")
                        .arg(destination, context.where)
                        .toStdString());
    if (secondEnd < 0)
        return fail(QStringLiteral("%1 gave an answer that is not a sync probe's; nothing was "
                                   "changed there")
                        .arg(context.where)
                        .toStdString());
    BoxState state;
    state.compression = compressionFromName(QString::fromLatin1(kind));
    const QByteArray hash = output.mid(firstEnd + 1, secondEnd - firstEnd - 1);
    if (hash == "none") return state;
    state.hasManifest = true;
    const QByteArray manifest = hash == copyHash.toLatin1() ? copy : output.mid(secondEnd + 1);
    const auto entries =
        parseManifest(manifest, QStringLiteral("%1/%2/manifest on %3")
                                    .arg(destination, QLatin1String(kSyncFolder), context.where));
    if (!entries) return entries.failure();
    state.synced = *entries;
    return state;
}

QString linkTarget(const QString& path) {
    char target[4096];
    const ssize_t n = ::readlink(QFile::encodeName(path).constData(), target, sizeof target);
    return n > 0 ? QFile::decodeName(QByteArray(target, int(n))) : QString();
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

// The tar's entries: the three lists, then files/PATH for each file that travels.
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
            return fail(QStringLiteral("cannot write %1").arg(entry.sourcePath).toStdString());
        scan.entries.append(entry);
    }
    for (const ManifestEntry& file : plan.send) {
        FolderEntry entry;
        entry.relativePath = QStringLiteral("files/") + file.path;
        entry.sourcePath = root + QLatin1Char('/') + file.path;
        entry.modified = file.modifiedNs / 1'000'000'000;
        entry.executable = file.executable;
        if (file.link) {
            entry.kind = FolderEntry::Link;
            entry.linkTarget = linkTarget(entry.sourcePath);
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
    return QStringLiteral("sent %1 file%2 (%3, %4 on the wire), removed %5, %6 unchanged")
        .arg(plan.send.size())
        .arg(plan.send.size() == 1 ? QString() : QStringLiteral("s"))
        .arg(byteText(plan.sendBytes), byteText(wireBytes))
        .arg(plan.remove.size())
        .arg(plan.unchanged);
}

TransferResult sync(const TransferContext& context, const TransferRequest& request,
                    bool confirmed) {
    const QString root = QFileInfo(request.localPath).absoluteFilePath();
    const QString destination = cleanRemotePath(request.remotePath);
    if (remoteBaseName(destination).isEmpty())
        return failure(QStringLiteral("name a folder to sync %1 into on %2, not %3")
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
    phase(QStringLiteral("listing"));
    ListingHooks hooks;
    hooks.cancelled = context.cancelled;
    hooks.hashing = [&](qint64 done, qint64 total) {
        phase(QStringLiteral("hashing"), done, total);
    };
    const auto listing = scanCodeFolder(root, hooks);
    if (context.cancelled()) return transferCancelled();
    if (!listing) return failure(QString::fromStdString(listing.error()));
    const QString copyFile = copyPath(context, destination);
    phase(QStringLiteral("checking"));
    const auto box = probeBox(context, destination, readCopy(copyFile));
    if (!box)
        return transferFailure(
            box.failure().code ? SshFailure(box.failure().code) : SshFailure::Protocol,
            QString::fromStdString(box.error()));
    const SyncPlan plan = planSync(listing->files, box->synced);
    if (const QStringList warnings = syncWarnings(plan); !confirmed && !warnings.isEmpty()) {
        TransferResult held = failure(warnings.join(QLatin1Char('\n')));
        held.method = QLatin1String(kHeldMethod);
        held.bytes = plan.sendBytes;
        held.files = plan.send.size();
        return held;
    }
    TransferResult result;
    result.method = QStringLiteral("tar+") + compressionName(box->compression);
    if (plan.nothingToDo() && box->hasManifest) {
        result.message = summary(plan, 0);
        return result;
    }
    QTemporaryDir scratch;
    const QByteArray manifest = formatManifest(listing->files);
    const auto scan = streamEntries(root, plan, manifest, scratch.path());
    if (!scratch.isValid() || !scan) return failure(QString::fromStdString(scan.error()));
    TransferChannel channel(context);
    if (TransferResult started = channel.start(
            remoteScript(kApplyScript, {destination, compressionName(box->compression)}));
        !started.ok())
        return started;
    TransferMeter meter(context.report, plan.sendBytes, QStringLiteral("sending"));
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
    if (TransferResult done = channel.finish(QStringLiteral("syncing into %1").arg(destination));
        !done.ok())
        return done;
    keepCopy(copyFile, manifest);
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
