#pragma once
// trainbench checkpoints / resume / download-checkpoint: a remote run's checkpoints listed,
// resumed on its host, on another host or on this machine, or downloaded.

#include <QString>

#include "cli_options.h"

namespace tb::cli {

// `command` is "checkpoints", "resume" or "download-checkpoint"; returns the exit status.
int checkpointsCommand(const QString& command, const ParsedArgs& args);

}  // namespace tb::cli
