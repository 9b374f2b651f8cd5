// trainbench prepare NAME [--install-tools] [--rebuild]: the steps and the build log on the
// terminal, the trainer's path kept in hosts.json for `run --host`, non-zero with the message
// when it fails. Ctrl-C cancels the remote build too.
#include "cli_prepare.h"

#include <QEventLoop>
#include <QTimer>

#include <cstdio>
#include <optional>

#include "cli_common.h"
#include "remote/host_store.h"
#include "remote/prepare_host.h"
#include "remote/ssh_session_thread.h"

namespace tb::cli {
namespace {

constexpr const char* kUsage =
    "usage: trainbench prepare NAME [--install-tools] [--rebuild] [--cache-dir DIR]\n"
    "                          [--cmake PROGRAM] [--cxx PROGRAM]\n"
    "                          [--accept-key SHA256:...] [--accept-new] [--password-stdin]\n"
    "Builds trainbench-train on the host against its own LibTorch (its python's torch, else a\n"
    "system LibTorch), once per source set and torch version; the build is cached in\n"
    "~/.cache/trainbench/trainer on the host (--cache-dir DIR). --install-tools installs\n"
    "missing cmake / g++ / make with the host's package manager first.\n";

struct PrepareArgs {
    QString host;
    PrepareOptions options;
    ConnectOptions connect;
};

Result<PrepareArgs> parse(int argc, char** argv) {
    PrepareArgs parsed;
    auto rest = takeConnectOptions(argc, argv, parsed.connect);
    if (!rest) return rest.failure();
    QStringList positional;
    for (qsizetype i = 0; i < rest->size(); ++i) {
        const QString& arg = rest->at(i);
        if (takePrepareOption(*rest, i, parsed.options))
            continue;
        else if (arg.startsWith(QLatin1String("--")))
            return fail("unknown or incomplete option '" + arg.toStdString() + "'", kExitUsage);
        else
            positional.append(arg);
    }
    if (positional.size() != 1) return fail("needs one host NAME", kExitUsage);
    parsed.host = positional.front();
    return parsed;
}

QString where(const SshTarget& target) {
    const QString user = target.user.isEmpty() ? QString() : target.user + QLatin1Char('@');
    return QStringLiteral("%1%2 port %3").arg(user, target.host).arg(target.port);
}

// Runs the preparer to its end, printing steps and log lines (on stderr when stdout is kept
// for a result such as a run id); Ctrl-C cancels.
PrepareResult runPreparer(HostPreparer& preparer, const PrepareOptions& options, bool onStderr) {
    std::optional<PrepareResult> outcome;
    QEventLoop loop;
    const auto show = [onStderr](const QString& text) {
        if (!onStderr) return printOut(text);
        std::fputs(text.toUtf8().constData(), stderr);
        std::fflush(stderr);
    };
    QObject::connect(&preparer, &HostPreparer::stepChanged,
                     [show](PrepareStep step, const QString& text) {
                         show(QStringLiteral("== %1: %2\n").arg(prepareStepName(step), text));
                     });
    QObject::connect(&preparer, &HostPreparer::progress,
                     [show](const QString& line) { show(QStringLiteral("   %1\n").arg(line)); });
    QObject::connect(&preparer, &HostPreparer::finished, &loop, [&](const PrepareResult& result) {
        outcome = result;
        loop.quit();
    });
    watchInterrupt();
    QTimer interruptCheck;
    QObject::connect(&interruptCheck, &QTimer::timeout, &loop, [&] {
        if (interrupted()) preparer.cancel();
    });
    interruptCheck.start(100);
    preparer.prepare(options);
    if (!outcome) loop.exec();
    return *outcome;
}

}  // namespace

bool takePrepareOption(const QStringList& args, qsizetype& i, PrepareOptions& options) {
    const QString& arg = args.at(i);
    const bool hasValue = i + 1 < args.size();
    if (arg == QLatin1String("--install-tools"))
        options.installTools = true;
    else if (arg == QLatin1String("--rebuild"))
        options.rebuild = true;
    else if (arg == QLatin1String("--cache-dir") && hasValue)
        options.cacheRoot = args.at(++i);
    else if (arg == QLatin1String("--cmake") && hasValue)
        options.cmake = args.at(++i);
    else if (arg == QLatin1String("--cxx") && hasValue)
        options.cxx = args.at(++i);
    else
        return false;
    return true;
}

Result<QString> prepareOnTerminal(SshSessionThread& session, RemoteHost host,
                                  PrepareOptions options, bool stepsOnStderr) {
    options.python = host.python;
    HostPreparer preparer(&session, host.name, where(host.target));
    const PrepareResult result = runPreparer(preparer, options, stepsOnStderr);
    if (!result.ok())
        return fail(result.message.toStdString(), result.failure == SshFailure::Cancelled ? 130 : 1);
    if (host.trainerPath != result.trainerPath) {
        host.trainerPath = result.trainerPath;
        HostStore store(HostStore::defaultConfigDir());
        if (!store.load().ok() || !store.update(host).ok() || !store.save().ok())
            printErr(QStringLiteral("cannot keep the trainer's path in %1").arg(store.filePath()));
    }
    return result.trainerPath;
}

int prepareCommand(int argc, char** argv) {
    auto parsed = parse(argc, argv);
    if (!parsed) return usageError(QString::fromStdString(parsed.error()), kUsage);
    auto found = findStoredHost(parsed->host);
    if (!found) {
        printErr(QString::fromStdString(found.error()));
        return 1;
    }
    RemoteHost host = *found;
    SshSessionThread thread(host.target, host.name);
    const SshResult connected = connectForCli(thread, host, parsed->connect);
    if (!connected.ok()) {
        printErr(connected.message);
        return 1;
    }
    const auto trainer = prepareOnTerminal(thread, host, parsed->options);
    thread.disconnectFromHost();
    if (!trainer) {
        printErr(QString::fromStdString(trainer.error()));
        return trainer.failure().code;
    }
    printOut(*trainer + QLatin1Char('\n'));
    return 0;
}

}  // namespace tb::cli
