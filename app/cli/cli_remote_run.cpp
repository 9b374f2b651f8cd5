// trainbench run CONFIG --host NAME: connect (settling host key and password on the terminal),
// launch through RemoteBackend, then follow with RemoteFollower and a progress line; the
// follower rides out dropped connections while HostConnection reconnects.
#include "cli_remote_run.h"

#include <QDir>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>

#include "cli_common.h"
#include "cli_host_backend.h"
#include "cli_prepare.h"
#include "remote/host_connection.h"
#include "remote/remote_backend.h"
#include "remote/remote_follow.h"
#include "run_follower.h"

namespace tb::cli {
namespace {

constexpr const char* kUsage =
    "usage: trainbench run CONFIG --host NAME [--trainer PATH] [--detach] [--set k=v ...]\n"
    "                  [--accept-key SHA256:...] [--accept-new] [--password-stdin]\n"
    "                  [--no-prepare] [--install-tools] [--cache-dir DIR] ...\n"
    "       trainbench run --command 'LINE' --host NAME [--config CONFIG] [--workdir DIR]\n"
    "                  [--env 'LINE'] [--metrics-regex RE] [...the options above]\n"
    "The run goes into the host's runs root (trainbench hosts add ... --remote-root DIR,\n"
    "default ~/trainbench). --trainer is trainbench-train on the host (default: the one\n"
    "`trainbench prepare NAME` built). A host never prepared is prepared first, with the\n"
    "options of `trainbench prepare`; --no-prepare refuses instead.\n";

struct RemoteRunArgs {
    QString config;
    QString host;
    QString trainer;  // empty: the prepared one, else trainbench-train on the PATH
    QStringList sets;
    bool detach = false;
    ConnectOptions connect;
    // Your own command instead of the trainer (paths are on the host).
    QString command;
    QString workDir;
    QString envLine;
    QString metricsRegex;
    TrainerSetup setup;  // what to do on a host never prepared
};

Result<RemoteRunArgs> parse(int argc, char** argv) {
    RemoteRunArgs parsed;
    auto rest = takeConnectOptions(argc, argv, parsed.connect);
    if (!rest) return rest.failure();
    QStringList positional;
    for (qsizetype i = 0; i < rest->size(); ++i) {
        const QString& arg = rest->at(i);
        const bool hasValue = i + 1 < rest->size();
        if (arg == QLatin1String("--host") && hasValue) {
            parsed.host = rest->at(++i);
        } else if (arg == QLatin1String("--trainer") && hasValue) {
            parsed.trainer = rest->at(++i);
        } else if (arg == QLatin1String("--set") && hasValue) {
            parsed.sets.append(rest->at(++i));
        } else if (arg.startsWith(QLatin1String("--set="))) {
            parsed.sets.append(arg.mid(6));
        } else if (arg == QLatin1String("--command") && hasValue) {
            parsed.command = rest->at(++i);
        } else if (arg == QLatin1String("--config") && hasValue) {
            positional.append(rest->at(++i));
        } else if (arg == QLatin1String("--workdir") && hasValue) {
            parsed.workDir = rest->at(++i);
        } else if (arg == QLatin1String("--env") && hasValue) {
            parsed.envLine = rest->at(++i);
        } else if (arg == QLatin1String("--metrics-regex") && hasValue) {
            parsed.metricsRegex = rest->at(++i);
        } else if (arg == QLatin1String("--detach")) {
            parsed.detach = true;
        } else if (arg == QLatin1String("--no-prepare")) {
            parsed.setup.prepare = false;
        } else if (takePrepareOption(*rest, i, parsed.setup.options)) {
            continue;
        } else if (arg.startsWith(QLatin1String("--"))) {
            return fail("unknown or incomplete option '" + arg.toStdString() + "'", kExitUsage);
        } else {
            positional.append(arg);
        }
    }
    if (parsed.host.isEmpty()) return fail("needs --host NAME", kExitUsage);
    const bool script = !parsed.command.isEmpty();
    if (positional.size() > 1 || (!script && positional.size() != 1))
        return fail(script ? "takes at most one CONFIG" : "needs one CONFIG", kExitUsage);
    if (!positional.isEmpty()) parsed.config = QDir::current().absoluteFilePath(positional.front());
    // A script needs the trainer only to turn its output into metrics.
    parsed.setup.needed = !script || !parsed.metricsRegex.isEmpty();
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
                             printErr(QStringLiteral("connected to %1 again; following goes on")
                                          .arg(backend.settings().name));
                         else
                             printErr(message);
                         shown = state;
                     });
    watchInterrupt();
    QEventLoop loop;
    QObject::connect(&follower, &RemoteFollower::finished, &loop, &QEventLoop::quit);
    QTimer interruptCheck;
    QObject::connect(&interruptCheck, &QTimer::timeout, &loop, [&] {
        if (interrupted() || backend.connection()->state() == ConnectionState::Offline) loop.quit();
    });
    interruptCheck.start(100);
    follower.start();
    loop.exec();
    if (!follower.isFinished()) {
        printOut(QStringLiteral("\n"));
        printErr(QStringLiteral("stopped following; run %1 goes on on %2")
                     .arg(id, backend.settings().name));
        return interrupted() ? 130 : 1;
    }
    progress.show(true);
    const RunInfo& info = follower.status();
    const std::string_view state = runStateName(info.state);
    QString summary = QStringLiteral("run %1 %2 on %3")
                          .arg(id, QString::fromLatin1(state.data(), qsizetype(state.size())),
                               backend.settings().name);
    if (!info.message.isEmpty()) summary += QLatin1String(": ") + info.message;
    printOut(terminalSafe(summary) + QLatin1Char('\n'));  // the message is the box's
    return exitStatusOf(info);
}

bool wantsRemoteRun(int argc, char** argv) {
    for (int i = 2; i < argc; ++i)
        if (qstrcmp(argv[i], "--host") == 0) return true;
    return false;
}

int remoteRunCommand(int argc, char** argv) {
    auto parsed = parse(argc, argv);
    if (!parsed) return usageError(QString::fromStdString(parsed.error()), kUsage);
    auto host = connectHostBackend(parsed->host, parsed->connect, parsed->trainer, parsed->setup);
    if (!host) {
        printErr(QString::fromStdString(host.error()));
        return host.failure().code == 130 ? 130 : 1;
    }
    RemoteBackend& backend = *host->backend;
    LaunchRequest request;
    request.configPath = parsed->config;
    request.sets = parsed->sets;
    request.command = parsed->command;
    request.workDir = parsed->workDir;
    request.envLine = parsed->envLine;
    request.metricsRegex = parsed->metricsRegex;
    auto id = backend.launch(request);
    if (!id) {
        printErr(QString::fromStdString(id.error()));
        return 1;
    }
    printOut(*id + QLatin1Char('\n'));  // alone on the first line, for scripts
    return parsed->detach ? 0 : followRemoteRun(backend, *id);
}

}  // namespace tb::cli
