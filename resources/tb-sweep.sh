#!/bin/sh
# tb-sweep.sh: the queue on the target. Runs a sweep's trials one per slot (docs/RUN_FORMAT.md,
# "Sweeps: the queue on the target"), outliving the app and the SSH link.
#
# usage: tb-sweep.sh SWEEP_DIR
#
# SWEEP_DIR holds `slots` (one CUDA_VISIBLE_DEVICES value or `cpu` per line) and queue/NNNNNN.sh,
# trial scripts written by the app. A trial is claimed by renaming it into running/, runs in a
# session of its own with CUDA_VISIBLE_DEVICES, TB_SWEEP_SLOT, TB_SWEEP_TRIAL, TB_SWEEP_DIR (and
# TB_SWEEP_RESUME=1 after an interruption), and lands in done/ with its exit status. cancel/N and
# cancel/all stop trials; `state` says running, drained, cancelled or failed. The scheduler only
# moves files and starts and stops processes; it runs in the foreground (launchers detach it with
# setsid, as they do tb-wrap.sh). Plain POSIX sh (dash); Linux's /proc is used where present.
#
# Environment: TB_SWEEP_GRACE seconds between a cancel's TERM and KILL (default 10).

# Per-trial and per-slot state lives in variables named by eval (t_pid_000042, slot_n_3):
# shellcheck disable=SC2154

usage() {
    echo "usage: tb-sweep.sh SWEEP_DIR" >&2
    exit 2
}
[ $# -eq 1 ] || usage
# Globs sort in byte order, so zero-padded trial numbers come lowest first (bash honours this;
# dash has no locales). Not exported: the trials keep the caller's locale.
LC_ALL=C
unset TB_SWEEP_RESUME
dir=$(cd "$1" 2>/dev/null && pwd -P) || {
    echo "tb-sweep: no sweep folder $1" >&2
    exit 2
}
log_file=$dir/scheduler.log
lock_dir=$dir/scheduler.lock
grace=${TB_SWEEP_GRACE:-10}
case $grace in '' | *[!0-9]*) grace=10 ;; esac

# --- small helpers, builtins only where they run on every poll ---

log() {
    printf '%s %s\n' "$(date '+%Y-%m-%dT%H:%M:%S%z')" "$*" >>"$log_file"
}

# Replaces a file the way readers expect (RUN_FORMAT.md, "Replacing a file").
write_file() {
    _wf_tmp="${1%/*}/.${1##*/}.tmp-$$"
    printf '%s\n' "$2" >"$_wf_tmp" || return 1
    sync "$_wf_tmp" 2>/dev/null
    mv -f "$_wf_tmp" "$1"
}

valid_id() {
    case $1 in '' | *[!0-9]*) return 1 ;; esac
    return 0
}

have_proc=
boot_id=
if [ -r /proc/$$/stat ]; then
    have_proc=1
    read -r boot_id 2>/dev/null </proc/sys/kernel/random/boot_id || boot_id=unknown
fi
have_uptime=
[ -r /proc/uptime ] && have_uptime=1

# Sets $now to whole seconds (monotonic where /proc/uptime exists, else the wall clock).
now_s() {
    if [ -n "$have_uptime" ]; then
        read -r now _ </proc/uptime
        now=${now%%.*}
    else
        now=$(date +%s)
    fi
}

