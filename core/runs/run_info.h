#pragma once
// What the app knows of one run, read from its run directory (see docs/RUN_FORMAT.md).

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <limits>

#include "core/protocol/run_status.h"

namespace tb {

// A pid or pgid that status.json gives but that no process can have (below 2, above the
// kernel's pid_max, not a whole number): nothing is signalled or looked up for it.
constexpr qint64 kBadPid = -1;

struct RunInfo {
    QString id;                         // the directory name, e.g. 20261122-153012-demo
    QString dir;                        // absolute path of the run directory
    QString name;                       // annotations.json "name", else run.json "name"
    QString target;                     // "local" or an SSH host name
    RunState state = RunState::Queued;  // status.json, or Lost when its process is gone
    QDateTime started;                  // invalid when unknown
    QDateTime ended;                    // invalid while running
    qint64 epoch = 0;
    qint64 step = 0;
    qint64 pid = 0;  // 0: none yet; kBadPid: status.json named an impossible one
    qint64 pgid = 0;
    qint64 wrapperPid = 0;  // status.json "wrapper_pid": the tb-wrap.sh shell; 0 when none
    int exitCode = -1;      // -1 when none yet
    QString message;        // status.json "message"
    // A queued run a scheduler holds back: its reason as the scheduler says it (Slurm's
    // Resources, Priority, ...); empty otherwise.
    QString queueReason;
    double lastTrainLoss = std::numeric_limits<double>::quiet_NaN();  // NaN: none logged yet
    // The last train/loss logged was null: the trainer writes NaN and infinity that way.
    bool trainLossNotFinite = false;
    double bestValAcc = std::numeric_limits<double>::quiet_NaN();
    // For alerts (RecordPulse): metrics written as null, NaN or ±Infinity in the records read
    // from the end of metrics.jsonl; the newest record's "time" and the median seconds between
    // recent records (NaN: unknown); status.json "updated", the heartbeat (NaN: none).
    QStringList nonFiniteKeys;
    double lastRecordTime = std::numeric_limits<double>::quiet_NaN();
    double medianRecordGap = std::numeric_limits<double>::quiet_NaN();
    double heartbeat = std::numeric_limits<double>::quiet_NaN();
    QString parentRun;  // run.json "parent": {"run", "checkpoint"} for resumes and forks
    QString parentCheckpoint;
    // run.json "code" in one line: "commit 1a2b3c4d5e6f (uncommitted changes) · 120 files,
    // manifest 9f8e7d6c5b4a"; empty when the run recorded none.
    QString code;
    // run.json "sweep": {"id", "trial", "label"} for a sweep's trial; sweepId empty otherwise.
    QString sweepId;
    int sweepTrial = -1;  // 0-based
    QString sweepLabel;
    QStringList tags;  // annotations.json, edited by the user
    QString note;

    qint64 durationSeconds(const QDateTime& now) const;  // started → ended (or now)
    // What tables, legends and alerts call the run: its name and the time in its id
    // ("demo · 11-22 15:30:12"), so two runs of one config can be told apart.
    QString label() const;
};

}  // namespace tb
