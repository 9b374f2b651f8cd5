// The money commands: arm, cancel and watch a run's on-box shutdown countdown
// (remote/shutdown_control.h), and print a host's uptime and what it has cost so far.
#include "cli_shutdown.h"

#include <QDeadlineTimer>
#include <QTimer>

#include <cstdio>
#include <functional>

#include "cli_command_specs.h"
#include "cli_common.h"
#include "cli_host_args.h"
#include "core/runs/await_result.h"
#include "core/runs/fail_text.h"
#include "remote/hosts/cost_meter.h"
#include "remote/hosts/host_store.h"
#include "remote/runs/shutdown_control.h"
#include "remote/ssh/ssh_session_thread.h"

namespace tb::cli {
namespace {

constexpr int kCancelWaitMs = 10000;
constexpr int kCancelReadMs = 300;  // from one answer to the next read

struct Parsed : HostArgs {
    QString run;
    int delay = kDefaultShutdownDelaySeconds;
    QString command;
};

int failWith(const QString& message) {
    printErr(message);
    return 1;
}

Result<Parsed> parse(const ParsedArgs& args) {
    auto host = hostArgs(args);
    if (!host) return host.failure();
    Parsed parsed{*host};
    parsed.command = args.value(QStringLiteral("command"));
    if (args.has(QStringLiteral("delay"))) {
        bool ok = false;
        const QString delay = args.value(QStringLiteral("delay"));
        parsed.delay = delay.toInt(&ok);
        if (!ok || parsed.delay < 0)
            return failText(Text::tr("--delay needs whole seconds, got '%1'").arg(delay));
    }
    if (args.positional.size() != 1 || parsed.host.isEmpty())
        return failText(Text::tr("needs RUN and --host NAME"));
    parsed.run = args.positional.front();
    return parsed;
}

// A run id, or a sweep as .sweeps/ID, lives under the host's runs root; a path is taken as it is.
Result<QString> runDirectory(const RemoteHost& host, const QString& run) {
    const bool sweep =
        run.startsWith(QLatin1String(".sweeps/")) && !run.contains(QLatin1String(".."));
    if (!sweep && (run.contains(QLatin1Char('/')) || run.startsWith(QLatin1Char('~')))) return run;
    if (host.runsRoot.isEmpty())
        return failText(Text::tr("host '%1' has no runs root yet (`trainbench probe %1` sets it); "
                                 "give the run's directory instead")
                            .arg(host.name));
    return host.runsRoot + QLatin1Char('/') + run;
}

// Sends one request through control and waits for its answer; the error names host and run.
Result<ShutdownState> await(ShutdownControl& control, const std::function<void()>& send) {
    QObject listening;  // the connections below end with the wait
    return awaitResult<ShutdownState>(
        [&](auto done) {
            QObject::connect(
                &control, &ShutdownControl::finished, &listening,
                [done](ShutdownControl::Request, const ShutdownState& state) { done(state); });
            QObject::connect(&control, &ShutdownControl::failed, &listening,
                             [done](ShutdownControl::Request, const QString&,
                                    const QString& message) { done(fail(message.toStdString())); });
            send();
        },
        //: what got no answer, as in "the shutdown request got no answer in 120 s"
        Text::tr("the shutdown request").toStdString(), kNoTimeout);
}

// The watcher confirmed the cancel, is gone, or there was nothing to cancel.
bool settled(const ShutdownState& state) {
    return state.isFinal() || state.phase == ShutdownPhase::None || !state.watcherAlive;
}

// After the cancel file is down, reads the box's state again 300 ms after each answer until
// the watcher confirms or is gone; no read starts after 10 s.
Result<ShutdownState> confirmCancel(ShutdownControl& control, const QString& dir,
                                    ShutdownState state) {
    const QDeadlineTimer deadline(kCancelWaitMs);
    while (!settled(state) && !deadline.hasExpired()) {
        auto read = await(control, [&] {
            QTimer::singleShot(kCancelReadMs, &control, [&] { control.readState(dir); });
        });
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

int shutdownCommand(const QString& verb, const ParsedArgs& args) {
    auto parsed = parse(args);
    if (!parsed) return usageError(commandSpec(verb), QString::fromStdString(parsed.error()));
    auto host = findStoredHost(parsed->host);
    if (!host) return failWith(QString::fromStdString(host.error()));
    SshSessionThread thread(host->target, host->name);
    const SshResult connected = connectForCli(thread, *host, parsed->connect);
    if (!connected.ok()) return failWith(connected.message);
    const int status = runShutdown(verb, *parsed, *host, thread);
    thread.disconnectFromHost();
    return status;
}

int costCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("cost"));
    const auto options = connectOptions(args);
    if (!options) return usageError(spec, QString::fromStdString(options.error()));
    if (args.positional.size() != 1) return usageError(spec, Text::tr("cost needs one host NAME"));
    auto host = findStoredHost(args.positional.front());
    if (!host) return failWith(QString::fromStdString(host.error()));
    SshSessionThread thread(host->target, host->name);
    const SshResult connected = connectForCli(thread, *host, *options);
    if (!connected.ok()) return failWith(connected.message);
    QObject listening;  // the connection below ends with the wait
    quint64 id = 0;
    const auto result = awaitResult<ExecResult>(
        [&](auto done) {
            QObject::connect(thread.session(), &SshSession::execFinished, &listening,
                             [&id, done](quint64 requestId, const ExecResult& answer) {
                                 if (requestId == id) done(answer);
                             });
            id = thread.exec(uptimeCommand());  // before the queued answer can arrive
        },
        //: what got no answer, as in "the uptime command got no answer in 120 s"
        Text::tr("the uptime command").toStdString(), kNoTimeout);
    thread.disconnectFromHost();
    //: %1 is a host name, %2 what went wrong there
    const QString onHost = Text::tr("%1: %2");
    if (!result) return failWith(onHost.arg(host->name, QString::fromStdString(result.error())));
    if (!result->ok()) return failWith(onHost.arg(host->name, result->message));
    auto uptime = parseUptime(result->standardOutput);
    if (!uptime) return failWith(onHost.arg(host->name, QString::fromStdString(uptime.error())));
    //: %1 is a host name, %2 how long it has been up (3 h 20 min), %3 what that cost so far
    printOut(
        Text::tr("%1: up %2, %3")
            .arg(host->name, formatUptime(*uptime), formatCostSoFar(host->pricePerHour, *uptime)) +
        QLatin1Char('\n'));
    return 0;
}

}  // namespace tb::cli
