#pragma once
// trainbench follow RUN --host NAME and trainbench stop RUN --host NAME [--kill]: a run on a
// stored SSH host followed or stopped from a terminal, as the window does.

namespace tb::cli {

// argv as the process got it: argv[1] is "follow" or "stop". Returns the process exit status.
int remoteControlCommand(int argc, char** argv);

// Whether argv names a host (has --host), so the command is this one's.
bool wantsHost(int argc, char** argv);

}  // namespace tb::cli
