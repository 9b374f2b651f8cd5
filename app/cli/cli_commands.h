#pragma once
// The trainbench commands; each returns the process exit status.

#include "cli_common.h"

namespace tb::cli {

int runCommand(const CliOptions& options);     // trainbench run CONFIG [--detach] [--set k=v]
int runsCommand(const CliOptions& options);    // trainbench runs [--json]
int followCommand(const CliOptions& options);  // trainbench follow RUN [--from-end]
int stopCommand(const CliOptions& options);    // trainbench stop RUN [--kill]
// trainbench run --command 'LINE' [--config C] [--workdir D] [--env L] [--metrics-regex RE]
bool wantsScriptRun(int argc, char** argv);
int scriptRunCommand(int argc, char** argv);

}  // namespace tb::cli
