// Sidecar parsing for CheckpointEntry (see checkpoint_entry.h).
#include "checkpoint_entry.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tb {

void readCheckpointSidecar(const QByteArray& json, CheckpointEntry& entry) {
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    entry.epoch = object.value(QLatin1String("epoch")).toInteger();
    entry.step = object.value(QLatin1String("step")).toInteger();
    entry.time = object.value(QLatin1String("time")).toDouble();
    const QJsonObject metrics = object.value(QLatin1String("metrics")).toObject();
    for (auto it = metrics.begin(); it != metrics.end(); ++it)
        entry.metrics[it.key()] = it.value().toDouble();
    entry.recordedBytes = object.value(QLatin1String("bytes")).toInteger(-1);
    entry.sha256 = object.value(QLatin1String("sha256")).toString();
    entry.complete = entry.recordedBytes == entry.bytes;
}

}  // namespace tb
