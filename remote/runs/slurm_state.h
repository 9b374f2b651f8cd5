#pragma once
// What Slurm says of a run's job (the box's "slurm" frame, "JOB STATE REASON"), checked and put
// into the run the app shows: why a job waits, and a run its time limit or a preemption ended
// shown as stopped with the way on.

#include <QByteArray>
#include <QString>

#include <optional>

#include "core/runs/run_info.h"

namespace tb {

struct SlurmJobState {
    QString job;     // the job id
    QString state;   // squeue's state (PENDING, RUNNING, TIMEOUT, ...); empty: no answer
    QString reason;  // squeue's reason (Resources, Priority, TimeLimit, None, ...)
};

// nullopt for a frame a box forged or mangled (not digits, not a state name, too long).
std::optional<SlurmJobState> parseSlurmFrame(const QByteArray& value);

void applySlurmState(const SlurmJobState& slurm, RunInfo& run);

}  // namespace tb
