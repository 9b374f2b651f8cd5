// The Slurm shell functions (see slurm_run_scripts.h). Plain POSIX sh.
#include "slurm_run_scripts.h"

namespace tb {

const char kSlurmSubmitFunction[] = R"sh(
slurm_submit() {
    d=$1
    n=$2
    shift 2
    if ! command -v sbatch >/dev/null 2>&1; then
        echo 'sbatch is not on the PATH of this host: is it a Slurm login node?' >&2
        rm -rf -- "$d"
        exit 6
    fi
    if ! o=$(sbatch --parsable --job-name="$n" --output="$d/slurm.out" --chdir="$d" "$@" \
        "$d/.tb-job.sh" 2>&1); then
        printf '%s\n' "$o" >&2
        rm -rf -- "$d"
        exit 6
    fi
    # --parsable prints "JOB" or "JOB;CLUSTER" last, after any warnings.
    j=$(printf '%s\n' "$o" | tail -n 1)
    j=${j%%;*}
    case $j in
        '' | *[!0-9]*)
            printf '%s\n' "$o" >&2
            rm -rf -- "$d"
            exit 6
            ;;
    esac
    if ! printf '%s' "$j" >"$d/slurm_job"; then
        scancel "$j"
        rm -rf -- "$d"
        exit 3
    fi
    echo "slurm $j"
    exit 0
}
)sh";

const char kSlurmStateFunctions[] = R"sh(
slurm_job() {
    job=
    if [ -f "$1/slurm_job" ]; then IFS= read -r job <"$1/slurm_job"; fi
    case $job in '' | *[!0-9]*) job=; return 1 ;; esac
}
slurm_live() {
    case ${sl%% *} in
        BOOT_FAIL | CANCELLED | COMPLETED | DEADLINE | FAILED | GONE | NODE_FAIL | \
            OUT_OF_MEMORY | PREEMPTED | REVOKED | SPECIAL_EXIT | TIMEOUT) return 1 ;;
    esac
    return 0
}
slurm_state() {
    sl=
    if [ -f "$1/slurm_state" ]; then
        IFS= read -r sl <"$1/slurm_state"
        return 0
    fi
    if o=$(squeue -h -j "$job" -t all -o '%T %r' 2>&1); then
        sl=$(printf '%s\n' "$o" | grep -m 1 -E '^[A-Z_]+ ')
    else
        case $o in
            *'Invalid job id'*)
                sl=$(sacct -n -X -P -j "$job" -o State 2>/dev/null | head -n 1)
                sl=${sl%% *}
                case $sl in '' | *[!A-Z_]*) sl=GONE ;; esac
                sl="$sl None"
                ;;
        esac
    fi
    if [ -n "$sl" ] && ! slurm_live; then slurm_settle "$1"; fi
}
slurm_settle() {
    printf '%s\n' "$sl" >"$1/.slurm_state.tmp-$$" && mv -f "$1/.slurm_state.tmp-$$" "$1/slurm_state"
    st=
    if [ -f "$1/status.json" ]; then IFS= read -r st <"$1/status.json"; fi
    case $st in
        *'"state":"queued"'* | *'"state":"starting"'* | *'"state":"running"'*) ;;
        *) return 0 ;;
    esac
    case ${sl%% *} in
        CANCELLED | DEADLINE | PREEMPTED | TIMEOUT) to=stopped ;;
        GONE) to=lost ;;
        *) to=failed ;;
    esac
    printf '%s\n' "$st" | sed -e "s/\"state\":\"[a-z]*\"/\"state\":\"$to\"/" \
        -e "s/\"ended\":0\(\.0*\)\{0,1\}\([,}]\)/\"ended\":$(date +%s)\2/" \
        >"$1/.status.json.tmp-$$" && mv -f "$1/.status.json.tmp-$$" "$1/status.json"
}
)sh";

}  // namespace tb
