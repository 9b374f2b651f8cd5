#pragma once
// trainbench shutdown-after / shutdown-cancel / shutdown-status RUN --host NAME, and
// trainbench cost NAME: the money commands of issue 5.

namespace tb::cli {

// argv as the process got it: argv[1] is the command. Each returns the process exit status.
int shutdownCommand(int argc, char** argv);
int costCommand(int argc, char** argv);

}  // namespace tb::cli
