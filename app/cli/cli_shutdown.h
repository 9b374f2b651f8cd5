#pragma once
// trainbench shutdown-after / shutdown-cancel / shutdown-status RUN --host NAME, and
// trainbench cost NAME: the money commands of issue 5.

#include <QString>

#include "cli_options.h"

namespace tb::cli {

// What the parser took for the command. Each returns the process exit status.
int shutdownCommand(const QString& command, const ParsedArgs& args);
int costCommand(const ParsedArgs& args);

}  // namespace tb::cli
