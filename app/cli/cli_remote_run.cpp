// trainbench run CONFIG --host NAME: connect (settling host key and password on the terminal),
// launch through RemoteBackend, then follow with RemoteFollower and a progress line; the
// follower rides out dropped connections while HostConnection reconnects.
#include "cli_remote_run.h"

#include <QDir>

#include <cstdio>

#include "cli_command_specs.h"
#include "cli_commands.h"
#include "cli_common.h"
#include "cli_host_args.h"
#include "cli_host_backend.h"
#include "cli_prepare.h"
#include "cli_sync.h"
#include "core/runs/await_result.h"
#include "core/runs/fail_text.h"
#include "remote/hosts/slurm_options.h"
#include "remote/runs/remote_backend.h"
#include "remote/runs/remote_follow.h"
#include "remote/ssh/host_connection.h"
#include "run_follower.h"

namespace tb::cli {
namespace {

struct RemoteRunArgs : HostLaunchArgs {
    LaunchRequest request;  // the config path is filled in, sets and a script's fields too
    QString syncFrom;       // a local code folder mirrored into the work dir first
    bool yes = false;       // the sync sends whatever its size
};

Result<RemoteRunArgs> remoteRunArgs(const ParsedArgs& args) {
    auto launch = hostLaunchArgs(args);
    if (!launch) return launch.failure();
    RemoteRunArgs parsed{*launch};
    LaunchRequest& request = parsed.request;
    request.sets = args.values(QStringLiteral("set"));
    // Your own command instead of the trainer (paths are on the host).
    request.command = args.value(QStringLiteral("command"));
    request.workDir = args.value(QStringLiteral("workdir"));
    request.envLine = args.value(QStringLiteral("env"));
    request.metricsRegex = args.value(QStringLiteral("metrics-regex"));
    request.tensorboardDir = args.value(QStringLiteral("tensorboard"));
    if (auto notebook = notebookOption(args, request); !notebook) return notebook.failure();
    auto processes = processesPerNode(args);
    if (!processes) return processes.failure();
    request.processes = *processes;
    request.slurm = args.value(QStringLiteral("slurm"));
    if (args.has(QStringLiteral("slurm"))) {
        if (auto slurm = parseSlurmOptions(request.slurm); !slurm)
            return fail("--slurm: " + slurm.error(), kExitUsage);
        if (request.slurm.isEmpty()) request.slurm = QStringLiteral(",");  // the host's settings
    }
    QStringList configs = args.positional;
    if (args.has(QStringLiteral("config"))) configs.append(args.value(QStringLiteral("config")));
    if (parsed.host.isEmpty()) return failText(Text::tr("needs --host NAME"), kExitUsage);
    parsed.syncFrom = args.value(QStringLiteral("sync"));
    parsed.yes = args.has(QStringLiteral("yes"));
    if (args.has(QStringLiteral("sync")) &&
        (request.workDir.isEmpty() || parsed.syncFrom.isEmpty()))
        return failText(
            Text::tr("--sync LOCAL needs --workdir DIR: the folder on the host it is mirrored to"),
            kExitUsage);
    const bool script = !request.command.isEmpty();
    if (configs.size() > 1 || (!script && configs.size() != 1))
        return failText(
            script ? Text::tr("takes at most one CONFIG") : Text::tr("needs one CONFIG"),
            kExitUsage);
    if (!configs.isEmpty()) request.configPath = QDir::current().absoluteFilePath(configs.front());
    parsed.setup.needed = request.needsTrainer();
    return parsed;
}

}  // namespace

int followRemoteRun(RemoteBackend& backend, const QString& id) {
    RemoteFollower follower(&backend, id, nullptr);
    ProgressLine progress;
    QObject::connect(&follower, &RemoteFollower::metricsLines,
                     [&](const QByteArray& lines) { progress.takeLines(lines); });
    QObject::connect(&follower, &RemoteFollower::lineSkipped,
                     [](const QString& message) { printErr(message); });
    // One line when the link goes and one when it is back: a reconnect is tried every second
    // or so for as long as the link is down, and each try is not news.
    ConnectionState shown = ConnectionState::Connected;
    QObject::connect(backend.connection(), &HostConnection::stateChanged,
                     [&shown, &backend](ConnectionState state, const QString& message) {
                         if (state == shown) return;
                         if (state == ConnectionState::Connected)
                             //: %1 is the host's name
                             printErr(Text::tr("connected to %1 again; following goes on")
                                          .arg(backend.settings().name));
                         else
                             printErr(message);
                         shown = state;
                     });
    // A Slurm job waiting in the queue says why, each time the reason changes.
    QString shownWait;
    QObject::connect(&follower, &RemoteFollower::statusChanged, [&shownWait](const RunInfo& run) {
        if (run.state != RunState::Queued || run.message.isEmpty() || run.message == shownWait)
            return;
        shownWait = run.message;
        printErr(terminalSafe(run.message));  // the box's words
    });
    watchInterrupt();
    follower.start();
    // Until the run ends, Ctrl-C (a flag, so looked at every 100 ms) or the link is given up.
    (void)awaitCondition(
        [&] {
            return follower.isFinished() || interrupted() ||
                   backend.connection()->state() == ConnectionState::Offline;
        },
        kNoTimeout, 100, Change{&follower, &RemoteFollower::finished},
        Change{backend.connection(), &HostConnection::stateChanged});
    if (!follower.isFinished()) {
        printOut(QStringLiteral("\n"));
        //: %1 is a run id, %2 the host's name
        printErr(
            Text::tr("stopped following; run %1 goes on on %2").arg(id, backend.settings().name));
        return interrupted() ? 130 : 1;
    }
    progress.show(true);
    const RunInfo& info = follower.status();
    const std::string_view name = runStateName(info.state);
    const QString state = QString::fromLatin1(name.data(), qsizetype(name.size()));
    const QString& host = backend.settings().name;
    const QString summary =
        info.message.isEmpty()
            //: %1 is a run id, %2 its state as scripts read it (finished, failed, stopped,
            //: lost), %3 the host's name
            ? Text::tr("run %1 %2 on %3").arg(id, state, host)
            //: %1 is a run id, %2 its state as scripts read it (finished, failed, stopped,
            //: lost), %3 the host's name, %4 the run's last message
            : Text::tr("run %1 %2 on %3: %4").arg(id, state, host, info.message);
    printOut(terminalSafe(summary) + QLatin1Char('\n'));  // the message is the box's
    return exitStatusOf(info);
}

int remoteRunCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("run"));
    if (args.has(QStringLiteral("runs-root")))
        return usageError(spec, Text::tr("--runs-root does not go with --host: the run goes "
                                         "into the host's runs root"));
    auto parsed = remoteRunArgs(args);
    if (!parsed) return usageError(spec, QString::fromStdString(parsed.error()));
    auto host = connectHostBackend(parsed->host, parsed->connect, parsed->trainer, parsed->setup);
    if (!host) {
        printErr(QString::fromStdString(host.error()));
        return host.failure().code == 130 ? 130 : 1;
    }
    RemoteBackend& backend = *host->backend;
    if (!parsed->syncFrom.isEmpty()) {
        auto code = syncForCli(*host->connection->session(), parsed->syncFrom,
                               parsed->request.workDir, parsed->yes);
        if (!code) {
            printErr(QString::fromStdString(code.error()));
            return code.failure().code == 130 ? 130 : 1;
        }
        parsed->request.code = *code;
    }
    auto id = backend.launch(parsed->request);
    if (!id) {
        printErr(QString::fromStdString(id.error()));
        return 1;
    }
    printOut(*id + QLatin1Char('\n'));  // alone on the first line, for scripts
    return parsed->detach ? 0 : followRemoteRun(backend, *id);
}

}  // namespace tb::cli