# proc_stat PID: sets st_state and st_start (start time in ticks since boot) from /proc.
proc_stat() {
    st_state=
    st_start=
    read -r _ps_line 2>/dev/null </proc/"$1"/stat || return 1
    # The command name may hold spaces and parentheses: the fields start after the last ") ".
    # shellcheck disable=SC2086
    set -- ${_ps_line##*) }
    st_state=$1
    [ $# -ge 20 ] || return 0
    shift 19
    st_start=$1
}

# "BOOT START": names one process across pid reuse and reboots; empty without /proc.
ident_of() {
    ident=
    [ -n "$have_proc" ] && proc_stat "$1" && [ -n "$st_start" ] && ident="$boot_id $st_start"
}

# alive PID [IDENT]: the process exists and is not a zombie (an orphan's parent may never reap
# it) and, given IDENT, is that very process, not a later one with the same pid.
alive() {
    valid_id "$1" || return 1
    if [ -n "$have_proc" ]; then
        proc_stat "$1" || return 1
        case $st_state in Z | X | x) return 1 ;; esac
        [ -z "$2" ] || [ "$2" = "$boot_id $st_start" ]
    else
        kill -0 "$1" 2>/dev/null
    fi
}

# --- the lock: one scheduler per sweep folder ---

# A mkdir is atomic; the owner line ("PID BOOT START") inside tells a live owner from a stale one.
# A stale lock is removed by one contender at a time (takeover/ inside it), which looks again
# that the owner it judged is still the one recorded.
acquire_lock() {
    _al_tries=0
    while :; do
        if mkdir "$lock_dir" 2>/dev/null; then
            ident_of $$
            my_owner="$$ $ident"
            printf '%s\n' "$my_owner" >"$lock_dir/owner"
            write_file "$dir/scheduler.pid" "$$"
            return 0
        fi
        _al_owner=
        _al_wait=0
        while [ $_al_wait -lt 20 ]; do  # the owner line follows the mkdir at once
            read -r _al_owner 2>/dev/null <"$lock_dir/owner" && [ -n "$_al_owner" ] && break
            [ -d "$lock_dir" ] || break
            sleep "$short_sleep"
            _al_wait=$((_al_wait + 1))
        done
        if [ -d "$lock_dir" ]; then
            # shellcheck disable=SC2086
            set -- $_al_owner
            if [ $# -ge 1 ] && alive "$1" "${2:+$2 $3}"; then
                echo "tb-sweep: a scheduler (pid $1) already runs $dir; this one exits"
                log "a second scheduler (pid $$) was started and left: pid $1 already runs this sweep"
                return 1
            fi
            if mkdir "$lock_dir/takeover" 2>/dev/null; then
                _al_again=
                read -r _al_again 2>/dev/null <"$lock_dir/owner"
                if [ "$_al_again" = "$_al_owner" ]; then
                    log "took over the lock of a scheduler that is gone (${_al_owner:-no owner})"
                    rm -rf "$lock_dir"
                else
                    rmdir "$lock_dir/takeover" 2>/dev/null
                fi
            fi
        fi
        _al_tries=$((_al_tries + 1))
        if [ $_al_tries -ge 50 ]; then
            echo "tb-sweep: cannot take $lock_dir; remove it if no scheduler runs" >&2
            return 2
        fi
        sleep "$short_sleep"
    done
}

release_lock() {
    _rl_owner=
    read -r _rl_owner 2>/dev/null <"$lock_dir/owner"
    [ "$_rl_owner" = "$my_owner" ] || return 0
    rm -f "$dir/scheduler.pid"
    rm -rf "$lock_dir"
}

cur_state=
set_state() {
    [ "$cur_state" = "$1" ] && return 0
    write_file "$dir/state" "$1" && cur_state=$1
}

# --- slots ---

# Slot I (0-based line number) gets slot_val_I; any line that is not `cpu` or GPU indices
# ("0", "2,3") refuses the whole file, so no trial ever starts on a device nobody meant.
read_slots() {
    nslots=0
    if [ ! -f "$dir/slots" ]; then
        log "refused: $dir/slots is missing; write one line per slot (cpu, or GPU indices like 0 or 2,3)"
        return 1
    fi
    _rs_line=0
    _rs_bad=
    while read -r _rs_value || [ -n "$_rs_value" ]; do
        _rs_line=$((_rs_line + 1))
        case $_rs_value in
            cpu) ;;
            '' | *[!0-9,]* | ,* | *, | *,,*)
                _rs_shown=$(printf '%s' "$_rs_value" | tr -c '[:print:]' '?')
                log "refused: $dir/slots line $_rs_line is '$_rs_shown'; each line must be cpu or GPU indices like 0 or 2,3"
                _rs_bad=1
                continue
                ;;
        esac
        eval "slot_val_$nslots=\$_rs_value slot_n_$nslots=0"
        nslots=$((nslots + 1))
    done <"$dir/slots"
    [ -z "$_rs_bad" ] || return 1
    if [ "$nslots" -eq 0 ]; then
        log "refused: $dir/slots has no lines; write one line per slot (cpu, or GPU indices like 0 or 2,3)"
        return 1
    fi
}

