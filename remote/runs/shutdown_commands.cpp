// The shutdown watcher's remote commands and the parser of what they print.
#include "shutdown_commands.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include <algorithm>

#include "core/runs/fail_text.h"
#include "core/runs/name_table.h"
#include "remote/transfer/transfer_remote.h"

// The watcher is embedded in the static tb_core (resources/resources.qrc); Q_INIT_RESOURCE
// must stand outside a namespace.
static void initShutdownWatcher() {
    Q_INIT_RESOURCE(resources);
}

namespace tb {
namespace {

// The shutdown's state as a sentence, and what is wrong with the box's answer about it.
struct ShutdownCommands {
    Q_DECLARE_TR_FUNCTIONS(ShutdownCommands)
};

// $1 is the run directory; "~/..." means the remote home. report() prints the state.
#define TB_SHUTDOWN_PRELUDE                                                                   \
    "dir=$1\n"                                                                                \
    "case $dir in \"~\") dir=$HOME ;; \"~/\"*) dir=$HOME/${dir#\"~/\"} ;; esac\n"             \
    "[ -d \"$dir\" ] || { echo \"no run directory $dir\" >&2; exit 3; }\n"                    \
    "dir=$(cd \"$dir\" && pwd -P) || exit 3\n"                                                \
    "report() {\n"                                                                            \
    "    j=\n"                                                                                \
    "    if [ -f \"$dir/shutdown.json\" ]; then IFS= read -r j <\"$dir/shutdown.json\"; fi\n" \
    "    pid=$(printf '%s' \"$j\" | sed -n 's/.*\"pid\":\\([0-9][0-9]*\\).*/\\1/p')\n"        \
    "    alive=0\n"                                                                           \
    "    if [ -n \"$pid\" ] && [ \"$pid\" -gt 0 ] &&\n"                                       \
    "        { [ -d \"/proc/$pid\" ] || kill -0 \"$pid\" 2>/dev/null; }; then alive=1; fi\n"  \
    "    printf 'dir %s\\nnow %s\\nalive %s\\n' \"$dir\" \"$(date +%s)\" \"$alive\"\n"        \
    "    if [ -n \"$j\" ]; then printf '%s\\n' \"$j\"; fi\n"                                  \
    "}\n"

const char kArmScript[] = TB_SHUTDOWN_PRELUDE R"sh(
watcher=$dir/.tb-shutdown-watch.sh
printf '%s' "$2" >"$watcher.tmp-$$" && mv -f "$watcher.tmp-$$" "$watcher" || exit 3
rm -f "$dir/shutdown.cancel"
printf '%s\n' "$6" >"$dir/.shutdown.json.tmp-$$" &&
    mv -f "$dir/.shutdown.json.tmp-$$" "$dir/shutdown.json" || exit 3
if command -v setsid >/dev/null 2>&1; then
    setsid nohup sh "$watcher" "$dir" "$3" "$4" "$5" "$7" "$8" </dev/null >/dev/null 2>&1 &
else
    nohup sh "$watcher" "$dir" "$3" "$4" "$5" "$7" "$8" </dev/null >/dev/null 2>&1 &
fi
report
)sh";

const char kCancelScript[] = TB_SHUTDOWN_PRELUDE R"sh(
: >"$dir/shutdown.cancel" || exit 3
report
)sh";

const char kReadScript[] = TB_SHUTDOWN_PRELUDE R"sh(
report
)sh";

// None is left out: a watcher never writes "none", so a file that says it is not understood.
constexpr EnumName<ShutdownPhase> kPhaseNames[] = {
    {ShutdownPhase::Waiting, "waiting"},     {ShutdownPhase::Counting, "counting"},
    {ShutdownPhase::Executing, "executing"}, {ShutdownPhase::Cancelled, "cancelled"},
    {ShutdownPhase::Done, "done"},           {ShutdownPhase::Failed, "failed"}};

QString minutesAndSeconds(qint64 seconds) {
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

// Year 33658: later than any clock a box will show, small enough that differences of two
// such times cannot overflow.
constexpr qint64 kLatestSecond = qint64(1) << 40;

Result<void> readJson(const QByteArray& line, ShutdownState& state) {
    const QJsonDocument document = QJsonDocument::fromJson(line);
    const QString file = state.runDir + QStringLiteral("/shutdown.json");
    if (!document.isObject())
        return failText(
            ShutdownCommands::tr("%1 is not a JSON object; arm the shutdown again").arg(file));
    const QJsonObject object = document.object();
    const QString name = object.value(QStringLiteral("state")).toString();
    const std::optional<ShutdownPhase> phase = valueNamed(name, kPhaseNames);
    state.phase = phase.value_or(ShutdownPhase::None);
    if (!phase)
        return failText(ShutdownCommands::tr("unknown state '%1' in %2; arm the shutdown again")
                            .arg(name, file));
    // Epoch seconds, from a file on the box: a deadline of 1e300 must not reach a cast to
    // qint64 (undefined) or secondsLeft()'s subtraction (overflow).
    const QJsonValue deadline = object.value(QStringLiteral("deadline"));
    state.deadline = deadline.isUndefined() || deadline.isNull() ? 0 : deadline.toInteger(-1);
    if (state.deadline < 0 || state.deadline > kLatestSecond)
        return failText(
            ShutdownCommands::tr("%1 has a deadline that is not a time; arm the shutdown again")
                .arg(file));
    state.delaySeconds = object.value(QStringLiteral("delay")).toInt();
    state.command = object.value(QStringLiteral("command")).toString();
    state.runState = object.value(QStringLiteral("run_state")).toString();
    state.message = object.value(QStringLiteral("message")).toString();
    state.watcherPid = std::max<qint64>(0, object.value(QStringLiteral("pid")).toInteger());
    const QJsonValue code = object.value(QStringLiteral("exit_code"));
    if (code.isDouble()) state.exitCode = code.toInt();
    return {};
}

}  // namespace

