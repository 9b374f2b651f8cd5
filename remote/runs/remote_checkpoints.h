#pragma once
// A remote run's checkpoints in one round trip: a fixed script prints every sidecar and .pt
// size (and, for a resume, the run's config files) in frames (remote_run_frames.h), parsed
// into the CheckpointEntry the local catalog uses.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include "core/checkpoints/checkpoint_entry.h"
#include "core/protocol/result.h"
#include "remote/ssh/remote_command.h"

namespace tb {

struct RemoteCheckpoints {
    QString runDir;                       // absolute, on the box
    QString latest;                       // the file latest.json names; empty when there is none
    QList<CheckpointEntry> entries;       // by step; `path` is the absolute path on the box
    QByteArray resolvedConfig;            // config.resolved, when asked for
    QByteArray configYaml;                // config.yaml, when asked for and present
    QHash<QString, QByteArray> sidecars;  // each sidecar's text by checkpoint name

    // The entry for a file name, or for latest.json's when `which` is empty or "latest".
    const CheckpointEntry* find(const QString& which) const;
    // The same, or an error naming the run folder and `where` (the host) and what to do.
    Result<CheckpointEntry> pick(const QString& which, const QString& where) const;
};

// Frames: "dir" (absolute run directory), "latest" (latest.json) when it exists, then per
// .pt "pt" (its name), "size" and "sidecar" (empty when missing); with `withConfig` also
// "resolved" and "yaml". Exit 4 (the run directory on stderr): no such run.
RemoteCommand listCheckpointsCommand(const QString& runsRoot, const QString& runId,
                                     bool withConfig = false);

// Makes DIR = RUNS_ROOT/.imported/SOURCE_HOST/RUN_ID/checkpoints on a host and writes a
// parent's config.resolved, config.yaml (when not empty) and one checkpoint's sidecar there,
// each atomically, so a copied checkpoint can be resumed from (LaunchRequest::parentDir).
// Prints the absolute parent folder (DIR without /checkpoints). Exit 3: cannot write. Refuses
// a run id or checkpoint name that is not safe (box_name.h), naming `sourceHost`.
Result<RemoteCommand> stageParentCommand(const QString& runsRoot, const QString& stageName,
                                         const QString& runId, const RemoteCheckpoints& parent,
                                         const CheckpointEntry& checkpoint,
                                         const QString& sourceHost);

// A host name as one safe folder name (letters, digits, '.', '-', '_'; the rest '_').
QString stageFolderName(const QString& hostName);

// `where` names the host in errors. A checkpoint name that is not safe (box_name.h) makes
// the whole listing an error naming the host and the name.
Result<RemoteCheckpoints> parseRemoteCheckpoints(const QByteArray& output, const QString& where);

}  // namespace tb
