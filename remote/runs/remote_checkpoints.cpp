// Listing a remote run's checkpoints (see remote_checkpoints.h). The script is plain POSIX sh;
// LC_ALL=C so that ${#var} counts bytes, which the frame lengths rely on.
#include "remote_checkpoints.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include "core/checkpoints/box_name.h"
#include "core/runs/fail_text.h"
#include "remote_run_frames.h"

namespace tb {
namespace {

// The messages of listing a remote run's checkpoints and picking one.
struct CheckpointListing {
    Q_DECLARE_TR_FUNCTIONS(CheckpointListing)
};

const char kListScript[] = R"sh(
export LC_ALL=C
root=$1
case $root in "~") root=$HOME ;; "~/"*) root=$HOME/${root#"~/"} ;; esac
dir=$root/$2
if [ ! -d "$dir" ]; then printf '%s\n' "$dir" >&2; exit 4; fi
dir=$(cd "$dir" && pwd -P) || exit 4
frame() { printf '%s %s\n%s\n' "$1" "${#2}" "$2"; }
frame dir "$dir"
c=$dir/checkpoints
if [ -f "$c/latest.json" ]; then frame latest "$(cat "$c/latest.json")"; fi
for f in "$c"/ckpt-*.pt; do
    [ -f "$f" ] || continue
    name=${f##*/}
    frame pt "$name"
    frame size "$(stat -c %s "$f" 2>/dev/null || wc -c <"$f")"
    s=
    if [ -f "${f%.pt}.json" ]; then s=$(cat "${f%.pt}.json" 2>/dev/null); fi
    frame sidecar "$s"
done
if [ "$3" = config ]; then
    frame resolved "$(cat "$dir/config.resolved" 2>/dev/null)"
    if [ -f "$dir/config.yaml" ]; then frame yaml "$(cat "$dir/config.yaml")"; fi
fi
)sh";

// The laptop checked $3 and $6 (box_name.h); the case below refuses them again in case this
// script is ever called another way.
const char kStageScript[] = R"sh(
root=$1
for n in "$2" "$3" "$6"; do case $n in ""|.*|*/*|*..*) exit 3 ;; esac; done
case $root in "~") root=$HOME ;; "~/"*) root=$HOME/${root#"~/"} ;; esac
dir=$root/.imported/$2/$3
mkdir -p "$dir/checkpoints" || exit 3
dir=$(cd "$dir" && pwd -P) || exit 3
put() {
    printf '%s' "$3" >"$1/.$2.tmp-$$" && mv -f "$1/.$2.tmp-$$" "$1/$2"
}
put "$dir" config.resolved "$4" || exit 3
rm -f "$dir/config.yaml"
if [ -n "$5" ]; then put "$dir" config.yaml "$5" || exit 3; fi
put "$dir/checkpoints" "$6" "$7" || exit 3
printf '%s
' "$dir"
)sh";

RemoteCommand shScript(const char* script, const QStringList& arguments) {
    RemoteCommand command(QStringLiteral("sh"));
    command.arg(QStringLiteral("-c")).arg(QString::fromLatin1(script)).arg(QStringLiteral("sh"));
    return command.args(arguments);
}

// The shell's $(...) dropped the file's last newline.
QByteArray withNewline(const QByteArray& text) {
    return text.isEmpty() || text.endsWith('\n') ? text : text + '\n';
}

}  // namespace

const CheckpointEntry* RemoteCheckpoints::find(const QString& which) const {
    // A path as the checkpoint list shows it names the same file as its file name: only this
    // run's entries are looked at.
    const QString file = which.isEmpty() || which == QLatin1String("latest")
                             ? latest
                             : which.section(QLatin1Char('/'), -1);
    for (const CheckpointEntry& entry : entries)
        if (!file.isEmpty() && (entry.fileName() == file || entry.name == file)) return &entry;
    return nullptr;
}

Result<CheckpointEntry> RemoteCheckpoints::pick(const QString& which, const QString& where) const {
    if (const CheckpointEntry* entry = find(which)) return *entry;
    const bool wantsLatest = which.isEmpty() || which == QLatin1String("latest");
    if (wantsLatest && latest.isEmpty())
        return failText(CheckpointListing::tr("%1 on %2 has no checkpoint yet (no "
                                              "checkpoints/latest.json); pick a run that saved one")
                            .arg(runDir, where));
    //: %1 is the run's folder on the box, %2 the checkpoint's file name, %3 the host
    return failText(CheckpointListing::tr("checkpoint %1/checkpoints/%2 does not exist on %3; "
                                          "choose one from the run's checkpoint list")
                        .arg(runDir, wantsLatest ? latest : which, where));
}

RemoteCommand listCheckpointsCommand(const QString& runsRoot, const QString& runId,
                                     bool withConfig) {
    return shScript(kListScript,
                    {runsRoot, runId, withConfig ? QStringLiteral("config") : QString()});
}

Result<RemoteCommand> stageParentCommand(const QString& runsRoot, const QString& stageName,
                                         const QString& runId, const RemoteCheckpoints& parent,
                                         const CheckpointEntry& checkpoint,
                                         const QString& sourceHost) {
    auto id = checkBoxName(BoxNameKind::RunId, runId, sourceHost);
    if (!id) return id.failure();
    auto sidecar = checkBoxName(BoxNameKind::CheckpointSidecar,
                                checkpoint.name + QStringLiteral(".json"), sourceHost);
    if (!sidecar) return sidecar.failure();
    return shScript(
        kStageScript,
        {runsRoot, stageName, runId, QString::fromUtf8(parent.resolvedConfig),
         QString::fromUtf8(parent.configYaml), checkpoint.name + QStringLiteral(".json"),
         QString::fromUtf8(parent.sidecars.value(checkpoint.name))});
}

QString stageFolderName(const QString& hostName) {
    QString name = hostName;
    for (QChar& c : name)
        if (!c.isLetterOrNumber() && c != QLatin1Char('.') && c != QLatin1Char('-'))
            c = QLatin1Char('_');
    if (name.isEmpty() || name.startsWith(QLatin1Char('.'))) name.prepend(QLatin1Char('_'));
    return name;
}

Result<RemoteCheckpoints> parseRemoteCheckpoints(const QByteArray& output, const QString& where) {
    auto frames = parseRemoteFrames(output);
    if (!frames)
        return failText(CheckpointListing::tr("listing checkpoints on %1: %2")
                            .arg(where, QString::fromStdString(frames.error())));
    RemoteCheckpoints list;
    CheckpointEntry* entry = nullptr;
    for (const RemoteFrame& frame : *frames) {
        const QString text = QString::fromUtf8(frame.value);
        if (frame.key == "dir") {
            list.runDir = text;
        } else if (frame.key == "latest") {
            list.latest = QJsonDocument::fromJson(frame.value)
                              .object()
                              .value(QLatin1String("checkpoint"))
                              .toString();
        } else if (frame.key == "pt") {
            // The name becomes a local file name on download: refuse the listing outright.
            auto safe = checkBoxName(BoxNameKind::CheckpointFile, text, where);
            if (!safe) return safe.failure();
            list.entries.append(CheckpointEntry{});
            entry = &list.entries.back();
            entry->path = list.runDir + QStringLiteral("/checkpoints/") + text;
            entry->name = text.chopped(3);  // ".pt"
        } else if (frame.key == "size" || frame.key == "sidecar") {
            //: %2 is a word of the box's answer (size, sidecar)
            if (!entry)
                return failText(
                    CheckpointListing::tr("listing checkpoints on %1: %2 before any .pt")
                        .arg(where, QString::fromUtf8(frame.key)));
            if (frame.key == "size") {
                bool ok = false;
                entry->bytes = frame.value.trimmed().toLongLong(&ok);
                if (!ok || entry->bytes < 0)
                    return failText(CheckpointListing::tr("listing checkpoints on %1: the size of "
                                                          "%2 is not a byte count")
                                        .arg(where, entry->fileName()));
            } else {
                readCheckpointSidecar(frame.value, *entry);
                if (!frame.value.isEmpty()) list.sidecars.insert(entry->name, frame.value);
            }
        } else if (frame.key == "resolved") {
            list.resolvedConfig = withNewline(frame.value);
        } else if (frame.key == "yaml") {
            list.configYaml = withNewline(frame.value);
        }
    }
    if (list.runDir.isEmpty())
        return failText(
            CheckpointListing::tr("listing checkpoints on %1: the answer names no run folder")
                .arg(where));
    std::sort(list.entries.begin(), list.entries.end(),
              [](const auto& a, const auto& b) { return a.step < b.step; });
    return list;
}

}  // namespace tb