# --- trials ---

running_ids=
adopted=0
busy=0  # trials on slots 0..nslots-1

# A trial's process: a shell in a session of its own (its pid is the process group the cancel
# signals) that runs the trial script in the foreground and leaves the exit status in
# running/.N.rc, so a later scheduler that is not its parent still learns how it ended.
# shellcheck disable=SC2016
trial_shell='trap : TERM INT HUP; sh "$1"; rc=$?; printf "%s\n" "$rc" >"$2"; exit "$rc"'
setsid_cmd=
command -v setsid >/dev/null 2>&1 && setsid_cmd=setsid
# Background commands of a non-interactive sh start with SIGINT ignored; undo that where env can.
reset_int=
env --default-signal=INT true 2>/dev/null && reset_int="env --default-signal=INT"

track() {  # N PID IDENT SLOT OWN
    eval "t_pid_$1=\$2 t_ident_$1=\$3 t_slot_$1=\$4 t_own_$1=\$5 t_kill_$1= t_killed_$1="
    running_ids="$running_ids $1"
    if [ "$4" -ge 0 ] && [ "$4" -lt "$nslots" ]; then
        eval "slot_n_$4=\$((slot_n_$4 + 1))"
        busy=$((busy + 1))
    fi
    [ "$5" = 1 ] || adopted=$((adopted + 1))
}

# An adopted trial is not our child, so its end sends us no SIGCHLD. GNU tail --pid waits for
# it without forking (a kill(pid, 0) every 0.25 s) and, ending with it, is the child that wakes
# us. Where tail has no --pid, or the trial turns into a zombie nobody reaps (kill -0 still
# finds it), the short ticks and the /proc check are left.
pid_watch=
tail --pid=999999999 -f /dev/null </dev/null >/dev/null 2>&1 && pid_watch=1
watch_adopted() {  # N PID
    [ -n "$pid_watch" ] || return 0
    tail --pid="$2" -s 0.25 -f /dev/null </dev/null >/dev/null 2>&1 &
    eval "t_watch_$1=\$!"
}

unwatch() {  # N
    eval "_uw_pid=\$t_watch_$1"
    [ -n "$_uw_pid" ] || return 0
    kill "$_uw_pid" 2>/dev/null
    wait "$_uw_pid" 2>/dev/null
    unset "t_watch_$1"
}

untrack() {  # N
    unwatch "$1"
    eval "_ut_slot=\$t_slot_$1 _ut_own=\$t_own_$1"
    if [ "$_ut_slot" -ge 0 ] && [ "$_ut_slot" -lt "$nslots" ]; then
        eval "slot_n_$_ut_slot=\$((slot_n_$_ut_slot - 1))"
        busy=$((busy - 1))
    fi
    [ "$_ut_own" = 1 ] || adopted=$((adopted - 1))
    _ut_rest=
    for _ut_n in $running_ids; do
        [ "$_ut_n" = "$1" ] || _ut_rest="$_ut_rest $_ut_n"
    done
    running_ids=$_ut_rest
    unset "t_pid_$1" "t_ident_$1" "t_slot_$1" "t_own_$1" "t_kill_$1" "t_killed_$1"
}

clear_running() {  # N: everything but running/N.sh
    rm -f "$dir/running/$1.pid" "$dir/running/$1.slot" "$dir/running/$1.ident" \
        "$dir/running/$1.cancel" "$dir/running/.$1.rc" "$dir/running/.$1.pid.tmp"
}

