#pragma once
// Where a sweep runs — this machine's queue answers at once; a host's queue (remote sweeps) is
// another SweepTarget answering later, so the dialog and its controller never change for it —
// and what forking one of its trials needs.

#include <QMap>
#include <QString>

#include <functional>

#include "core/services/sweep_launcher.h"

namespace tb {

class LocalBackend;
struct CheckpointEntry;

class SweepTarget {
public:
    virtual ~SweepTarget() = default;
    // "local" or the host's name, as RunInfo::target names the trials' runs.
    virtual QString name() const = 0;
    virtual void startAsync(const SweepSetup& setup,
                            std::function<void(Result<StartedSweep>)> done) = 0;
};

class LocalSweepTarget : public SweepTarget {
public:
    explicit LocalSweepTarget(LocalBackend* backend) : m_backend(backend) {}
    QString name() const override { return QStringLiteral("local"); }
    void startAsync(const SweepSetup& setup,
                    std::function<void(Result<StartedSweep>)> done) override;

private:
    LocalBackend* m_backend;
};

// The checkpoint of a trial's run to fork from: the complete one whose sidecar has the best
// `metric` (by goal), else the newest complete one; "" when the run has none.
QString bestCheckpoint(const QString& runDir, const QString& metric, bool maximize);
// The same pick among listed entries (a host's, listed there); `path` of the one picked.
QString bestCheckpointOf(const QList<CheckpointEntry>& entries, const QString& metric,
                         bool maximize);

// A trial's config.yaml is its sweep's base: the trial's own values (config keys only; a
// script's placeholders are no config) are set into the text, comments and order kept.
Result<QString> withTrialValues(const QString& configYaml, const QMap<QString, QString>& values);

}  // namespace tb
