#pragma once
// The shell commands of a sweep on a host (docs/RUN_FORMAT.md, Sweeps): claim its folder in the
// runs root, start its scheduler, read it back, cancel, remove. Fixed sh scripts, every path and
// content a quoted argument, like remote_run_scripts.h.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "remote/ssh/remote_command.h"

namespace tb {

// Claims RUNS_ROOT/.sweeps/ID (ID, ID-2, ... when taken) with queue/, writes slots, sweep.yaml,
// the scheduler as .tb-sweep.sh and its median rule as .tb-sweep-stop.sh, and early_stop when
// given. Prints the absolute runs root and the id, one per line.
RemoteCommand createSweepCommand(const QString& runsRoot, const QString& baseId,
                                 const QStringList& slots, const QByteArray& specText,
                                 const QByteArray& scheduler, const QByteArray& stopRule,
                                 const QByteArray& earlyStop);
// Writes sweep.json and starts the scheduler detached (setsid nohup), as tb-wrap runs are.
RemoteCommand startSweepCommand(const QString& sweepDir, const QByteArray& sweepJson);
// Frames (remote_run_frames.h): "dir" (the sweep folder, absolute), "sweep" sweep.json, "state",
// then per trial script found "trial NNNNNN QUEUE-DIR", "stopped" (why the median rule stopped it),
// its run's "status", "exit" and "metric" (COUNT BEST LAST of the sweep's metric, best by its
// goal). Exit 4: no such sweep.
RemoteCommand readSweepCommand(const QString& runsRoot, const QString& id);
// `trial` NNNNNN, or "all": a queued trial moves to cancelled/ here ("cancelled"); else the
// scheduler is asked through cancel/NAME ("requested").
RemoteCommand cancelSweepCommand(const QString& runsRoot, const QString& id, const QString& trial);
// Removes a sweep folder and the trials' run folders that a failed start left behind.
RemoteCommand removeSweepCommand(const QString& sweepDir, const QStringList& runDirs);

}  // namespace tb
