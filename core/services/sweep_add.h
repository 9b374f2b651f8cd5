#pragma once
// addToLocalSweep: more trials for a sweep of this machine, running or drained — the trials of
// another spec over the sweep's own base (config or command, its --set values), numbered after
// the last, queued, and the scheduler started again when it had stopped.

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "core/protocol/result.h"
#include "sweep_launcher.h"

namespace tb {

class LocalBackend;

// More trials for a sweep, on any target: the base request and slots the sweep was started
// with (its sweep.json), the new spec's trials over them, numbered after the last.
struct SweepAddition {
    QJsonObject sweep;  // sweep.json as read
    SweepSetup setup;
    SweepPlan plan;  // trial indices already after the sweep's last
    QByteArray sweepJsonWith(const QStringList& runs) const;  // with the new trials appended
};

// Refused: a cancelled sweep (`state`), a spec with another metric or goal, too many trials.
Result<SweepAddition> planSweepAddition(const QByteArray& sweepJson, const QString& state,
                                        const QString& sweepId, const QString& specPath);

Result<QStringList> addToLocalSweep(LocalBackend& backend, const QString& sweepId,
                                    const QString& specPath);

}  // namespace tb
