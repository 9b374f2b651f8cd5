// Reading --host, the connect options and the trainer options (see cli_host_args.h).
#include "cli_host_args.h"

namespace tb::cli {

Result<HostArgs> hostArgs(const ParsedArgs& args) {
    auto connect = connectOptions(args);
    if (!connect) return connect.failure();
    return HostArgs{args.value(QStringLiteral("host")), *connect};
}

Result<HostLaunchArgs> hostLaunchArgs(const ParsedArgs& args) {
    auto host = hostArgs(args);
    if (!host) return host.failure();
    HostLaunchArgs parsed{*host};
    parsed.trainer = args.value(QStringLiteral("trainer"));
    parsed.detach = args.has(QStringLiteral("detach"));
    parsed.setup = trainerSetup(args);
    return parsed;
}

}  // namespace tb::cli
