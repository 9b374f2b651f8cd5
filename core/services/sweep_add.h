#pragma once
// addToLocalSweep: more trials for a sweep of this machine, running or drained — the trials of
// another spec over the sweep's own base (config or command, its --set values), numbered after
// the last, queued, and the scheduler started again when it had stopped.

#include <QString>
#include <QStringList>

#include "core/protocol/result.h"

namespace tb {

class LocalBackend;

// The base request and slots a sweep was started with, from its sweep.json (what a new spec's
// trials start from); the new spec must rank by the same metric and goal.
Result<QStringList> addToLocalSweep(LocalBackend& backend, const QString& sweepId,
                                    const QString& specPath);

}  // namespace tb
