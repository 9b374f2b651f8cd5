#!/bin/sh
# tb-sweep-stop.sh: the median stopping rule of a sweep (docs/SWEEPS.md, Early stopping), run by
# tb-sweep.sh every few seconds while trials run. A running trial whose metric at epoch k (its
# k-th record of the metric) is worse than the median of the finished trials' k-th values is
# stopped through cancel/N, like a cancel (SIGTERM: the trainer saves a checkpoint first), and
# stopped/N says why. Never before min_epochs records; only trials that finished (exit 0) count.
#
# usage: tb-sweep-stop.sh SWEEP_DIR    (reads SWEEP_DIR/early_stop: "METRIC GOAL MIN_EPOCHS")
# Plain POSIX sh and awk (mawk, gawk, busybox); prints one line per trial it stops.

dir=${1:?usage: tb-sweep-stop.sh SWEEP_DIR}
export LC_ALL=C
[ -f "$dir/early_stop" ] || exit 0
read -r metric goal min_epochs <"$dir/early_stop" || exit 0
case $goal in min | max) ;; *) exit 2 ;; esac
case $min_epochs in '' | *[!0-9]*) exit 2 ;; esac
case $metric in '' | *[!A-Za-z0-9_./-]*) exit 2 ;; esac

# The metric's values in record order, one line: the key as text ("KEY":), the number after it.
values() {
    awk -v k="\"$metric\"" '
        { i = index($0, k); if (!i) next
          s = substr($0, i + length(k)); sub(/^[ \t]*:[ \t]*/, "", s)
          if (!match(s, /^-?[0-9][0-9.]*([eE][-+]?[0-9]+)?/)) next
          printf "%s%s", (n++ ? " " : ""), substr(s, 1, RLENGTH) }
        END { printf "\n" }' "$1/metrics.jsonl" 2>/dev/null
}

run_dir() { sed -n '2s/^# tb-run-dir: //p' "$1" | head -c 4096; }

{
    for f in "$dir"/done/*.sh; do
        [ -f "$f" ] || continue
        n=${f##*/}
        n=${n%.sh}
        read -r status <"$dir/done/$n.exit" 2>/dev/null || continue
        [ "$status" = 0 ] && [ ! -e "$dir/done/$n.cancelled" ] || continue
        r=$(run_dir "$f")
        [ -d "$r" ] && printf 'F %s\n' "$(values "$r")"
    done
    for f in "$dir"/running/*.sh; do
        [ -f "$f" ] || continue
        n=${f##*/}
        n=${n%.sh}
        [ -e "$dir/stopped/$n" ] && continue
        r=$(run_dir "$f")
        [ -d "$r" ] && printf 'R %s %s\n' "$n" "$(values "$r")"
    done
} | awk -v goal="$goal" -v min="$min_epochs" '
    $1 == "F" { for (i = 2; i <= NF; i++) { k = i - 1; v[k, c[k]++] = $i + 0 } }
    $1 == "R" && NF >= 3 { r++; id[r] = $2; at[r] = NF - 2; last[r] = $NF + 0 }
    END {
        for (j = 1; j <= r; j++) {
            k = at[j]
            if (k < min || c[k] < 1) continue
            m = c[k]
            for (a = 0; a < m; a++) s[a] = v[k, a]
            for (a = 1; a < m; a++) {  # insertion sort: a handful of finished trials
                x = s[a]; b = a - 1
                while (b >= 0 && s[b] > x) { s[b + 1] = s[b]; b-- }
                s[b + 1] = x
            }
            med = (m % 2) ? s[(m - 1) / 2] : (s[m / 2 - 1] + s[m / 2]) / 2
            if ((goal == "min" && last[j] > med) || (goal == "max" && last[j] < med))
                printf "%s %d %.6g %.6g %d\n", id[j], k, last[j], med, m
        }
    }' | while read -r n k value median count; do
    mkdir -p "$dir/stopped" "$dir/cancel" || exit 3
    printf '%s %s at epoch %s is worse than the median %s of %s finished trials there\n' \
        "$metric" "$value" "$k" "$median" "$count" >"$dir/stopped/.$n.tmp" &&
        mv -f "$dir/stopped/.$n.tmp" "$dir/stopped/$n"
    : >"$dir/cancel/$n"
    echo "stopped $n: $(cat "$dir/stopped/$n")"
done
exit 0
