// trainbench follow|stop RUN --host NAME: connect as run --host does, find the run by its id or
// a unique prefix, then follow it to its end (the same progress line and reconnect messages as
// run --host) or signal it (SIGTERM: it saves a checkpoint first; --kill: SIGKILL).
#include "cli_remote_control.h"

#include <cstring>

#include "cli_common.h"
#include "cli_host_backend.h"
#include "cli_remote_run.h"

namespace tb::cli {
namespace {

constexpr const char* kUsage =
    "usage: trainbench follow RUN --host NAME [--accept-key SHA256:...] [--password-stdin]\n"
    "       trainbench stop RUN --host NAME [--kill] [...the same connect options]\n";

struct Args {
    bool follow = false;
    QString run;
    QString host;
    bool kill = false;
    ConnectOptions connect;
};

Result<Args> parse(int argc, char** argv) {
    Args parsed;
    parsed.follow = std::strcmp(argv[1], "follow") == 0;
    auto rest = takeConnectOptions(argc, argv, parsed.connect);
    if (!rest) return rest.failure();
    QStringList positional;
    for (qsizetype i = 0; i < rest->size(); ++i) {
        const QString& arg = rest->at(i);
        if (arg == QLatin1String("--host") && i + 1 < rest->size())
            parsed.host = rest->at(++i);
        else if (arg == QLatin1String("--kill") && !parsed.follow)
            parsed.kill = true;
        else if (arg.startsWith(QLatin1String("--")))
            return fail("unknown or incomplete option '" + arg.toStdString() + "'", kExitUsage);
        else
            positional.append(arg);
    }
    if (positional.size() != 1) return fail("needs one RUN", kExitUsage);
    if (parsed.host.isEmpty()) return fail("needs --host NAME", kExitUsage);
    parsed.run = positional.front();
    return parsed;
}

}  // namespace

bool wantsHost(int argc, char** argv) {
    for (int i = 2; i < argc; ++i)
        if (std::strcmp(argv[i], "--host") == 0) return true;
    return false;
}

int remoteControlCommand(int argc, char** argv) {
    auto args = parse(argc, argv);
    if (!args) return usageError(QString::fromStdString(args.error()), kUsage);
    auto host = connectHostBackend(args->host, args->connect);
    if (!host) {
        printErr(QString::fromStdString(host.error()));
        return host.failure().code == 130 ? 130 : 1;
    }
    RemoteBackend& backend = *host->backend;
    const auto id = findRemoteRun(backend, args->run);
    if (!id) {
        printErr(QString::fromStdString(id.error()));
        return 1;
    }
    if (args->follow) return followRemoteRun(backend, *id);
    const auto sent = args->kill ? backend.kill(*id) : backend.stop(*id);
    if (!sent) {
        printErr(QString::fromStdString(sent.error()));
        return 1;
    }
    printOut(args->kill ? QStringLiteral("killed run %1 on %2\n").arg(*id, args->host)
                        : QStringLiteral("asked run %1 on %2 to stop; it saves a checkpoint "
                                         "first (trainbench follow %1 --host %2 shows when)\n")
                              .arg(*id, args->host));
    return 0;
}

}  // namespace tb::cli
