#pragma once
// trainbench checkpoints / resume / download-checkpoint: a remote run's checkpoints listed,
// resumed on its host, on another host or on this machine, or downloaded.

namespace tb::cli {

// argv[1] is "checkpoints", "resume" or "download-checkpoint"; returns the exit status.
int checkpointsCommand(int argc, char** argv);

}  // namespace tb::cli
