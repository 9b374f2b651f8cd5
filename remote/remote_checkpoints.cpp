// Listing a remote run's checkpoints (see remote_checkpoints.h). The script is plain POSIX sh;
// LC_ALL=C so that ${#var} counts bytes, which the frame lengths rely on.
#include "remote/remote_checkpoints.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include "remote/remote_run_frames.h"

namespace tb {
namespace {

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

std::string errorIn(const QString& where, const std::string& what) {
    return "listing checkpoints on " + where.toStdString() + ": " + what;
}

// The shell's $(...) dropped the file's last newline.
QByteArray withNewline(const QByteArray& text) {
    return text.isEmpty() || text.endsWith('\n') ? text : text + '\n';
}

}  // namespace

const CheckpointEntry* RemoteCheckpoints::find(const QString& which) const {
    const QString file =
        which.isEmpty() || which == QLatin1String("latest") ? latest : which;
    for (const CheckpointEntry& entry : entries)
        if (!file.isEmpty() && (entry.fileName() == file || entry.name == file)) return &entry;
    return nullptr;
}

RemoteCommand listCheckpointsCommand(const QString& runsRoot, const QString& runId,
                                     bool withConfig) {
    RemoteCommand command(QStringLiteral("sh"));
    command.arg(QStringLiteral("-c")).arg(QString::fromLatin1(kListScript)).arg(QStringLiteral("sh"));
    return command.args({runsRoot, runId, withConfig ? QStringLiteral("config") : QString()});
}

Result<RemoteCheckpoints> parseRemoteCheckpoints(const QByteArray& output, const QString& where) {
    auto frames = parseRemoteFrames(output);
    if (!frames) return fail(errorIn(where, frames.error()));
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
            list.entries.append(CheckpointEntry{});
            entry = &list.entries.back();
            entry->path = list.runDir + QStringLiteral("/checkpoints/") + text;
            entry->name = text.chopped(3);  // ".pt"
        } else if (frame.key == "size" || frame.key == "sidecar") {
            if (!entry) return fail(errorIn(where, frame.key.toStdString() + " before any .pt"));
            if (frame.key == "size") entry->bytes = frame.value.trimmed().toLongLong();
            else readCheckpointSidecar(frame.value, *entry);
        } else if (frame.key == "resolved") {
            list.resolvedConfig = withNewline(frame.value);
        } else if (frame.key == "yaml") {
            list.configYaml = withNewline(frame.value);
        }
    }
    if (list.runDir.isEmpty()) return fail(errorIn(where, "the answer names no run folder"));
    std::sort(list.entries.begin(), list.entries.end(),
              [](const auto& a, const auto& b) { return a.step < b.step; });
    return list;
}

}  // namespace tb
