// The remote run scripts. Plain POSIX sh (dash, bash, busybox); LC_ALL=C so that ${#var}
// counts bytes, which the frame lengths rely on.
#include "remote_run_scripts.h"

#include <string>

#include "slurm_run_scripts.h"

namespace tb {

RemoteCommand shScript(const char* script, const QStringList& arguments) {
    RemoteCommand command(QStringLiteral("sh"));
    command.arg(QStringLiteral("-c")).arg(QString::fromLatin1(script)).arg(QStringLiteral("sh"));
    return command.args(arguments);
}

namespace {

const char kClaimScript[] = TB_ROOT_PRELUDE TB_CLAIM_FUNCTION R"sh(
mkdir -p "$root" || exit 3
root=$(cd "$root" && pwd -P) || exit 3
claim "$root" "$2"
printf '%s\n%s\n' "$root" "$id"
)sh";

const char kStartBody[] = R"sh(
dir=$1
put() {
    printf '%s' "$2" >"$dir/.$1.tmp-$$" && mv -f "$dir/.$1.tmp-$$" "$dir/$1"
}
# A run that cannot be written (a full disk) must not stay listed as queued: the folder this
# launch claimed goes again.
give_up() {
    rm -rf -- "$dir"
    exit 3
}
put .tb-wrap.sh "$2" || give_up
if [ -n "$4" ]; then put config.yaml "$4" || give_up; fi
put config.resolved "$5" || give_up
put run.json "$3" || give_up
put status.json "$6" || give_up
mode=$7
session=$8
cmd=$9
helpers=${10}
q=${11}
queue_text=${12}
shift 12
# Files a script run needs beside its wrapper, NAME CONTENT pairs: trainbench_log.py (scripts
# import it from the wrapper's folder, which tb-wrap.sh puts on PYTHONPATH), a notebook and
# its runner.
case $helpers in '' | *[!0-9]*) helpers=0 ;; esac
while [ "$helpers" -gt 0 ] && [ $# -ge 2 ]; do
    put "$1" "$2" || give_up
    shift 2
    helpers=$((helpers - 1))
done
# A sweep's trial: its start script goes into the sweep's queue, for the scheduler to run.
if [ "$mode" = queue ]; then
    printf '%s' "$queue_text" >"$q.tmp-$$" && mv -f "$q.tmp-$$" "$q" || give_up
    echo queued
    exit 0
fi
# A Slurm login node: the job script runs the wrapper line; sbatch's options are what is left.
if [ "$mode" = slurm ]; then
    put .tb-job.sh "#!/bin/sh
$cmd
" || give_up
    slurm_submit "$dir" "$session" "$@"
fi
# Run ids repeat across runs roots, so a session of that name can be another root's run: the
# next free name is taken. A tmux server that is exiting as its last session ends refuses a new
# session once: that is tried again. The name taken is kept in the run folder.
if [ "$mode" = auto ] && command -v tmux >/dev/null 2>&1; then
    n=1
    name=$session
    while [ "$n" -le 8 ]; do
        if ! tmux has-session -t "=$name" 2>/dev/null &&
            tmux new-session -d -s "$name" "$cmd" </dev/null >/dev/null 2>&1; then
            put tmux_session "$name"
            echo tmux
            exit 0
        fi
        n=$((n + 1))
        name=$session-$n
    done
fi
if command -v setsid >/dev/null 2>&1; then
    setsid nohup sh -c "$cmd" </dev/null >/dev/null 2>&1 &
else
    nohup sh -c "$cmd" </dev/null >/dev/null 2>&1 &
fi
echo setsid
)sh";

const char kSignalBody[] = R"sh(
signal=$3
s=$(cat "$root/$2/status.json" 2>/dev/null) || { echo missing; exit 0; }
state=$(printf '%s' "$s" | sed -n 's/.*"state"[[:space:]]*:[[:space:]]*"\([a-z]*\)".*/\1/p')
case $state in
    queued | starting | running) ;;
    *) echo "ended $state"; exit 0 ;;
esac
num() {
    printf '%s' "$s" | sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\([0-9][0-9]*\).*/\1/p" | head -n 1
}
pgid=$(num pgid)
pid=$(num pid)
# $4 names this request: a request sent again after its answer was lost on the way (the link
# dropped) is not delivered twice, since a second TERM makes the trainer leave without its
# checkpoint.
mark="$root/$2/.signal-$4"
if [ -n "$4" ] && [ -e "$mark" ]; then
    echo ok
    exit 0
