#pragma once
// SyncPlan: what a sync must do to make the box's copy match this folder, from the two
// manifests; and the size guard that asks before a large or data-like send.

#include <QStringList>

#include "sync_manifest.h"

namespace tb {

struct SyncPlan {
    QList<ManifestEntry> send;  // new or changed here
    QStringList remove;         // sent by the last sync, gone here: removed on the box
    QStringList prune;          // their folders, deepest first, removed when left empty
    qint64 sendBytes = 0;
    qint64 unchanged = 0;

    bool nothingToDo() const { return send.isEmpty() && remove.isEmpty(); }
};

// `synced`: the manifest the box keeps (what the last sync left there); only files named in
// it are ever removed, so what the run wrote beside the code stays.
SyncPlan planSync(const QList<ManifestEntry>& local, const QList<ManifestEntry>& synced);

// Above this a sync asks first.
constexpr qint64 kSyncAskBytes = 100'000'000;
// A data-like folder (data/, checkpoints/, …) asks first above this.
constexpr qint64 kSyncAskDataBytes = 10'000'000;

// Why a sync should ask before sending, one line each (empty: send): more than 100 MB, or
// more than 10 MB from folders whose names say data, weights or logs (data/, datasets/,
// checkpoints/, wandb/, …), with what they would send.
QStringList syncWarnings(const SyncPlan& plan);

// "12.3 MB", "512 B": sizes in messages.
QString byteText(qint64 bytes);

}  // namespace tb