# finish N STATUS: done/N.exit first, so whoever sees done/N.sh finds its status beside it.
finish() {
    write_file "$dir/done/$1.exit" "$2"
    _fi_note=
    if [ -e "$dir/running/$1.cancel" ]; then
        : >"$dir/done/$1.cancelled"
        _fi_note=" (cancelled)"
    fi
    mv -f "$dir/running/$1.sh" "$dir/done/$1.sh"
    clear_running "$1"
}

run_dir_of() {  # FILE: the trial's run folder from its "# tb-run-dir:" line, for the log
    run_dir=
    { read -r _ && read -r run_dir; } 2>/dev/null <"$1"
    case $run_dir in "# tb-run-dir: "*) run_dir=${run_dir#"# tb-run-dir: "} ;; *) run_dir=unknown ;; esac
}

start_trial() {  # N SLOT; returns 1 when a cancel renamed the trial first
    mv "$dir/queue/$1.sh" "$dir/running/$1.sh" 2>/dev/null || return 1
    eval "_st_devices=\$slot_val_$2"
    [ "$_st_devices" = cpu ] && _st_devices=
    _st_resume=
    [ -e "$dir/requeued/$1" ] && _st_resume=1
    printf '%s\n' "$2" >"$dir/running/$1.slot"
    (
        export CUDA_VISIBLE_DEVICES="$_st_devices" TB_SWEEP_SLOT="$2" TB_SWEEP_TRIAL="$1" \
            TB_SWEEP_DIR="$dir"
        [ -z "$_st_resume" ] || export TB_SWEEP_RESUME=1
        # shellcheck disable=SC2086
        exec $reset_int $setsid_cmd sh -c "$trial_shell" tb-trial "$dir/running/$1.sh" \
            "$dir/running/.$1.rc"
    ) </dev/null >>"$dir/logs/$1.log" 2>&1 &
    _st_pid=$!
    ident_of "$_st_pid"
    printf '%s\n' "$ident" >"$dir/running/$1.ident"
    # Atomic but not synced: after a power cut the process is gone anyway.
    printf '%s\n' "$_st_pid" >"$dir/running/.$1.pid.tmp" &&
        mv -f "$dir/running/.$1.pid.tmp" "$dir/running/$1.pid"
    track "$1" "$_st_pid" "$ident" "$2" 1
    run_dir_of "$dir/running/$1.sh"
    log "started $1 on slot $2 (CUDA_VISIBLE_DEVICES=$_st_devices)${_st_resume:+ resuming} pid $_st_pid run $run_dir"
}

# stop_trial N: TERM to the trial's process group now, KILL after the grace period.
stop_trial() {
    eval "_sp_pid=\$t_pid_$1 _sp_kill=\$t_kill_$1 _sp_killed=\$t_killed_$1"
    [ -z "$_sp_kill" ] && [ -z "$_sp_killed" ] || return 0
    : >"$dir/running/$1.cancel"
    signal_trial "$_sp_pid" TERM
    now_s
    eval "t_kill_$1=\$((now + grace))"
    log "cancelling $1: sent TERM to process group $_sp_pid (KILL in ${grace}s)"
}

signal_trial() {  # PID SIGNAL
    if [ -n "$setsid_cmd" ]; then
        kill -s "$2" -- "-$1" 2>/dev/null || kill -s "$2" "$1" 2>/dev/null
    else
        kill -s "$2" "$1" 2>/dev/null
    fi
}

# How a trial that is no longer alive ended: its own child's status from wait; an adopted one's
# from the file its shell left; a KILL we sent is 137; otherwise nobody saw it end: lost.
ended_status() {  # N
    eval "_es_pid=\$t_pid_$1 _es_own=\$t_own_$1 _es_killed=\$t_killed_$1"
    status=
    if [ "$_es_own" = 1 ]; then
        wait "$_es_pid"
        status=$?
        return 0
    fi
    read -r status 2>/dev/null <"$dir/running/.$1.rc"
    valid_id "$status" && return 0
    status=lost
    [ -z "$_es_killed" ] || status=137
}

