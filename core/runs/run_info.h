#pragma once
// What the app knows of one run, read from its run directory (see docs/RUN_FORMAT.md).

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <limits>

#include "protocol/run_status.h"

namespace tb {

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
    qint64 pid = 0;
    qint64 pgid = 0;
    int exitCode = -1;  // -1 when none yet
    QString message;    // status.json "message"
    double lastTrainLoss = std::numeric_limits<double>::quiet_NaN();  // NaN: none logged yet
    // The last train/loss logged was null: the trainer writes NaN and infinity that way.
    bool trainLossNotFinite = false;
    double bestValAcc = std::numeric_limits<double>::quiet_NaN();
    QString parentRun;  // run.json "parent": {"run", "checkpoint"} for resumes and forks
    QString parentCheckpoint;
    QStringList tags;  // annotations.json, edited by the user
    QString note;

    qint64 durationSeconds(const QDateTime& now) const;  // started → ended (or now)
};

}  // namespace tb