fi
sent() {
    [ -z "$4" ] || : >"$mark" 2>/dev/null
    echo ok
}
# A Slurm job: a pending one is cancelled; a running one's TERM goes to the batch shell alone
# (the wrapper, which passes it on once); KILL goes to every process of the job.
if slurm_job "$root/$2"; then
    slurm_state "$root/$2"
    if [ -z "$sl" ]; then
        echo noslurm
    elif ! slurm_live; then
        echo "ended ${sl%% *}"
    else
        case ${sl%% *} in
            PENDING | REQUEUED | REQUEUE_HOLD | REQUEUE_FED) scancel "$job" ;;
            *) if [ "$signal" = KILL ]; then
                scancel --full --signal=KILL "$job"
            else
                scancel --batch --signal="$signal" "$job"
            fi ;;
        esac && sent "$@" || echo gone
    fi
    exit 0
fi
if [ -n "$pgid" ] && [ "$pgid" -gt 0 ]; then
    if kill -s "$signal" -- "-$pgid" 2>/dev/null; then sent "$@"; else echo gone; fi
elif [ -n "$pid" ] && [ "$pid" -gt 0 ]; then
    if kill -s "$signal" "$pid" 2>/dev/null; then sent "$@"; else echo gone; fi
else
    echo nopid
fi
)sh";

// running PID: a process with that pid exists (/proc, else kill -0); false for no number.
#define TB_RUNNING_FUNCTION                                          \
    "running() { [ -n \"$1\" ] && [ \"$1\" -gt 0 ] 2>/dev/null &&\n" \
    "    { [ -d \"/proc/$1\" ] || kill -0 \"$1\" 2>/dev/null; }; }\n"

const char kScanBody[] = R"sh(
# The JSON files are one line as our writers write them: read by the shell, no process.
json_of() {
    j=
    if [ -f "$1" ]; then IFS= read -r j <"$1"; fi
    case $j in *"}") ;; *) j=$(cat "$1" 2>/dev/null) ;; esac
}
# live FIELD: the process status.json ($s) names in FIELD runs.
live() {
    running "$(printf '%s' "$s" | sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\([0-9][0-9]*\).*/\1/p")"
}
exit_frame() {
    if [ -f "${d}exit_code" ]; then
        c=
        IFS= read -r c <"${d}exit_code"
        frame exit "$c"
    fi
}
if [ ! -d "$root" ]; then frame root ""; exit 0; fi
root=$(cd "$root" && pwd -P) || exit 3
frame root "$root"
for d in "$root"/*/; do
    [ -f "${d}run.json" ] || [ -f "${d}status.json" ] || continue
    id=${d%/}
    frame run "${id##*/}"
    json_of "${d}run.json"
    frame runjson "$j"
    # Before status.json is read: an ended job settles its run's status.
    sl=
    if slurm_job "$id"; then slurm_state "$id"; fi
    json_of "${d}status.json"
    s=$j
    frame status "$s"
    if [ -n "$job" ]; then frame slurm "$job $sl"; fi
    exit_frame
    if [ -f "${d}metrics.jsonl" ]; then frame tail "$(tail -c 4096 "${d}metrics.jsonl")"; fi
    alive=0
    case $s in
        *'"running"'* | *'"starting"'*)
            # The wrapper outlives the command to write exit_code and the final status: with
            # both gone, what they wrote as the run ended (after the reads above) is read again.
            # A Slurm job's processes are on a compute node: the settled status says it ended.
            if [ -n "$job" ] || live pid || live wrapper_pid; then
                alive=1
            else
                json_of "${d}status.json"
                [ "$j" = "$s" ] || frame status "$j"
                exit_frame
            fi
            ;;
    esac
    frame alive "$alive"
done
)sh";

// Follow streams: the work runs in the background while the shell waits for its stdin to end
// (the channel closed, or the connection died) and then ends the work; nothing is left behind
// on the box. Work that ends by itself ends the stream with its status.
// $t is the work; $e, when set, a second process that ends with it.
#define TB_UNTIL_CLOSED                                                            \
    "{ cat <&3 >/dev/null 2>&1; kill \"$t\" $e 2>/dev/null; } >/dev/null 2>&1 &\n" \
    "w=$!\n"                                                                       \
    "exec 3<&-\n"                                                                  \
    "wait \"$t\"\n"                                                                \
    "s=$?\n"                                                                       \
    "kill \"$w\" $e 2>/dev/null\n"                                                 \
    "exit \"$s\"\n"

