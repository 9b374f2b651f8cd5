#pragma once
// The options of the commands that act on a stored host (--host NAME and how to connect), and
// of those that launch the trainer there (run --host, resume, sweep --host), read in one place.

#include <QString>

#include "cli_common.h"
#include "cli_host_backend.h"

namespace tb::cli {

struct HostArgs {
    QString host;  // --host NAME; empty when not given
    ConnectOptions connect;
};

// --host and the connect options as the parser took them; the connect options' usage error
// otherwise. A missing --host is left to the command, which says what else it needs.
[[nodiscard]] Result<HostArgs> hostArgs(const ParsedArgs& args);

struct HostLaunchArgs : HostArgs {
    QString trainer;  // empty: the prepared one, else trainbench-train on the PATH
    bool detach = false;
    TrainerSetup setup;  // what to do on a host never prepared; `needed` left false
};

// hostArgs, --trainer, --detach, --no-prepare and the prepare options.
[[nodiscard]] Result<HostLaunchArgs> hostLaunchArgs(const ParsedArgs& args);

}  // namespace tb::cli