poll_trials() {
    for _pt_n in $running_ids; do
        eval "_pt_pid=\$t_pid_$_pt_n _pt_ident=\$t_ident_$_pt_n _pt_kill=\$t_kill_$_pt_n"
        if alive "$_pt_pid" "$_pt_ident"; then
            [ -n "$_pt_kill" ] || continue
            now_s
            [ "$now" -ge "$_pt_kill" ] || continue
            signal_trial "$_pt_pid" KILL
            eval "t_kill_$_pt_n= t_killed_$_pt_n=1"
            log "cancelling $_pt_n: it outlived the ${grace}s grace period; sent KILL"
            continue
        fi
        ended_status "$_pt_n"
        eval "e_status_$_pt_n=\$status e_slot_$_pt_n=\$t_slot_$_pt_n"
        untrack "$_pt_n"
        ended="$ended $_pt_n"
    done
}

# The files of the trials poll_trials found ended are moved after the freed slots were filled:
# the next trial starts without waiting for them. Should the scheduler die in between, the
# trial's own running/.N.rc tells the next one how it ended.
ended=
finish_ended() {
    for _fe_n in $ended; do
        eval "_fe_status=\$e_status_$_fe_n _fe_slot=\$e_slot_$_fe_n"
        unset "e_status_$_fe_n" "e_slot_$_fe_n"
        finish "$_fe_n" "$_fe_status"
        log "ended $_fe_n on slot $_fe_slot with status $_fe_status$_fi_note"
    done
    ended=
}

cancel_queued() {  # N
    mv "$dir/queue/$1.sh" "$dir/cancelled/$1.sh" 2>/dev/null && log "cancelled queued $1"
}

handle_cancels() {
    for _hc_file in "$dir"/cancel/*; do
        [ -e "$_hc_file" ] || continue
        _hc_n=${_hc_file##*/}
        if [ "$_hc_n" = all ]; then
            # Kept until the sweep has wound down, so a restarted scheduler goes on cancelling.
            [ -n "$cancel_all" ] || log "cancel all: queued trials go to cancelled/, running ones are stopped"
            cancel_all=1
            continue
        fi
        if ! valid_id "$_hc_n"; then
            log "ignored cancel/$_hc_n: not a trial number or all"
        else
            case " $running_ids " in
                *" $_hc_n "*) stop_trial "$_hc_n" ;;
                *) cancel_queued "$_hc_n" || log "cancel $_hc_n: not queued or running; nothing to do" ;;
            esac
        fi
        rm -f "$_hc_file"
    done
    [ -n "$cancel_all" ] || return 0
    for _hc_q in "$dir"/queue/*.sh; do
        [ -f "$_hc_q" ] || continue
        _hc_n=${_hc_q##*/}
        _hc_n=${_hc_n%.sh}
        valid_id "$_hc_n" && cancel_queued "$_hc_n"
    done
    for _hc_n in $running_ids; do stop_trial "$_hc_n"; done
}

fill_slots() {
    [ -z "$cancel_all" ] && [ "$busy" -lt "$nslots" ] || return 0
    _fs_slot=0
    for _fs_q in "$dir"/queue/*.sh; do
        [ -f "$_fs_q" ] || return 0
        _fs_n=${_fs_q##*/}
        _fs_n=${_fs_n%.sh}
        valid_id "$_fs_n" || continue
        while eval "[ \$slot_n_$_fs_slot -gt 0 ]"; do
            _fs_slot=$((_fs_slot + 1))
            [ "$_fs_slot" -lt "$nslots" ] || return 0
        done
        start_trial "$_fs_n" "$_fs_slot"
        [ "$busy" -lt "$nslots" ] || return 0
    done
}

queue_has_trials() {
    for _qh in "$dir"/queue/*.sh; do
        [ -f "$_qh" ] || continue
        _qh=${_qh##*/}
        valid_id "${_qh%.sh}" && return 0
    done
    return 1
}

