// Sweep scripts for a host: POSIX sh (dash, bash, busybox), LC_ALL=C so ${#var} counts bytes
// for the frames; what they read from the sweep folder is capped (head -c).

#include "remote_sweep_scripts.h"

#include "remote_run_scripts.h"

namespace tb {

namespace {

const char kCreateScript[] = TB_ROOT_PRELUDE TB_CLAIM_FUNCTION R"sh(
mkdir -p "$root/.sweeps" || exit 3
root=$(cd "$root" && pwd -P) || exit 3
claim "$root/.sweeps" "$2"
d=$root/.sweeps/$id
if ! { mkdir "$d/queue" && printf '%s' "$3" >"$d/slots" && printf '%s' "$4" >"$d/sweep.yaml" &&
    printf '%s' "$5" >"$d/.tb-sweep.sh" && printf '%s' "$6" >"$d/.tb-sweep-stop.sh" &&
    { [ -z "$7" ] || printf '%s' "$7" >"$d/early_stop"; }; }; then
    rm -rf -- "$d"
    exit 3
fi
printf '%s\n%s\n' "$root" "$id"
)sh";

const char kStartScript[] = R"sh(
d=$1
printf '%s' "$2" >"$d/.sweep.json.tmp-$$" && mv -f "$d/.sweep.json.tmp-$$" "$d/sweep.json" ||
    exit 3
if command -v setsid >/dev/null 2>&1; then
    setsid nohup sh "$d/.tb-sweep.sh" "$d" </dev/null >/dev/null 2>&1 &
else
    nohup sh "$d/.tb-sweep.sh" "$d" </dev/null >/dev/null 2>&1 &
fi
echo started
)sh";

// The metric's count, best and last over metrics.jsonl: the key found as text ("KEY":), the
// number after it; no JSON parser on the box, and the laptop checks every number it gets.
const char kReadScript[] = TB_ROOT_PRELUDE TB_FRAME_FUNCTION R"sh(
d=$root/.sweeps/$2
[ -f "$d/sweep.json" ] || exit 4
frame dir "$(cd "$d" && pwd -P)"
frame sweep "$(head -c 8388608 "$d/sweep.json")"
frame state "$(head -c 64 "$d/state" 2>/dev/null)"
# The metric and goal as the app wrote them into sweep.json (top-level keys, 4 spaces in).
top() { sed -n "s/^    \"$1\": \"\([^\"]*\)\".*/\1/p" "$d/sweep.json" | head -n 1; }
metric=$(top metric)
goal=$(top goal)
for q in queue running done cancelled; do
    for f in "$d/$q"/*.sh; do
        [ -f "$f" ] || continue
        n=${f##*/}
        frame trial "${n%.sh} $q"
        r=$(sed -n '2s/^# tb-run-dir: //p' "$f" | head -c 4096)
        [ -f "$d/stopped/${n%.sh}" ] && frame stopped "$(head -c 512 "$d/stopped/${n%.sh}")"
        [ -n "$r" ] && [ -d "$r" ] || continue
        frame status "$(head -c 65536 "$r/status.json" 2>/dev/null)"
        [ -f "$r/exit_code" ] && frame exit "$(head -c 32 "$r/exit_code")"
        [ -n "$metric" ] || continue
        frame metric "$(awk -v k="\"$metric\"" -v g="$goal" '
            { i = index($0, k); if (!i) next
              s = substr($0, i + length(k)); sub(/^[ \t]*:[ \t]*/, "", s)
              if (!match(s, /^-?[0-9][0-9.]*([eE][-+]?[0-9]+)?/)) next
              v = substr(s, 1, RLENGTH) + 0; n++; last = v
              if (n == 1 || (g == "max" ? v > best : v < best)) best = v }
            END { if (n) printf "%d %.17g %.17g", n, best, last }' "$r/metrics.jsonl" 2>/dev/null)"
    done
done
)sh";

const char kCancelScript[] = TB_ROOT_PRELUDE R"sh(
d=$root/.sweeps/$2
[ -f "$d/sweep.json" ] || exit 4
mkdir -p "$d/cancel" "$d/cancelled" || exit 3
if [ "$3" != all ] && mv "$d/queue/$3.sh" "$d/cancelled/$3.sh" 2>/dev/null; then
    echo cancelled
    exit 0
fi
: >"$d/cancel/$3" || exit 3
echo requested
)sh";

const char kRemoveScript[] = R"sh(
for d in "$@"; do rm -rf -- "$d"; done
)sh";

}  // namespace

RemoteCommand createSweepCommand(const QString& runsRoot, const QString& baseId,
                                 const QStringList& slots, const QByteArray& specText,
                                 const QByteArray& scheduler, const QByteArray& stopRule,
                                 const QByteArray& earlyStop) {
    return shScript(kCreateScript,
                    {runsRoot, baseId, slots.join(QLatin1Char('\n')) + QLatin1Char('\n'),
                     QString::fromUtf8(specText), QString::fromUtf8(scheduler),
                     QString::fromUtf8(stopRule), QString::fromUtf8(earlyStop)});
}

RemoteCommand startSweepCommand(const QString& sweepDir, const QByteArray& sweepJson) {
    return shScript(kStartScript, {sweepDir, QString::fromUtf8(sweepJson)});
}

RemoteCommand readSweepCommand(const QString& runsRoot, const QString& id) {
    return shScript(kReadScript, {runsRoot, id});
}

RemoteCommand cancelSweepCommand(const QString& runsRoot, const QString& id, const QString& trial) {
    return shScript(kCancelScript, {runsRoot, id, trial});
}

RemoteCommand removeSweepCommand(const QString& sweepDir, const QStringList& runDirs) {
    return shScript(kRemoveScript, QStringList{sweepDir} + runDirs);
}

}  // namespace tb
