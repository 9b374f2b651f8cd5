#pragma once
// trainbench follow RUN --host NAME and trainbench stop RUN --host NAME [--kill]: a run on a
// stored SSH host followed or stopped from a terminal, as the window does.

#include <QString>

#include "cli_options.h"

namespace tb::cli {

// `command` is "follow" or "stop", `args` what the parser took. Returns the exit status.
int remoteControlCommand(const QString& command, const ParsedArgs& args);

}  // namespace tb::cli