# At start: whatever running/ holds was left by a scheduler that is gone. A trial whose process
# lives is adopted; one that ended meanwhile is finished with the status it left; one whose
# process vanished without a status (a reboot, a KILL) was interrupted: requeued once with
# requeued/N, lost the second time.
recover() {
    for _rc_file in "$dir"/running/*.sh; do
        [ -f "$_rc_file" ] || continue
        _rc_n=${_rc_file##*/}
        _rc_n=${_rc_n%.sh}
        valid_id "$_rc_n" || continue
        if [ -f "$dir/done/$_rc_n.exit" ]; then  # the last scheduler died while finishing it
            read -r _rc_status <"$dir/done/$_rc_n.exit"
            finish "$_rc_n" "$_rc_status"
            continue
        fi
        _rc_pid=
        _rc_ident=
        _rc_slot=
        read -r _rc_pid 2>/dev/null <"$dir/running/$_rc_n.pid"
        read -r _rc_ident 2>/dev/null <"$dir/running/$_rc_n.ident"
        read -r _rc_slot 2>/dev/null <"$dir/running/$_rc_n.slot"
        valid_id "$_rc_slot" || _rc_slot=-1
        if alive "$_rc_pid" "$_rc_ident"; then
            track "$_rc_n" "$_rc_pid" "$_rc_ident" "$_rc_slot" 0
            watch_adopted "$_rc_n" "$_rc_pid"
            log "adopted $_rc_n on slot $_rc_slot: its process $_rc_pid still runs"
            if [ -e "$dir/running/$_rc_n.cancel" ]; then
                rm -f "$dir/running/$_rc_n.cancel"
                stop_trial "$_rc_n"
            fi
            continue
        fi
        _rc_status=
        read -r _rc_status 2>/dev/null <"$dir/running/.$_rc_n.rc"
        if valid_id "$_rc_status"; then
            finish "$_rc_n" "$_rc_status"
            log "ended $_rc_n on slot $_rc_slot with status $_rc_status$_fi_note while no scheduler ran"
        elif [ -e "$dir/requeued/$_rc_n" ] || [ -e "$dir/running/$_rc_n.cancel" ]; then
            finish "$_rc_n" lost
            log "lost $_rc_n: interrupted again (or while being cancelled); not requeued$_fi_note"
        else
            # The marker first: a crash between the two steps makes the trial lost, never a
            # second fresh start over its own checkpoints.
            : >"$dir/requeued/$_rc_n"
            mv -f "$_rc_file" "$dir/queue/$_rc_n.sh"
            clear_running "$_rc_n"
            log "requeued $_rc_n: its process $_rc_pid is gone (interrupted); it resumes with TB_SWEEP_RESUME=1"
        fi
    done
    # Leftovers of a trial that was finished half-way (its .sh already moved on).
    for _rc_file in "$dir"/running/* "$dir"/running/.[!.]*; do
        [ -f "$_rc_file" ] || continue
        _rc_n=${_rc_file##*/}
        _rc_n=${_rc_n#.}
        _rc_n=${_rc_n%%.*}
        valid_id "$_rc_n" && [ ! -e "$dir/running/$_rc_n.sh" ] && rm -f "$_rc_file"
    done
}

# --- early stopping ---

# With an early_stop file (docs/SWEEPS.md, "Early stopping") the sweep's stop rule runs every
# 10 s while trials run: the script beside this one named like it with -stop (tb-sweep-stop.sh;
# .tb-sweep-stop.sh beside an uploaded .tb-sweep.sh). It asks for stops the way the app does,
# with cancel/N, and what it prints goes to the log.
stop_rule=${0%.sh}-stop.sh
stop_next=0
run_stop_rule() {
    [ -n "$running_ids" ] && [ -f "$dir/early_stop" ] && [ -f "$stop_rule" ] || return 0
    now_s
    [ "$now" -ge "$stop_next" ] || return 0
    stop_next=$((now + 10))
    sh "$stop_rule" "$dir" 2>&1 | while IFS= read -r _sr_line; do log "early stop: $_sr_line"; done
}

# --- waiting ---

