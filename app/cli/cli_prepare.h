#pragma once
// trainbench prepare NAME: build trainbench-train on a stored host (HostPreparer) and keep its
// path.

namespace tb::cli {

// argv as the process got it: argv[1] is "prepare". Returns the process exit status.
int prepareCommand(int argc, char** argv);

}  // namespace tb::cli
