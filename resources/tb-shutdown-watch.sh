#!/bin/sh
# tb-shutdown-watch.sh: on the box, "shut the instance down when this run ends" (issue 5, Money),
# or when this sweep's queue drains (RUN_DIR a sweep folder: it has a slots file).
#
# usage: tb-shutdown-watch.sh RUN_DIR DELAY_SECONDS COMMAND TOKEN [POLL_SECONDS [STALE_SECONDS]]
#
# Waits until the run in RUN_DIR has ended (status.json final, an exit_code file, its pid
# gone, or queued/starting with no live process for STALE_SECONDS, default 600), then counts DELAY_SECONDS down and runs COMMAND (the host's shutdown line, e.g.
# `shutdown -h now`) with `sh -c`. RUN_DIR/shutdown.cancel at any moment before that cancels.
# Everything it does is in RUN_DIR/shutdown.json, replaced atomically, one line:
#   {"state":"waiting|counting|executing|cancelled|done|failed","deadline":EPOCH,"delay":N,
#    "command":"...","token":"...","pid":N,"run_state":"finished","exit_code":N,
#    "updated":EPOCH,"message":"..."}
# Each state written is also a line "EPOCH STATE MESSAGE" in RUN_DIR/shutdown-watch.log.
# deadline is 0 until the run has ended. TOKEN names this arming: a watcher whose token is no
# longer the one in shutdown.json was replaced by a newer arming and leaves quietly. Started
# detached (setsid nohup) so it outlives the SSH connection and the laptop. Plain POSIX sh.

[ $# -ge 4 ] || { echo "usage: tb-shutdown-watch.sh RUN_DIR DELAY COMMAND TOKEN [POLL]" >&2; exit 2; }
run_dir=$1
delay=$2
command=$3
token=$4
poll=${5:-5}
stale=${6:-600}
case $delay in '' | *[!0-9]*) delay=300 ;; esac
case $poll in '' | *[!0-9]*) poll=5 ;; esac
case $stale in '' | *[!0-9]*) stale=600 ;; esac
[ "$poll" -ge 1 ] || poll=1
state_file=$run_dir/shutdown.json
cancel_file=$run_dir/shutdown.cancel
status=$run_dir/status.json
deadline=0
run_state=
exit_code=null
stuck_since=
ended_why=

json_str() {
    printf '"%s"' "$(printf '%s' "$1" | tr -d '\000-\037' | sed 's/\\/\\\\/g; s/"/\\"/g')"
}

# write_state STATE MESSAGE
write_state() {
    _tmp="$run_dir/.shutdown.json.tmp-$$"
    printf '{"state":"%s","deadline":%s,"delay":%s,"command":%s,"token":%s,"pid":%s,"run_state":%s,"exit_code":%s,"updated":%s,"message":%s}\n' \
        "$1" "$deadline" "$delay" "$(json_str "$command")" "$(json_str "$token")" "$$" \
        "$(json_str "$run_state")" "$exit_code" "$(date +%s)" "$(json_str "$2")" >"$_tmp" &&
        mv -f "$_tmp" "$state_file"
    printf '%s %s %s\n' "$(date +%s)" "$1" "$2" >>"$run_dir/shutdown-watch.log"
}

# True while shutdown.json still names this arming; read by the shell itself, no fork.
token_json="\"token\":$(json_str "$token")"
still_mine() {
    _j=
    [ -f "$state_file" ] && IFS= read -r _j <"$state_file"
    case $_j in *"$token_json"[,}]*) return 0 ;; esac
    return 1
}

check_cancel() {
    if [ -e "$cancel_file" ]; then
        write_state cancelled "cancelled by $cancel_file"
        exit 0
    fi
}

status_field() {
    sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([^\",}]*\).*/\1/p" "$status" 2>/dev/null |
        head -n 1
}

# True when the run's pid names a live process.
pid_alive() {
    case $1 in '' | *[!0-9]* | 0) return 1 ;; esac
    [ -d "/proc/$1" ] || kill -0 "$1" 2>/dev/null
}

# A sweep folder (docs/RUN_FORMAT.md, Sweeps): ended once its scheduler says drained, cancelled
# or failed, or when no scheduler has lived for $stale seconds while trials were left.
sweep_ended() {
    run_state=$(head -c 32 "$run_dir/state" 2>/dev/null | tr -cd 'a-z')
    [ -n "$run_state" ] || run_state=starting
    case $run_state in drained | cancelled | failed) return 0 ;; esac
    _pid=$(head -c 32 "$run_dir/scheduler.pid" 2>/dev/null | tr -cd '0-9')
    case $_pid in '' | *[!0-9]* | 0) _pid= ;; esac
    if [ -n "$_pid" ] && pid_alive "$_pid"; then
        stuck_since=
        return 1
    fi
    _now=$(date +%s)
    [ -n "$stuck_since" ] || stuck_since=$_now
    [ $((_now - stuck_since)) -ge "$stale" ] || return 1
    ended_why="the sweep's scheduler has been gone for $((_now - stuck_since)) s (limit $stale s), so it counts as ended"
    run_state=lost
    return 0
}

# True once the run (or the sweep) has ended; sets run_state.
run_ended() {
    if [ -f "$run_dir/slots" ]; then
        sweep_ended
        return
    fi
    [ -f "$status" ] || return 1
    run_state=$(status_field state)
    case $run_state in finished | failed | stopped | lost) return 0 ;; esac
    if [ -f "$run_dir/exit_code" ]; then
        run_state=ended
        return 0
    fi
    _pid=$(status_field pid)
    case $_pid in '' | *[!0-9]* | 0) _pid= ;; esac
    case $run_state in running | starting)
        if [ -n "$_pid" ] && ! pid_alive "$_pid"; then
            run_state=lost
            return 0
        fi ;;
    esac
    # A run that never got going (its wrapper died, or never started it) must not keep the box
    # up for ever: queued or starting with no live process for $stale seconds counts as ended.
    case $run_state in queued | starting) ;; *) stuck_since= && return 1 ;; esac
    if pid_alive "$_pid"; then
        stuck_since=
        return 1
    fi
    _now=$(date +%s)
    [ -n "$stuck_since" ] || stuck_since=$_now
    [ $((_now - stuck_since)) -ge "$stale" ] || return 1
    ended_why="the run stayed $run_state with no process for $((_now - stuck_since)) s (limit $stale s), so it counts as ended"
    run_state=lost
    return 0
}

trap 'still_mine && write_state failed "the watcher was killed before the deadline"; exit 1' TERM INT HUP
still_mine || exit 0
write_state waiting "waiting for the run to end"
until run_ended; do
    check_cancel
    sleep "$poll"
    still_mine || exit 0
done
deadline=$(($(date +%s) + delay))
write_state counting "${ended_why:-the run is $run_state}; running the command at the deadline"
while [ "$(date +%s)" -lt "$deadline" ]; do
    check_cancel
    sleep 1
    still_mine || exit 0
done
check_cancel
write_state executing "running the command"
trap - TERM INT HUP
output=$(sh -c "$command" </dev/null 2>&1)
code=$?
printf '%s\n' "$output" >"$run_dir/shutdown.log"
exit_code=$code
if [ "$code" -eq 0 ]; then
    write_state done "the command ran"
else
    write_state failed "the command exited with $code: $(printf '%s' "$output" | tail -n 1)"
fi
