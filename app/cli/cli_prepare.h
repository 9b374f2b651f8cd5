#pragma once
// trainbench prepare NAME: build trainbench-train on a stored host (HostPreparer) and keep its
// path. `run --host` on a host never prepared goes through the same steps first.

#include <QString>
#include <QStringList>

#include "cli_options.h"
#include "core/protocol/result.h"
#include "remote/hosts/host_store.h"
#include "remote/prepare/prepare_host.h"

namespace tb {
class SshSessionThread;
}

namespace tb::cli {

// The prepare options (--install-tools, --rebuild, --cache-dir DIR, --cmake PROGRAM,
// --cxx PROGRAM) as the parser took them.
PrepareOptions prepareOptions(const ParsedArgs& args);

// Builds the trainer on `host` over the connected `session`, printing the steps and the build
// log (on stderr with `stepsOnStderr`), and keeps its path in hosts.json. The trainer's path
// on the host, or the message to print (code 130 when cancelled with Ctrl-C).
[[nodiscard]] Result<QString> prepareOnTerminal(SshSessionThread& session, RemoteHost host,
                                                PrepareOptions options, bool stepsOnStderr = false);

// What the parser took for `trainbench prepare`. Returns the process exit status.
int prepareCommand(const ParsedArgs& args);

}  // namespace tb::cli
