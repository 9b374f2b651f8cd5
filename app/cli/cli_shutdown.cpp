// The money commands: arm, cancel and watch a run's on-box shutdown countdown
// (remote/shutdown_control.h), and print a host's uptime and what it has cost so far.
#include "cli_shutdown.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <optional>

#include "cli_common.h"
#include "remote/cost_meter.h"
#include "remote/host_store.h"
#include "remote/shutdown_control.h"
#include "remote/ssh_session_thread.h"

namespace tb::cli {
namespace {

constexpr const char* kUsage =
    "usage: trainbench shutdown-after RUN --host NAME [--delay SECONDS] [--command LINE]\n"
    "       trainbench shutdown-cancel RUN --host NAME\n"
    "       trainbench shutdown-status RUN --host NAME\n"
    "       trainbench cost NAME\n"
    "shutdown-after: once RUN ends (any final state) the box counts --delay seconds down\n"
    "(default 300) and runs the host's shutdown command (default `shutdown -h now`, or\n"
    "--command LINE); it happens on the box, so the laptop may sleep. Cancel with\n"
    "shutdown-cancel, or on the box: touch RUN_DIR/shutdown.cancel. RUN is a run id under\n"
    "the host's runs root, or the run's directory on the box.\n"
    "Each also takes --accept-key SHA256:..., --accept-new, --password-stdin.\n";

constexpr int kCancelWaitMs = 10000;

struct Parsed {
    QString run;
    QString host;
    int delay = kDefaultShutdownDelaySeconds;
    QString command;
    ConnectOptions connect;
};

int failWith(const QString& message) {
    printErr(message);
    return 1;
}

int usage(const QString& problem) {
    return usageError(problem, kUsage);
}

Result<Parsed> parse(int argc, char** argv) {
    Parsed parsed;
    auto rest = takeConnectOptions(argc, argv, parsed.connect);
    if (!rest) return rest.failure();
    QStringList positional;
    for (qsizetype i = 0; i < rest->size(); ++i) {
        const QString& arg = rest->at(i);
        const bool hasValue = i + 1 < rest->size();
        if (arg == QLatin1String("--host") && hasValue) {
            parsed.host = rest->at(++i);
        } else if (arg == QLatin1String("--delay") && hasValue) {
            bool ok = false;
            parsed.delay = rest->at(++i).toInt(&ok);
            if (!ok || parsed.delay < 0)
                return fail("--delay needs whole seconds, got '" + rest->at(i).toStdString() + "'");
        } else if (arg == QLatin1String("--command") && hasValue) {
            parsed.command = rest->at(++i);
        } else if (arg.startsWith(QLatin1String("--"))) {
            return fail("unknown or incomplete option '" + arg.toStdString() + "'");
        } else {
            positional.append(arg);
        }
    }
    if (positional.size() != 1 || parsed.host.isEmpty()) return fail("needs RUN and --host NAME");
    parsed.run = positional.front();
    return parsed;
}

// A run id lives under the host's runs root; a path is taken as it is.
Result<QString> runDirectory(const RemoteHost& host, const QString& run) {
    if (run.contains(QLatin1Char('/')) || run.startsWith(QLatin1Char('~'))) return run;
    if (host.runsRoot.isEmpty())
        return fail("host '" + host.name.toStdString() +
                    "' has no runs root yet (`trainbench probe " + host.name.toStdString() +
                    "` sets it); give the run's directory instead");
    return host.runsRoot + QLatin1Char('/') + run;
}

// Sends one request through control and waits for its answer; the error names host and run.
Result<ShutdownState> await(ShutdownControl& control, const std::function<void()>& send) {
    std::optional<Result<ShutdownState>> answer;
    QEventLoop loop;
    QObject::connect(&control, &ShutdownControl::finished, &loop,
                     [&](ShutdownControl::Request, const ShutdownState& state) {
                         answer.emplace(state);
                         loop.quit();
                     });
    QObject::connect(&control, &ShutdownControl::failed, &loop,
                     [&](ShutdownControl::Request, const QString&, const QString& message) {
                         answer.emplace(fail(message.toStdString()));
                         loop.quit();
                     });
    send();
    if (!answer) loop.exec();
    return *answer;
}

// After the cancel file is down, waits (briefly) for the watcher to confirm or to be gone.
Result<ShutdownState> confirmCancel(ShutdownControl& control, const QString& dir,
                                    ShutdownState state) {
    QDeadlineTimer deadline(kCancelWaitMs);
    while (!state.isFinal() && state.phase != ShutdownPhase::None && state.watcherAlive &&
           !deadline.hasExpired()) {
        QEventLoop pause;
        QTimer::singleShot(300, &pause, &QEventLoop::quit);
        pause.exec();
        auto read = await(control, [&] { control.readState(dir); });
        if (!read) return read;
        state = *read;
    }
    return state;
}

int runShutdown(const QString& verb, const Parsed& parsed, const RemoteHost& host,
                SshSessionThread& thread) {
    auto dir = runDirectory(host, parsed.run);
    if (!dir) return failWith(QString::fromStdString(dir.error()));
    ShutdownControl control(&thread, host.name);
    const QString command = parsed.command.isEmpty() ? host.shutdownCommand : parsed.command;
    Result<ShutdownState> state = fail("unknown command");
    if (verb == QLatin1String("shutdown-after"))
        state = await(control, [&] { control.arm(*dir, parsed.delay, command); });
    else if (verb == QLatin1String("shutdown-cancel"))
        state = await(control, [&] { control.cancel(*dir); });
    else
        state = await(control, [&] { control.readState(*dir); });
    if (state && verb == QLatin1String("shutdown-cancel"))
        state = confirmCancel(control, *dir, *state);
    if (!state) return failWith(QString::fromStdString(state.error()));
    printOut(terminalSafe(describeShutdown(*state)) + QLatin1Char('\n'));  // the box's words
    const bool tooLate =
        verb == QLatin1String("shutdown-cancel") &&
        (state->phase == ShutdownPhase::Executing || state->phase == ShutdownPhase::Done);
    return tooLate ? 1 : 0;
}

}  // namespace

int shutdownCommand(int argc, char** argv) {
    const QString verb = QString::fromLocal8Bit(argv[1]);
    auto parsed = parse(argc, argv);
    if (!parsed) return usage(QString::fromStdString(parsed.error()));
    auto host = findStoredHost(parsed->host);
    if (!host) return failWith(QString::fromStdString(host.error()));
    SshSessionThread thread(host->target, host->name);
    const SshResult connected = connectForCli(thread, *host, parsed->connect);
    if (!connected.ok()) return failWith(connected.message);
    const int status = runShutdown(verb, *parsed, *host, thread);
    thread.disconnectFromHost();
    return status;
}

int costCommand(int argc, char** argv) {
    ConnectOptions options;
    auto rest = takeConnectOptions(argc, argv, options);
    if (!rest) return usage(QString::fromStdString(rest.error()));
    if (rest->size() != 1 || rest->front().startsWith(QLatin1String("--")))
        return usage(QStringLiteral("cost needs one host NAME"));
    auto host = findStoredHost(rest->front());
    if (!host) return failWith(QString::fromStdString(host.error()));
    SshSessionThread thread(host->target, host->name);
    const SshResult connected = connectForCli(thread, *host, options);
    if (!connected.ok()) return failWith(connected.message);
    std::optional<ExecResult> result;
    QEventLoop loop;
    quint64 id = 0;  // set below, before the queued answer can arrive
    QObject::connect(thread.session(), &SshSession::execFinished, &loop,
                     [&](quint64 requestId, const ExecResult& r) {
                         if (requestId != id) return;
                         result = r;
                         loop.quit();
                     });
    id = thread.exec(uptimeCommand());
    if (!result) loop.exec();
    thread.disconnectFromHost();
    if (!result->ok()) return failWith(host->name + QStringLiteral(": ") + result->message);
    auto uptime = parseUptime(result->standardOutput);
    if (!uptime)
        return failWith(host->name + QStringLiteral(": ") + QString::fromStdString(uptime.error()));
    printOut(
        QStringLiteral("%1: up %2, %3\n")
            .arg(host->name, formatUptime(*uptime), formatCostSoFar(host->pricePerHour, *uptime)));
    return 0;
}

}  // namespace tb::cli
