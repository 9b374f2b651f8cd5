// trainbench prepare NAME [--install-tools] [--rebuild]: the steps and the build log on the
// terminal, the trainer's path kept in hosts.json for `run --host`, non-zero with the message
// when it fails. Ctrl-C cancels the remote build too.
#include "cli_prepare.h"

#include <cstdio>

#include "cli_command_specs.h"
#include "cli_common.h"
#include "core/runs/await_result.h"
#include "remote/hosts/host_store.h"
#include "remote/prepare/prepare_host.h"
#include "remote/ssh/ssh_session_thread.h"

namespace tb::cli {
namespace {

QString where(const SshTarget& target) {
    const QString user = target.user.isEmpty() ? QString() : target.user + QLatin1Char('@');
    //: %1 is user@host or host, %2 the SSH port
    return Text::tr("%1 port %2").arg(user + target.host, QString::number(target.port));
}

// Runs the preparer to its end, printing steps and log lines (on stderr when stdout is kept
// for a result such as a run id); Ctrl-C cancels.
PrepareResult runPreparer(HostPreparer& preparer, const PrepareOptions& options, bool onStderr) {
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
    const CancelOnInterrupt cancel([&] { preparer.cancel(); });
    const auto outcome = awaitResult<PrepareResult>(
        [&](auto done) {
            QObject::connect(&preparer, &HostPreparer::finished,
                             [done](const PrepareResult& result) { done(result); });
            preparer.prepare(options);
        },
        "preparing the host", kNoTimeout);
    if (!outcome)
        return {SshFailure::Cancelled, QString::fromStdString(outcome.error()), {}, false};
    return *outcome;
}

}  // namespace

PrepareOptions prepareOptions(const ParsedArgs& args) {
    PrepareOptions options;
    options.installTools = args.has(QStringLiteral("install-tools"));
    options.rebuild = args.has(QStringLiteral("rebuild"));
    if (args.has(QStringLiteral("cache-dir")))
        options.cacheRoot = args.value(QStringLiteral("cache-dir"));
    if (args.has(QStringLiteral("cmake"))) options.cmake = args.value(QStringLiteral("cmake"));
    if (args.has(QStringLiteral("cxx"))) options.cxx = args.value(QStringLiteral("cxx"));
    return options;
}

Result<QString> prepareOnTerminal(SshSessionThread& session, RemoteHost host,
                                  PrepareOptions options, bool stepsOnStderr) {
    options.python = host.python;
    HostPreparer preparer(&session, host.name, where(host.target));
    const PrepareResult result = runPreparer(preparer, options, stepsOnStderr);
    if (!result.ok())
        return fail(result.message.toStdString(),
                    result.failure == SshFailure::Cancelled ? 130 : 1);
    if (host.trainerPath != result.trainerPath) {
        host.trainerPath = result.trainerPath;
        HostStore store(HostStore::defaultConfigDir());
        if (!store.load().ok() || !store.update(host).ok() || !store.save().ok())
            //: %1 is the hosts.json file
            printErr(Text::tr("cannot keep the trainer's path in %1").arg(store.filePath()));
    }
    return result.trainerPath;
}

int prepareCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("prepare"));
    const auto connect = connectOptions(args);
    if (!connect) return usageError(spec, QString::fromStdString(connect.error()));
    if (args.positional.size() != 1) return usageError(spec, Text::tr("needs one host NAME"));
    auto found = findStoredHost(args.positional.front());
    if (!found) {
        printErr(QString::fromStdString(found.error()));
        return 1;
    }
    RemoteHost host = *found;
    SshSessionThread thread(host.target, host.name);
    const SshResult connected = connectForCli(thread, host, *connect);
    if (!connected.ok()) {
        printErr(connected.message);
        return 1;
    }
    const auto trainer = prepareOnTerminal(thread, host, prepareOptions(args));
    thread.disconnectFromHost();
    if (!trainer) {
        printErr(QString::fromStdString(trainer.error()));
        return trainer.failure().code;
    }
    printOut(*trainer + QLatin1Char('\n'));
    return 0;
}

}  // namespace tb::cli
