// This machine's sweep target and the pick of a trial's checkpoint to fork from.

#include "sweep_target.h"

#include <cmath>

#include "core/checkpoints/checkpoint_catalog.h"
#include "core/config/config_file.h"
#include "core/config/schema.h"

namespace tb {

void LocalSweepTarget::startAsync(const SweepSetup& setup,
                                  std::function<void(Result<StartedSweep>)> done) {
    done(startLocalSweep(*m_backend, setup));
}

QString bestCheckpoint(const QString& runDir, const QString& metric, bool maximize) {
    CheckpointCatalog catalog(QString{});  // listing only: nothing is inspected
    catalog.setRunDir(runDir);
    return bestCheckpointOf(catalog.entries(), metric, maximize);
}

QString bestCheckpointOf(const QList<CheckpointEntry>& entries, const QString& metric,
                         bool maximize) {
    const CheckpointEntry* best = nullptr;
    const CheckpointEntry* newest = nullptr;
    for (const CheckpointEntry& entry : entries) {  // by step
        if (!entry.complete) continue;
        newest = &entry;
        const double value = entry.metrics.value(metric, std::nan(""));
        if (std::isnan(value)) continue;
        const double than = best ? best->metrics.value(metric) : value;
        if (!best || (maximize ? value > than : value < than)) best = &entry;
    }
    if (best) return best->path;
    return newest ? newest->path : QString();
}

Result<QString> withTrialValues(const QString& configYaml, const QMap<QString, QString>& values) {
    std::string text = configYaml.toStdString();
    for (auto it = values.begin(); it != values.end(); ++it) {
        const std::string key = it.key().toStdString();
        if (!findKey(key)) continue;
        auto set = setValueInText(text, key, it.value().toStdString());
        if (!set) return fail(key + ": " + set.error());
        text = std::move(*set);
    }
    return QString::fromStdString(text);
}

}  // namespace tb