// With a second file ($5 from byte $6), its bytes go out on stderr and tail's own warnings,
// which would mix into them, go nowhere.
const char kFollowFileScript[] = TB_ROOT_PRELUDE R"sh(
exec 3<&0
e=
if [ -n "$5" ]; then
    tail -c +"$4" -F -- "$root/$2/$3" 2>/dev/null &
    t=$!
    tail -c +"$6" -F -- "$root/$2/$5" >&2 2>/dev/null &
    e=$!
else
    tail -c +"$4" -F -- "$root/$2/$3" &
    t=$!
fi
)sh" TB_UNTIL_CLOSED;

// status.json is read by the shell itself every second (no process); sed runs only when it
// changed. After a final state, "end" waits for exit_code (the wrapper's last word; a command
// without the wrapper gets ten seconds) and for the files' sizes to hold for a second, since a
// metrics filter may still be draining the output.
const char kFollowStatusBody[] = R"sh(
exec 3<&0
dir=$root/$2
size_of() { if [ -f "$1" ]; then stat -c %s "$1"; else echo -1; fi; }
field() {
    printf '%s' "$s" | sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\([0-9][0-9]*\).*/\1/p" | head -n 1
}
# The run's process is gone: the box restarted since it started, or neither the process nor
# the wrapper that records its end (it outlives the process to write exit_code) is left.
gone() {
    [ -n "$pid" ] && [ "$pid" -gt 1 ] || return 1
    boot=$(sed -n 's/^btime //p' /proc/stat 2>/dev/null)
    if [ -n "$boot" ] && [ -n "$started" ] && [ "$boot" -gt "$started" ]; then return 0; fi
    ! running "$pid" && ! running "$wrapper"
}
# What Slurm says of the job now ($sl), sent as a frame when it changed.
slurm_news() {
    slurm_state "$dir"
    if [ "$sl" != "$shown_sl" ]; then
        frame slurm "$job $sl"
        shown_sl=$sl
    fi
}
watch_status() {
    last=
    previous=
    shown=0
    state=
    waited=0
    missing=0
    tick=0
    held=0
    shown_sl=
    while :; do
        # A Slurm job is asked about every five seconds, not every second: the controller
        # serves the whole cluster. Before status.json is read: an ended job settles it.
        if [ -n "$job" ] && [ $((tick % 5)) -eq 0 ]; then slurm_news; fi
        tick=$((tick + 1))
        s=
        if [ -f "$dir/status.json" ]; then IFS= read -r s <"$dir/status.json"; fi
        case $s in *"}") ;; *) s=$(cat "$dir/status.json" 2>/dev/null) ;; esac
        if [ "$shown" = 0 ] || [ "$s" != "$last" ]; then
            frame status "$s"
            shown=1
            last=$s
            state=$(printf '%s' "$s" | sed -n 's/.*"state"[[:space:]]*:[[:space:]]*"\([a-z]*\)".*/\1/p')
            pid=$(field pid)
            wrapper=$(field wrapper_pid)
            started=$(field started)
        fi
        case $state in
            starting | running)
                # Lost: the process gone, and five reads a second apart (the status above
                # included) found neither a final state nor an exit code: the wrapper writes
                # both as the process ends, so a run that ended well shows them by then.
                if [ -z "$job" ] && gone && [ ! -f "$dir/exit_code" ]; then
                    missing=$((missing + 1))
                else
                    missing=0
                fi
                if [ "$missing" -ge 5 ]; then
                    frame lost "$pid"
                    frame end "$(size_of "$dir/metrics.jsonl") $(size_of "$dir/output.log")"
                    return 0
                fi
                ;;
            # lost: what the Slurm settling writes for a job Slurm no longer knows.
            finished | failed | stopped | lost)
                # A Slurm job's last word (TIMEOUT, PREEMPTED: why it stopped) comes once the
                # job has left the node, a moment after the wrapper's; waited for up to a minute.
                if [ -n "$job" ] && [ "$held" -lt 60 ]; then
                    slurm_news
                    if [ -n "$sl" ] && slurm_live; then
                        held=$((held + 1))
                        sleep 1
                        continue
                    fi
                fi
                if [ -f "$dir/exit_code" ] || [ "$waited" -ge 10 ]; then
                    sizes="$(size_of "$dir/metrics.jsonl") $(size_of "$dir/output.log")"
                    if [ "$sizes" = "$previous" ]; then
                        frame end "$sizes"
                        return 0
                    fi
                    previous=$sizes
                fi
                waited=$((waited + 1))
                ;;
        esac
        sleep 1
    done
}
slurm_job "$dir"
watch_status &
t=$!
e=
)sh";

