#pragma once
// The shell commands a RemoteBackend runs on the host: claim a run directory, write its files
// and start it detached, signal it, scan the runs root, follow a run's files.
//
// Each is a fixed POSIX sh script run as `sh -c SCRIPT sh ARGS...`: paths, file contents and
// names only ever arrive as quoted positional arguments, never inside the script text.
// A runs root of "~" or "~/..." is taken relative to the remote $HOME.

#include <QString>
#include <QStringList>

#include "remote/ssh/remote_command.h"

// $1 is a runs root; "~" and "~/..." mean the remote home.
#define TB_ROOT_PRELUDE \
    "export LC_ALL=C\n" \
    "root=$1\n"         \
    "case $root in \"~\") root=$HOME ;; \"~/\"*) root=$HOME/${root#\"~/\"} ;; esac\n"

// claim PARENT BASE: makes PARENT/BASE, else BASE-2, BASE-3 ... (two launches in one second
// share a base), and leaves the name in $id; exit 4 when PARENT cannot be written, 5 after 99.
#define TB_CLAIM_FUNCTION                            \
    "claim() {\n"                                    \
    "    id=$2\n"                                    \
    "    n=1\n"                                      \
    "    while ! mkdir \"$1/$id\" 2>/dev/null; do\n" \
    "        [ -e \"$1/$id\" ] || exit 4\n"          \
    "        n=$((n + 1))\n"                         \
    "        [ \"$n\" -lt 100 ] || exit 5\n"         \
    "        id=$2-$n\n"                             \
    "    done\n"                                     \
    "}\n"

#define TB_FRAME_FUNCTION "frame() { printf '%s %s\\n%s\\n' \"$1\" \"${#2}\" \"$2\"; }\n"

namespace tb {

// A fixed script run as `sh -c SCRIPT sh ARGS...`: paths and contents reach it only as quoted
// arguments ($1, $2, ...), never spliced into its text.
RemoteCommand shScript(const char* script, const QStringList& arguments);

enum class RemoteStartMode {
    Auto,    // inside tmux (a session named after the run) when the host has it, else setsid
    Setsid,  // always `setsid nohup`
};

// Prints the absolute runs root and the claimed run id, one per line. Exit 3: the root cannot
// be created; 4: the run directory cannot be; 5: a hundred runs of this id exist.
RemoteCommand claimRunDirCommand(const QString& runsRoot, const QString& baseId);

struct RemoteRunFiles {
    QString dir;  // absolute run directory, claimed already
    QByteArray wrapper;
    QByteArray runJson;
    QByteArray configYaml;  // may be empty (not written)
    QByteArray resolvedConfig;
    QByteArray statusJson;
    // Written beside the wrapper, by name: trainbench_log.py for script runs, a notebook and
    // its runner for notebook runs.
    QList<std::pair<QString, QByteArray>> helperFiles;
    // A sweep's trial: not started but queued, `queueText` written to `queueScript` (an
    // absolute path in the sweep's queue/ on the host); prints "queued".
    QString queueScript;
    QByteArray queueText;
    // A Slurm login node: sbatch's options (SlurmOptions::sbatchArguments). The run is submitted
    // as a job whose script runs the wrapper; prints "slurm JOB". Exit 6: sbatch refused it.
    QStringList sbatchArguments;
};

// The wrapper goes to DIR/.tb-wrap.sh; `wrapperArgs` is what follows `tb-wrap.sh DIR`
// (`-- TRAINER ARGS` for the built-in trainer, the script options and `--shell LINE` for a
// script). Prints "tmux" or "setsid": how the run was started.
RemoteCommand startRunCommand(const RemoteRunFiles& files, const QStringList& wrapperArgs,
                              RemoteStartMode mode, const QString& tmuxSession);
QString remoteWrapperPath(const QString& dir);

// `signal` is TERM or KILL. Prints "ok", "gone" (no such process), "nopid", "missing" (no
// status.json), "ended STATE" or, for a Slurm job, "noslurm" (squeue did not answer). A Slurm
// job is cancelled while pending; once running, TERM reaches its batch shell (the wrapper).
// `request` (hex, may be empty) names this request: the same request sent again answers "ok"
// without signalling twice.
RemoteCommand signalRunCommand(const QString& runsRoot, const QString& runId, const QString& signal,
                               const QString& request = QString());

// Frames (remote_run_frames.h): "root" with the absolute root (empty when it does not exist),
// then per run "run" (its id), "runjson", "status", "slurm" ("JOB STATE REASON", for a run
// submitted to Slurm; STATE empty when Slurm did not answer), "exit" (only when exit_code
// exists), "tail" (the last 4 KiB of metrics.jsonl, when it exists) and "alive" (1 when
// status.json's pid is a live process, or for a Slurm job that has not ended).
RemoteCommand scanRunsCommand(const QString& runsRoot);

// Long-lived follow streams (SshSessionThread::openStream), each ending on the box when its
// channel closes. The bytes of RUN/FILE from byte `offset` on, then whatever is appended
// (`tail -c +N -F`, which waits for a file that does not exist yet).
RemoteCommand followFileCommand(const QString& runsRoot, const QString& runId,
                                const QString& fileName, qint64 offset);
struct FollowedFile {
    QString name;
    qint64 offset = 0;
};
// Two files on one channel (sshd allows few channels per connection): `out`'s bytes on stdout,
// `err`'s on stderr (open the stream with StreamStderr::AsData).
RemoteCommand followFilesCommand(const QString& runsRoot, const QString& runId,
                                 const FollowedFile& out, const FollowedFile& err);
// Frames: "status" (status.json's text) at once and whenever it changes (checked every second);
// for a Slurm job "slurm" ("JOB STATE REASON") at once and when it changes (asked every 5 s);
// once the run has ended and its files are complete, "end" with "METRICS_SIZE LOG_SIZE" (-1:
// no such file), and the command exits 0.
RemoteCommand followStatusCommand(const QString& runsRoot, const QString& runId);

}  // namespace tb
