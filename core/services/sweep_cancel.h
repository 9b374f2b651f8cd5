#pragma once
// Cancelling a sweep's trials through its folder (docs/RUN_FORMAT.md, Sweeps): a queued trial is
// taken off the queue at once, a running one and the whole sweep by a request the scheduler acts
// on. The window and `trainbench sweep-cancel` both go through here.

#include <QString>

#include "core/protocol/result.h"

namespace tb {

enum class TrialCancel {
    Dequeued,   // it was queued: it will not run
    Requested,  // it may be running: the scheduler stops it (TERM, then KILL)
};

// `sweepDir` is RUNS_ROOT/.sweeps/ID; `trial` is 1-based, as sweep-status numbers trials.
Result<TrialCancel> cancelSweepTrial(const QString& sweepDir, int trial);
// Every queued and running trial of the sweep.
Result<void> cancelSweep(const QString& sweepDir);

}  // namespace tb
