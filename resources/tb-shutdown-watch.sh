#!/bin/sh
# tb-shutdown-watch.sh: on the box, "shut the instance down when this run ends" (issue 5, Money).
#
# usage: tb-shutdown-watch.sh RUN_DIR DELAY_SECONDS COMMAND TOKEN [POLL_SECONDS]
#
# Waits until the run in RUN_DIR has ended (status.json final, an exit_code file, or its pid
# gone), then counts DELAY_SECONDS down and runs COMMAND (the host's shutdown line, e.g.
# `shutdown -h now`) with `sh -c`. RUN_DIR/shutdown.cancel at any moment before that cancels.
# Everything it does is in RUN_DIR/shutdown.json, replaced atomically, one line:
#   {"state":"waiting|counting|executing|cancelled|done|failed","deadline":EPOCH,"delay":N,
#    "command":"...","token":"...","pid":N,"run_state":"finished","exit_code":N,
#    "updated":EPOCH,"message":"..."}
# deadline is 0 until the run has ended. TOKEN names this arming: a watcher whose token is no
# longer the one in shutdown.json was replaced by a newer arming and leaves quietly. Started
# detached (setsid nohup) so it outlives the SSH connection and the laptop. Plain POSIX sh.

[ $# -ge 4 ] || { echo "usage: tb-shutdown-watch.sh RUN_DIR DELAY COMMAND TOKEN [POLL]" >&2; exit 2; }
run_dir=$1
delay=$2
command=$3
token=$4
poll=${5:-5}
case $delay in '' | *[!0-9]*) delay=300 ;; esac
case $poll in '' | *[!0-9]*) poll=5 ;; esac
[ "$poll" -ge 1 ] || poll=1
state_file=$run_dir/shutdown.json
cancel_file=$run_dir/shutdown.cancel
status=$run_dir/status.json
deadline=0
run_state=
exit_code=null

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

# True once the run has ended; sets run_state.
run_ended() {
    [ -f "$status" ] || return 1
    run_state=$(status_field state)
    case $run_state in finished | failed | stopped | lost) return 0 ;; esac
    if [ -f "$run_dir/exit_code" ]; then
        run_state=ended
        return 0
    fi
    case $run_state in running | starting) ;; *) return 1 ;; esac
    _pid=$(status_field pid)
    case $_pid in '' | *[!0-9]* | 0) return 1 ;; esac
    if [ -d "/proc/$_pid" ] || kill -0 "$_pid" 2>/dev/null; then return 1; fi
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
write_state counting "the run is $run_state; running the command at the deadline"
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
