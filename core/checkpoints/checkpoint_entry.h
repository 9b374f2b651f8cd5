#pragma once
// One checkpoint as its sidecar describes it; shared by the local catalog and remote listings.

#include <QByteArray>
#include <QMap>
#include <QString>

namespace tb {

struct CheckpointEntry {
    enum class Check { NotChecked, Checking, Ok, Corrupt };

    QString path;  // the .pt file (on the box for a remote checkpoint)
    QString name;  // ckpt-e0003-s0001200
    qint64 epoch = 0;
    qint64 step = 0;
    double time = 0;
    QMap<QString, double> metrics;
    qint64 bytes = 0;          // actual file size
    qint64 recordedBytes = -1; // the sidecar's "bytes"; -1 when it has none
    QString sha256;            // the sidecar's "sha256"; empty when it has none
    bool complete = false;     // the .pt exists with the size its sidecar records
    Check check = Check::NotChecked;
    QString checkMessage;  // the inspector's error line when corrupt
    QString paramSha256;

    QString fileName() const { return name + QLatin1String(".pt"); }
};

// Fills epoch, step, time, metrics, recordedBytes and sha256 from a sidecar's JSON text
// (docs/RUN_FORMAT.md), and `complete` from recordedBytes against `bytes`, which the caller
// has set. Text that is not a JSON object leaves the entry incomplete.
void readCheckpointSidecar(const QByteArray& json, CheckpointEntry& entry);

}  // namespace tb