QString shutdownPhaseName(ShutdownPhase phase) {
    return nameOf(phase, kPhaseNames, "none");
}

qint64 ShutdownState::secondsLeft() const {
    if (phase != ShutdownPhase::Counting) return 0;
    return std::max<qint64>(0, deadline - boxNow);
}

bool ShutdownState::isFinal() const {
    return phase == ShutdownPhase::Cancelled || phase == ShutdownPhase::Done ||
           phase == ShutdownPhase::Failed;
}

QString describeShutdown(const ShutdownState& state) {
    //: Put between the sentence and its "; cancel with ..." part, where the watcher is gone
    const QString notRunning = state.watcherAlive
                                   ? QString()
                                   : ShutdownCommands::tr(
                                         " (the watcher is not running on the box: arm "
                                         "again)");
    switch (state.phase) {
        case ShutdownPhase::None:
            return ShutdownCommands::tr("no shutdown armed for this run");
        case ShutdownPhase::Waiting:
            //: %1 is the shutdown command, %2 the delay (m:ss), %3 the note that the watcher
            //: is not running (or nothing), %4 the run's folder on the box
            return ShutdownCommands::tr(
                       "`%1` %2 after the run ends%3; cancel with `trainbench "
                       "shutdown-cancel` or `touch %4/shutdown.cancel` on the box")
                .arg(state.command, minutesAndSeconds(state.delaySeconds), notRunning,
                     state.runDir);
        case ShutdownPhase::Counting:
            //: %1 is the shutdown command, %2 the time left (m:ss), %3 the run's final state
            //: (finished, failed, ...), %4 the note that the watcher is not running (or
            //: nothing), %5 the run's folder on the box
            return ShutdownCommands::tr(
                       "`%1` in %2 (the run is %3)%4; cancel with `trainbench "
                       "shutdown-cancel` or `touch %5/shutdown.cancel` on the box")
                .arg(state.command, minutesAndSeconds(state.secondsLeft()), state.runState,
                     notRunning, state.runDir);
        case ShutdownPhase::Executing:
            return ShutdownCommands::tr("running `%1` now").arg(state.command);
        case ShutdownPhase::Cancelled:
            return ShutdownCommands::tr("shutdown cancelled");
        case ShutdownPhase::Done:
            return ShutdownCommands::tr("`%1` ran").arg(state.command);
        case ShutdownPhase::Failed:
            return ShutdownCommands::tr("shutdown failed: %1").arg(state.message);
    }
    return {};
}

QByteArray shutdownWatcherScript() {
    initShutdownWatcher();
    QFile file(QStringLiteral(":/trainbench-remote/tb-shutdown-watch.sh"));
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

QString newShutdownToken() {
    return QUuid::createUuid().toString(QUuid::Id128);
}

RemoteCommand armShutdownCommand(const QString& runDir, const QByteArray& watcher, int delaySeconds,
                                 const QString& command, const QString& token, int pollSeconds,
                                 int staleSeconds) {
    // The state until the watcher writes its own; "token" is followed by another key, as the
    // watcher's ownership check expects.
    const QJsonObject initial{{QStringLiteral("state"), shutdownPhaseName(ShutdownPhase::Waiting)},
                              {QStringLiteral("deadline"), 0},
                              {QStringLiteral("delay"), delaySeconds},
                              {QStringLiteral("command"), command},
                              {QStringLiteral("token"), token},
                              {QStringLiteral("updated"), 0},
                              {QStringLiteral("pid"), 0},
                              {QStringLiteral("message"), QStringLiteral("starting the watcher")}};
    const QString json = QString::fromUtf8(QJsonDocument(initial).toJson(QJsonDocument::Compact));
    return remoteScript(kArmScript,
                        {runDir, QString::fromUtf8(watcher), QString::number(delaySeconds), command,
                         token, json, QString::number(pollSeconds), QString::number(staleSeconds)});
}

RemoteCommand cancelShutdownCommand(const QString& runDir) {
    return remoteScript(kCancelScript, {runDir});
}

RemoteCommand readShutdownCommand(const QString& runDir) {
    return remoteScript(kReadScript, {runDir});
}

Result<ShutdownState> parseShutdownState(const QByteArray& output) {
    ShutdownState state;
    const QList<QByteArray> lines = output.split('\n');
    int index = 0;
    const auto take = [&](const char* key) -> std::optional<QByteArray> {
        const QByteArray prefix = QByteArray(key) + ' ';
        if (index >= lines.size() || !lines.at(index).startsWith(prefix)) return std::nullopt;
        return lines.at(index++).mid(prefix.size());
    };
    const auto dir = take("dir");
    const auto now = take("now");
    const auto alive = take("alive");
    if (!dir || !now || !alive)
        return failText(ShutdownCommands::tr("the box answered the shutdown command with "
                                             "something unexpected: %1")
                            .arg(QString::fromUtf8(output.left(200))));
    state.runDir = QString::fromUtf8(*dir);
    bool nowOk = false;
    state.boxNow = now->toLongLong(&nowOk);
    if (!nowOk || state.boxNow < 0 || state.boxNow > kLatestSecond)
        return failText(ShutdownCommands::tr("the box's clock answered '%1' to the shutdown "
                                             "command, which is not a time")
                            .arg(QString::fromUtf8(now->left(40))));
    state.watcherAlive = *alive == "1";
    const QByteArray json = index < lines.size() ? lines.at(index).trimmed() : QByteArray();
    if (json.isEmpty()) return state;
    if (auto read = readJson(json, state); !read) return read.failure();
    return state;
}

}  // namespace tb
