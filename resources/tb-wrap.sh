#!/bin/sh
# tb-wrap.sh: runs any command inside the Trainbench run-directory contract (docs/RUN_FORMAT.md).
#
# usage: tb-wrap.sh RUN_DIR [OPTIONS] -- CMD [ARGS...]
#        tb-wrap.sh RUN_DIR [OPTIONS] --shell 'COMMAND LINE'
# options:
#   --workdir DIR         run the command in DIR ("~/..." is the home folder)
#   --env 'LINE'          shell line(s) run first in the command's own shell, e.g.
#                         '. /etc/network_turbo'; the command does not run when it fails
#   --metrics-regex RE    lines of the output matching RE (named groups) become metrics.jsonl
#   --metrics-tool PATH   trainbench-train, which does that matching (--metrics-from-stdout)
#                         and follows TensorBoard event files (--metrics-from-tensorboard)
#   --tensorboard DIR     where the command writes TensorBoard event files, relative to its
#                         working directory, "~/" the home folder (default: runs,
#                         SummaryWriter's); the run
#                         directory is always looked at too
# With --shell or --env the command runs in bash when there is one (so `source` works), else sh.
#
# status.json goes starting -> running -> finished | failed | stopped, the command's stdout and
# stderr are appended to output.log, and its exit status lands in exit_code. A final state the
# command wrote itself (the built-in trainer does) is left alone. Plain POSIX sh (dash); needs
# no terminal, since launchers start it detached with setsid.

