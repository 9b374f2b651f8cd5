#pragma once
// startLocalSweep: a sweep spec checked, its trials queued as runs of this machine and the
// sweep's scheduler (tb-sweep.sh) started detached over the given slots.

#include <QString>
#include <QStringList>

#include "core/protocol/result.h"
#include "core/runs/backend.h"

namespace tb {

class LocalBackend;

struct SweepSetup {
    LaunchRequest base;  // what every trial starts from: a config, or a script's command line
    QString sweepPath;   // the sweep spec (docs/SWEEPS.md)
    QStringList slots;   // one CUDA_VISIBLE_DEVICES value per slot, "cpu" for a CPU slot
};

struct StartedSweep {
    QString id;
    QString dir;       // RUNS_ROOT/.sweeps/ID
    QStringList runs;  // the trials' run ids, in trial order
};

// The slots file's lines: each GPU `perGpu` times, or `cpuSlots` CPU slots when no GPU is given.
QStringList sweepSlots(const QStringList& gpus, int cpuSlots, int perGpu);

// Every problem (the spec's FILE:LINE:COL diagnostics, a config that does not load, a folder
// that cannot be written) fails before anything runs; the folders made so far are removed.
Result<StartedSweep> startLocalSweep(LocalBackend& backend, const SweepSetup& setup);

}  // namespace tb
