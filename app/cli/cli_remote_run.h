#pragma once
// trainbench run CONFIG --host NAME: a run on a stored SSH host, followed like a local one.

#include <QString>

namespace tb {
class RemoteBackend;
}

namespace tb::cli {

// argv as the process got it: argv[1] is "run". Returns the process exit status.
int remoteRunCommand(int argc, char** argv);

// Whether argv asks for a remote run (has --host).
bool wantsRemoteRun(int argc, char** argv);

// Follows a run on the host with a progress line until it has ended and everything it wrote is
// here (its exit status), or Ctrl-C (130).
int followRemoteRun(RemoteBackend& backend, const QString& id);

}  // namespace tb::cli