usage() {
    echo "usage: tb-wrap.sh RUN_DIR [--workdir DIR] [--env LINE] [--metrics-regex RE" \
        "--metrics-tool PATH] [--tensorboard DIR] (-- CMD [ARGS...] | --shell LINE)" >&2
    exit 2
}
[ $# -ge 2 ] || usage
run_arg=$1
shift
workdir=
env_line=
shell_line=
metrics_regex=
metrics_tool=
tensorboard=runs
while [ $# -gt 0 ]; do
    case $1 in
        --) shift; [ $# -ge 1 ] || usage; break ;;
        --shell) [ $# -eq 2 ] || usage; shell_line=$2; [ -n "$shell_line" ] || usage; shift 2 ;;
        --workdir) [ $# -ge 2 ] || usage; workdir=$2; shift 2 ;;
        --env) [ $# -ge 2 ] || usage; env_line=$2; shift 2 ;;
        --metrics-regex) [ $# -ge 2 ] || usage; metrics_regex=$2; shift 2 ;;
        --metrics-tool) [ $# -ge 2 ] || usage; metrics_tool=$2; shift 2 ;;
        --tensorboard) [ $# -ge 2 ] || usage; tensorboard=$2; shift 2 ;;
        *) usage ;;
    esac
done
[ -n "$shell_line" ] || [ $# -ge 1 ] || usage
mkdir -p "$run_arg" || exit 2
# Absolute, so the command may change directory and still find its run.
run_dir=$(cd "$run_arg" && pwd -P) || exit 2
wrap_dir=$(cd "$(dirname "$0")" 2>/dev/null && pwd -P)

status="$run_dir/status.json"
log="$run_dir/output.log"
# From here on the wrapper's own complaints (a failed mv, a full disk) belong with the run.
exec 2>>"$log"
host=$(uname -n 2>/dev/null || echo unknown)
started=$(date +%s)

# Replaces a file the way readers expect: a hidden temp in the same directory, then rename.
write_file() {
    _tmp="$(dirname "$1")/.$(basename "$1").tmp-$$"
    printf '%s\n' "$2" >"$_tmp" || return 1
    sync "$_tmp" 2>/dev/null
    mv -f "$_tmp" "$1"
}

# One scalar field of status.json (strings without quotes); empty when absent.
field() {
    [ -f "$status" ] || return 0
    sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([^\",}]*\).*/\1/p" "$status" | head -n 1
}

json_str() {
    printf '"%s"' "$(printf '%s' "$1" | tr -d '\000-\037' | sed 's/\\/\\\\/g; s/"/\\"/g')"
}

# write_status STATE PID PGID ENDED EXIT_CODE MESSAGE. Epoch and step are carried over from
# whatever the command last wrote, so the wrapper's own transitions do not erase progress.
write_status() {
    _epoch=$(field epoch)
    _step=$(field step)
    case $_epoch in '' | *[!0-9]*) _epoch=0 ;; esac
    case $_step in '' | *[!0-9]*) _step=0 ;; esac
    write_file "$status" "{\"state\":\"$1\",\"pid\":$2,\"pgid\":$3,\"wrapper_pid\":$$,\
\"host\":$(json_str "$host"),\
\"started\":$started,\"updated\":$(date +%s),\"ended\":$4,\"exit_code\":$5,\
\"epoch\":$_epoch,\"step\":$_step,\"message\":$(json_str "$6")}"
}

# give_up CODE MESSAGE: the command could not be started; the run fails with the reason.
give_up() {
    echo "tb-wrap: $2" >&2
    rm -f "$gate" "$out_fifo"
    write_file "$run_dir/exit_code" "$1"
    write_status failed $$ 0 "$(date +%s)" "$1" "$2"
    exit "$1"
}

child=
stop_signal=
gate=
out_fifo=
# The command runs in its own process group, so a stop request must be passed on to it.
forward() {
    stop_signal=$1
    [ -n "$child" ] || return 0
    if [ -n "$own_group" ]; then
        kill -s "$1" -- "-$child" 2>/dev/null || kill -s "$1" "$child" 2>/dev/null
    else
        kill -s "$1" "$child" 2>/dev/null
    fi
}
trap 'forward TERM' TERM
trap 'forward INT' INT

write_status starting $$ 0 0 null "" || exit 2

if [ -n "$workdir" ]; then
    case $workdir in "~") workdir=$HOME ;; "~/"*) workdir=$HOME/${workdir#"~/"} ;; esac
    cd "$workdir" 2>/dev/null || give_up 2 "cannot enter the working directory $workdir"
fi

# A command line, or a command behind an environment line, runs in one shell with that line,
# so what the line exports or activates is what the command sees.
if [ -n "$shell_line" ] || [ -n "$env_line" ]; then
    run_shell=sh
    if command -v bash >/dev/null 2>&1; then run_shell=bash; fi
    script=
    if [ -n "$env_line" ]; then
        script="{ $env_line
} || { tb_rc=\$?; echo \"trainbench: the environment line failed with status \$tb_rc;\
 the command did not run\" >&2; exit \$tb_rc; }
"
    fi
    if [ -n "$shell_line" ]; then
        set -- "$run_shell" -c "$script$shell_line"
    else
        set -- "$run_shell" -c "${script}exec \"\$@\"" tb-run "$@"
    fi
fi

# setsid gives the command a process group of its own that the GUI can signal as a whole.
own_group=
setsid_cmd=
if command -v setsid >/dev/null 2>&1; then
    own_group=1
    setsid_cmd=setsid
fi
# A background command of a non-interactive sh starts with SIGINT ignored; undo that so a
# forwarded SIGINT reaches it (e.g. KeyboardInterrupt in Python) where env can.
reset_int=
if env --default-signal=INT true 2>/dev/null; then reset_int="env --default-signal=INT"; fi

# The command waits at a FIFO until status.json says "running": otherwise a fast command's own
# final status could be overwritten by the wrapper's "running".
gate="$run_dir/.tb-wrap-gate.$$"
rm -f "$gate"
mkfifo "$gate" || exit 2
exec 3<>"$gate"

export TRAINBENCH_RUN_DIR="$run_dir"
export TRAINBENCH_WRAPPED=1
# A script's output is a pipe here, not a terminal: keep Python from holding it back. The
# metrics helper shipped beside the wrapper is importable as is (import trainbench_log).
if [ -n "$shell_line" ] || [ -n "$metrics_regex" ]; then
    export PYTHONUNBUFFERED="${PYTHONUNBUFFERED-1}"
    if [ -n "$wrap_dir" ] && [ -f "$wrap_dir/trainbench_log.py" ]; then
        export PYTHONPATH="$wrap_dir${PYTHONPATH:+:$PYTHONPATH}"
    fi
fi

# With a metrics regex the output goes through the filter (trainbench-train
# --metrics-from-stdout), which appends it to output.log and the matches to metrics.jsonl. The
# filter stays in the wrapper's process group, so a stop sent to the command's group does not
# cut off its last lines. It is tried once first: a filter that cannot start would break the
# command's output pipe.
out=$log
filter=
if [ -n "$metrics_regex" ]; then
    if [ -x "$metrics_tool" ] &&
        "$metrics_tool" --metrics-from-stdout "$metrics_regex" --run-dir "$run_dir" </dev/null \
            >/dev/null 2>&1 3>&-; then
        out_fifo="$run_dir/.tb-wrap-out.$$"
        rm -f "$out_fifo"
        mkfifo "$out_fifo" || give_up 2 "cannot create $out_fifo"
        "$metrics_tool" --metrics-from-stdout "$metrics_regex" --run-dir "$run_dir" \
            <"$out_fifo" >/dev/null 2>&1 3>&- &
        filter=$!
        out=$out_fifo
    else
        echo "tb-wrap: no metrics are taken from the output: '$metrics_tool" \
            "--metrics-from-stdout' is missing or failed (see above)" >&2
    fi
fi

# A script's TensorBoard event files become metrics too (trainbench-train
# --metrics-from-tensorboard): in the run directory and in DIR of --tensorboard, files written
# from now on (TB_METRICS_SINCE: this clock reading, since the follower itself may take seconds
# to start on a busy box). It ends by itself after a last look once exit_code is written.
tb_follower=
if [ -n "$metrics_tool" ] && [ -x "$metrics_tool" ]; then
    case $tensorboard in
        "~") tensorboard=$HOME ;;
        "~/"*) tensorboard=$HOME/${tensorboard#"~/"} ;;
        /*) ;;
        *) tensorboard="$(pwd -P)/$tensorboard" ;;
    esac
    TB_METRICS_SINCE=$(date +%s 2>/dev/null) "$metrics_tool" --metrics-from-tensorboard \
        "$run_dir" --metrics-from-tensorboard "$tensorboard" --run-dir "$run_dir" \
        </dev/null >/dev/null 2>&1 3>&- &
    tb_follower=$!
fi

$setsid_cmd sh -c 'read -r _ <"$0"; exec "$@"' "$gate" $reset_int "$@" \
    </dev/null >>"$out" 2>&1 3>&- &
child=$!
pgid=$child
if [ -z "$own_group" ]; then pgid=$(ps -o pgid= -p "$child" 2>/dev/null | tr -d ' '); fi
case $pgid in '' | *[!0-9]*) pgid=0 ;; esac

write_status running "$child" "$pgid" 0 null ""
echo go >&3
exec 3>&-
rm -f "$gate"
trap '' HUP
[ -n "$stop_signal" ] && forward "$stop_signal"

# A trapped signal ends `wait` early with a status above 128 while the command still runs
# (or is an unreaped zombie, which kill -0 still sees): wait again for its real status.
wait "$child"
rc=$?
while [ "$rc" -gt 128 ] && kill -0 "$child" 2>/dev/null; do
    wait "$child"
    rc=$?
done

# exit_code first: a reader seeing "running" with the pid gone and no exit_code says "lost".
write_file "$run_dir/exit_code" "$rc"

# The filter ends once nothing holds the output open any more; its last metrics land before
# the final state, and exit_code already tells readers the run is not lost meanwhile. A process
# the command left behind holding the output holds up the run's end too: skipping the wait
# while the command's group lives lost the last metrics lines when the group was still
# winding down.
if [ -n "$filter" ]; then
    wait "$filter"
    rm -f "$out_fifo"
fi
[ -z "$tb_follower" ] || wait "$tb_follower"

case $(field state) in
    finished | failed | stopped) ;;  # the command reported its own end; keep its words
    *)
        if [ "$rc" -gt 128 ]; then
            message="ended by signal $(kill -l "$rc" 2>/dev/null || echo $((rc - 128)))"
        else
            message="exited with code $rc"
        fi
        if [ -n "$stop_signal" ] || [ "$rc" -eq 143 ] || [ "$rc" -eq 130 ]; then
            final=stopped
        elif [ "$rc" -eq 0 ]; then
            final=finished
        else
            final=failed
        fi
        write_status "$final" "$child" "$pgid" "$(date +%s)" "$rc" "$message"
        ;;
esac
exit "$rc"
