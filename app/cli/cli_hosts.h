#pragma once
// trainbench hosts [add|rm|forget-key]: the remote hosts from a terminal.

namespace tb::cli {

// argv[1] is "hosts"; returns the process exit status.
int hostsCommand(int argc, char** argv);

}  // namespace tb::cli