# Sleeping is one `sleep` child per tick. A trial of ours that ends wakes the wait at once
# (SIGCHLD interrupts dash's `wait`), as does the watcher of an adopted one, so ticks can be
# long: 1 s for new queue files and cancels; 0.5 s where SIGCHLD does not wake the wait, or an
# adopted trial runs and there is no watcher.
ticker=
woke=
tick() {
    if [ -z "$ticker" ]; then
        _tk_len=$long_tick
        [ -n "$chld_wakes" ] && { [ "$adopted" -eq 0 ] || [ -n "$pid_watch" ]; } ||
            _tk_len=$short_tick
        sleep "$_tk_len" &
        ticker=$!
    fi
    [ -z "$woke" ] || return 0
    wait "$ticker"
    [ $? -gt 128 ] || ticker=
}

probe_chld_wakes() {  # SHORT LONG: does a child's end interrupt `wait` on another?
    woke=
    sleep "$1" &
    _pc_short=$!
    sleep "$2" &
    _pc_long=$!
    if [ -n "$woke" ]; then
        _pc_rc=early  # the short one ended before the wait began: undecided
    else
        wait "$_pc_long"
        _pc_rc=$?
    fi
    # Quietly: dash reports a killed background job ("Terminated") when it is waited for.
    kill "$_pc_long" 2>/dev/null
    wait "$_pc_long" 2>/dev/null
    wait "$_pc_short"
    [ "$_pc_rc" != early ] || return 1
    [ "$_pc_rc" -le 128 ] || chld_wakes=1
    return 0
}

leave() {  # STATUS
    [ -z "$ticker" ] || kill "$ticker" 2>/dev/null
    for _lv_n in $running_ids; do unwatch "$_lv_n"; done
    release_lock
    exit "$1"
}

# --- main ---

short_sleep=0.1
sleep 0.01 2>/dev/null || short_sleep=1
for d in queue running 'done' cancelled cancel requeued logs; do
    mkdir -p "$dir/$d" || {
        echo "tb-sweep: cannot create $dir/$d" >&2
        exit 2
    }
done
acquire_lock
case $? in 0) ;; 1) exit 0 ;; *) exit 2 ;; esac
# From here on nothing needs a terminal or the launcher's pipes, which may close with the SSH
# link; stray complaints of the tools land in the log (lines without a timestamp).
exec </dev/null >>"$log_file" 2>&1
stop_sig=
trap 'stop_sig=TERM' TERM
trap 'stop_sig=INT' INT
trap : HUP

if ! read_slots; then
    set_state failed
    leave 2
fi
log "scheduler $$ started (slots: $nslots, grace ${grace}s)"

trap 'woke=1' CHLD
chld_wakes=
long_tick=1
short_tick=0.5
if [ "$short_sleep" = 1 ]; then
    short_tick=1
else
    probe_chld_wakes 0.05 0.5 || probe_chld_wakes 0.3 1
fi

cancel_all=
recover
set_state running
while :; do
    woke=
    if [ -n "$stop_sig" ]; then
        log "scheduler $$ stopped by SIG$stop_sig; trials left running: ${running_ids:-none} (a new scheduler adopts them)"
        [ "$stop_sig" = TERM ] && leave 143
        leave 130
    fi
    run_stop_rule
    handle_cancels
    poll_trials
    fill_slots
    finish_ended
    if [ -z "$running_ids" ]; then
        if [ -n "$cancel_all" ]; then
            set_state cancelled
            rm -f "$dir/cancel/all"
            log "sweep cancelled; scheduler $$ exits"
            leave 0
        fi
        if ! queue_has_trials; then
            set_state drained
            release_lock
            # A trial queued between the look and the release would be stranded if the app saw
            # "drained" while this scheduler still held the lock: look once more, and go on if
            # the lock is still to be had.
            if queue_has_trials && mkdir "$lock_dir" 2>/dev/null; then
                printf '%s\n' "$my_owner" >"$lock_dir/owner"
                write_file "$dir/scheduler.pid" "$$"
                set_state running
                continue
            fi
            log "queue drained; scheduler $$ exits"
            [ -z "$ticker" ] || kill "$ticker" 2>/dev/null
            exit 0
        fi
    fi
    tick
done
