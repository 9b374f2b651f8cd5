#pragma once
// trainbench prepare NAME: build trainbench-train on a stored host (HostPreparer) and keep its
// path. `run --host` on a host never prepared goes through the same steps first.

#include <QString>
#include <QStringList>

#include "protocol/result.h"
#include "remote/host_store.h"
#include "remote/prepare_host.h"

namespace tb {
class SshSessionThread;
}

namespace tb::cli {

// Takes one prepare option (--install-tools, --rebuild, --cache-dir DIR, --cmake PROGRAM,
// --cxx PROGRAM) at args[i] into `options`, advancing i past its value; false when args[i] is
// none of them.
bool takePrepareOption(const QStringList& args, qsizetype& i, PrepareOptions& options);

// Builds the trainer on `host` over the connected `session`, printing the steps and the build
// log (on stderr with `stepsOnStderr`), and keeps its path in hosts.json. The trainer's path
// on the host, or the message to print (code 130 when cancelled with Ctrl-C).
[[nodiscard]] Result<QString> prepareOnTerminal(SshSessionThread& session, RemoteHost host,
                                                PrepareOptions options,
                                                bool stepsOnStderr = false);

// argv as the process got it: argv[1] is "prepare". Returns the process exit status.
int prepareCommand(int argc, char** argv);

}  // namespace tb::cli
