#pragma once
// startLocalSweep: a sweep spec checked, its trials queued as runs of this machine and the
// sweep's scheduler (tb-sweep.sh) started detached over the given slots.

#include <QString>
#include <QStringList>

#include <QByteArray>
#include <QJsonArray>

#include <vector>

#include "core/protocol/result.h"
#include "core/runs/backend.h"
#include "core/sweep/sweep_expand.h"

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

// A spec read, checked against the run it starts and expanded: what every target's sweep needs.
struct SweepPlan {
    SweepSpec spec;
    std::vector<Trial> trials;
    QByteArray specText;  // the file as written, kept as the sweep's sweep.yaml
};

Result<SweepPlan> planSweep(const SweepSetup& setup);

// "20261206-182816-sweep-lr": the id a sweep of this spec file gets now (a target that finds
// it taken adds -2, -3 ...).
QString sweepIdBase(const QString& specPath);

// Trial `trial` of the sweep `id` whose folder is `dir` (on the target): the base request with the
// trial's --set values or filled placeholders, queued as dir/queue/NNNNNN.sh.
LaunchRequest trialRequest(const SweepSetup& setup, const Trial& trial, const QString& id,
                           const QString& dir);

// sweep.json (docs/RUN_FORMAT.md, Sweeps): the spec's metric and goal, the slots, each trial's
// run and values.
QByteArray sweepJson(const QString& id, const QString& target, const SweepSetup& setup,
                     const SweepPlan& plan, const QStringList& runs);

// sweep.json's "trials" entries for `trials` and their runs (in the same order).
void appendTrialEntries(QJsonArray& list, const std::vector<Trial>& trials,
                        const QStringList& runs);

// The sweep folder's early_stop file ("METRIC GOAL MIN_EPOCHS", read by tb-sweep-stop.sh);
// empty when the spec has no early_stop.
QByteArray earlyStopText(const SweepSpec& spec);

// The slots file's lines: each GPU `perGpu` times, or `cpuSlots` CPU slots when no GPU is given.
QStringList sweepSlots(const QStringList& gpus, int cpuSlots, int perGpu);

// tb-sweep.sh from `binDir` on the sweep folder, detached (its lock makes a second one leave).
Result<void> startSweepScheduler(const QString& binDir, const QString& sweepDir);

// Every problem (the spec's FILE:LINE:COL diagnostics, a config that does not load, a folder
// that cannot be written) fails before anything runs; the folders made so far are removed.
Result<StartedSweep> startLocalSweep(LocalBackend& backend, const SweepSetup& setup);

}  // namespace tb
