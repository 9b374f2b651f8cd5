#pragma once
// The shell commands behind "shut the instance down when this run ends": arm the watcher on the
// box (resources/tb-shutdown-watch.sh), cancel it, read its state (RUN_DIR/shutdown.json).
//
// Each is a fixed POSIX sh script run as `sh -c SCRIPT sh ARGS...`: the run directory, the
// host's command and the watcher's text only ever arrive as quoted positional arguments. A run
// directory of "~/..." is taken relative to the remote $HOME.

#include <QByteArray>
#include <QString>

#include <optional>

#include "core/protocol/result.h"
#include "remote/ssh/remote_command.h"

namespace tb {

inline constexpr int kDefaultShutdownDelaySeconds = 300;
// A run that stays queued or starting this long with no live process counts as ended.
inline constexpr int kDefaultStaleRunSeconds = 600;

enum class ShutdownPhase {
    None,       // never armed for this run
    Waiting,    // armed, the run has not ended yet
    Counting,   // the run ended; the command runs at the deadline
    Executing,  // the command is running now
    Cancelled,
    Done,    // the command ran and exited 0
    Failed,  // the command failed, or the watcher was killed
};

QString shutdownPhaseName(ShutdownPhase phase);  // "waiting", "counting", ...

struct ShutdownState {
    ShutdownPhase phase = ShutdownPhase::None;
    QString runDir;       // absolute, as the box resolved it
    qint64 deadline = 0;  // epoch seconds on the box's clock; 0 until the run ended
    qint64 boxNow = 0;    // the box's clock when this was read
    int delaySeconds = 0;
    QString command;
    QString runState;             // the run's final state the watcher saw
    std::optional<int> exitCode;  // the command's, once it ran
    QString message;
    qint64 watcherPid = 0;  // the watcher process on the box; 0 until it has started
    bool watcherAlive = false;

    // Counted on the box's clock, so a laptop clock that is off does not matter.
    qint64 secondsLeft() const;
    bool isFinal() const;  // cancelled, done or failed: nothing more will happen
};

// "shutting down in 4:12 (run finished) ..." — one line for the CLI and the UI.
QString describeShutdown(const ShutdownState& state);

// The watcher, embedded from resources/tb-shutdown-watch.sh.
QByteArray shutdownWatcherScript();

// A fresh token naming one arming; a newer arming of the same run replaces the older watcher.
QString newShutdownToken();

// Uploads the watcher into RUN_DIR, clears an old cancel file, writes shutdown.json (waiting)
// and starts the watcher detached. `pollSeconds` is how often it looks at status.json while the
// run goes on; `staleSeconds` how long a run may sit in queued or starting with no process.
// Prints the state as readShutdownCommand does; exit 3: no such run directory.
RemoteCommand armShutdownCommand(const QString& runDir, const QByteArray& watcher, int delaySeconds,
                                 const QString& command, const QString& token, int pollSeconds = 5,
                                 int staleSeconds = kDefaultStaleRunSeconds);
// Creates RUN_DIR/shutdown.cancel (what a person on the box may do by hand too), then prints
// the state. Exit 3: no such run directory.
RemoteCommand cancelShutdownCommand(const QString& runDir);
// Prints "dir PATH", "now EPOCH", "alive 0|1", then shutdown.json's line (absent: none).
RemoteCommand readShutdownCommand(const QString& runDir);

// What the three commands print.
Result<ShutdownState> parseShutdownState(const QByteArray& output);

}  // namespace tb
