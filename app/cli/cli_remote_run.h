#pragma once
// trainbench run CONFIG --host NAME: a run on a stored SSH host, followed like a local one.

namespace tb::cli {

// argv as the process got it: argv[1] is "run". Returns the process exit status.
int remoteRunCommand(int argc, char** argv);

// Whether argv asks for a remote run (has --host).
bool wantsRemoteRun(int argc, char** argv);

}  // namespace tb::cli
