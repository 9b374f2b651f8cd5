#pragma once
// trainbench run CONFIG --host NAME: a run on a stored SSH host, followed like a local one.

#include <QString>

#include "cli_options.h"

namespace tb {
class RemoteBackend;
}

namespace tb::cli {

// What the parser took for `run` with --host. Returns the process exit status.
int remoteRunCommand(const ParsedArgs& args);

// Follows a run on the host with a progress line until it has ended and everything it wrote is
// here (its exit status), or Ctrl-C (130).
int followRemoteRun(RemoteBackend& backend, const QString& id);

}  // namespace tb::cli