// The scripts that handle Slurm runs: the Slurm functions in front of their own text.
const std::string kStartScript = std::string(kSlurmSubmitFunction) + kStartBody;
const std::string kSignalScript = std::string(TB_ROOT_PRELUDE) + kSlurmStateFunctions + kSignalBody;
const std::string kScanScript = std::string(TB_ROOT_PRELUDE TB_FRAME_FUNCTION TB_RUNNING_FUNCTION) +
                                kSlurmStateFunctions + kScanBody;
const std::string kFollowStatusScript =
    std::string(TB_ROOT_PRELUDE TB_FRAME_FUNCTION TB_RUNNING_FUNCTION) + kSlurmStateFunctions +
    kFollowStatusBody + TB_UNTIL_CLOSED;

}  // namespace

RemoteCommand claimRunDirCommand(const QString& runsRoot, const QString& baseId) {
    return shScript(kClaimScript, {runsRoot, baseId});
}

QString remoteWrapperPath(const QString& dir) {
    return dir + QStringLiteral("/.tb-wrap.sh");
}

namespace {

QStringList helperArguments(const RemoteRunFiles& files) {
    QStringList arguments;
    for (const auto& [name, content] : files.helperFiles)
        arguments << name << QString::fromUtf8(content);
    return arguments;
}

}  // namespace

RemoteCommand startRunCommand(const RemoteRunFiles& files, const QStringList& wrapperArgs,
                              RemoteStartMode mode, const QString& tmuxSession) {
    // tmux hands its command to a shell, so it travels as one line of quoted words.
    QStringList words{QStringLiteral("exec"), QStringLiteral("/bin/sh"),
                      remoteWrapperPath(files.dir), files.dir};
    words += wrapperArgs;
    QStringList quoted;
    for (const QString& word : words) quoted.append(shellQuote(word));
    const QString modeWord = !files.queueScript.isEmpty()       ? QStringLiteral("queue")
                             : !files.sbatchArguments.isEmpty() ? QStringLiteral("slurm")
                             : mode == RemoteStartMode::Auto    ? QStringLiteral("auto")
                                                                : QStringLiteral("setsid");
    return shScript(
        kStartScript.c_str(),
        QStringList{files.dir, QString::fromUtf8(files.wrapper), QString::fromUtf8(files.runJson),
                    QString::fromUtf8(files.configYaml), QString::fromUtf8(files.resolvedConfig),
                    QString::fromUtf8(files.statusJson), modeWord, tmuxSession,
                    quoted.join(QLatin1Char(' ')), QString::number(files.helperFiles.size()),
                    files.queueScript, QString::fromUtf8(files.queueText)} +
            helperArguments(files) + files.sbatchArguments);
}

RemoteCommand signalRunCommand(const QString& runsRoot, const QString& runId, const QString& signal,
                               const QString& request) {
    return shScript(kSignalScript.c_str(), {runsRoot, runId, signal, request});
}

RemoteCommand scanRunsCommand(const QString& runsRoot) {
    return shScript(kScanScript.c_str(), {runsRoot});
}

RemoteCommand followFileCommand(const QString& runsRoot, const QString& runId,
                                const QString& fileName, qint64 offset) {
    return shScript(kFollowFileScript,
                    {runsRoot, runId, fileName, QString::number(qMax<qint64>(0, offset) + 1)});
}

RemoteCommand followFilesCommand(const QString& runsRoot, const QString& runId,
                                 const FollowedFile& out, const FollowedFile& err) {
    return shScript(kFollowFileScript,
                    {runsRoot, runId, out.name, QString::number(qMax<qint64>(0, out.offset) + 1),
                     err.name, QString::number(qMax<qint64>(0, err.offset) + 1)});
}

RemoteCommand followStatusCommand(const QString& runsRoot, const QString& runId) {
    return shScript(kFollowStatusScript.c_str(), {runsRoot, runId});
}

}  // namespace tb
