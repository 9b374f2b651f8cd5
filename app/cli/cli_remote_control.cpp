// trainbench follow|stop RUN --host NAME: connect as run --host does, find the run by its id or
// a unique prefix, then follow it to its end (the same progress line and reconnect messages as
// run --host) or signal it (SIGTERM: it saves a checkpoint first; --kill: SIGKILL).
#include "cli_remote_control.h"

#include "cli_command_specs.h"
#include "cli_common.h"
#include "cli_host_backend.h"
#include "cli_remote_run.h"

namespace tb::cli {

int remoteControlCommand(const QString& command, const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(command);
    const bool follow = command == QLatin1String("follow");
    QStringList allowed{QStringLiteral("host"), QStringLiteral("accept-key"),
                        QStringLiteral("accept-new"), QStringLiteral("password-stdin")};
    if (!follow) allowed.append(QStringLiteral("kill"));
    //: ends "--OPTION does not go with %1"
    const QString onHost = Text::tr("a run on a host (--host)");
    if (const auto refused = refuseOptionsOutside(spec, args, allowed, onHost)) return *refused;
    if (args.positional.size() != 1) return usageError(spec, Text::tr("needs one RUN"));
    const auto connect = connectOptions(args);
    if (!connect) return usageError(spec, QString::fromStdString(connect.error()));
    const QString hostName = args.value(QStringLiteral("host"));
    auto host = connectHostBackend(hostName, *connect);
    if (!host) {
        printErr(QString::fromStdString(host.error()));
        return host.failure().code == 130 ? 130 : 1;
    }
    RemoteBackend& backend = *host->backend;
    const auto id = findRemoteRun(backend, args.positional.front());
    if (!id) {
        printErr(QString::fromStdString(id.error()));
        return 1;
    }
    if (follow) return followRemoteRun(backend, *id);
    const bool kill = args.has(QStringLiteral("kill"));
    const auto sent = kill ? backend.kill(*id) : backend.stop(*id);
    if (!sent) {
        printErr(QString::fromStdString(sent.error()));
        return 1;
    }
    //: %1 is a run id, %2 the host's name
    printOut((kill ? Text::tr("killed run %1 on %2").arg(*id, hostName)
                   //: %1 is a run id, %2 the host's name
                   : Text::tr("asked run %1 on %2 to stop; it saves a checkpoint first "
                              "(trainbench follow %1 --host %2 shows when)")
                         .arg(*id, hostName)) +
             QLatin1Char('\n'));
    return 0;
}

}  // namespace tb::cli
