#pragma once
// The trainbench commands; each returns the process exit status.

#include "cli_common.h"

namespace tb {
struct LaunchRequest;
}  // namespace tb

namespace tb::cli {

struct FollowOptions;

// What the parser took for the command (cli_command_specs.cpp).
int runCommand(const ParsedArgs& args);     // trainbench run CONFIG [--detach] [--set k=v]
int runsCommand(const ParsedArgs& args);    // trainbench runs [--json]
int followCommand(const ParsedArgs& args);  // trainbench follow RUN [--from-end]
int stopCommand(const ParsedArgs& args);    // trainbench stop RUN [--kill]
// trainbench run --command 'LINE' [--config C] [--workdir D] [--env L] [--metrics-regex RE]
int scriptRunCommand(const ParsedArgs& args);
// --notebook FILE: `request` runs that notebook (its cells and the runner); a usage error else.
Result<void> notebookOption(const ParsedArgs& args, LaunchRequest& request);
// trainbench import-tb LOGDIR [--runs-root DIR] (cli_import.cpp)
int importTensorboardCommand(const ParsedArgs& args);
// trainbench sweep CONFIG SWEEP [--slots N | --gpus 0,1] [--per-gpu K] [--detach] (cli_sweep.cpp)
int sweepCommand(const ParsedArgs& args);
int sweepStatusCommand(const ParsedArgs& args);  // trainbench sweep-status SWEEP [--json]
int sweepCancelCommand(const ParsedArgs& args);  // trainbench sweep-cancel SWEEP [TRIAL]
int sweepAddCommand(const ParsedArgs& args);     // trainbench sweep-add SWEEP MORE.yaml
// The same with --host NAME: the sweep's queue on the box (cli_remote_sweep.cpp).
int remoteSweepCommand(const ParsedArgs& args);
int remoteSweepStatusCommand(const ParsedArgs& args);
int remoteSweepCancelCommand(const ParsedArgs& args);
int remoteSweepAddCommand(const ParsedArgs& args);

// Launches request on this machine under options.runsRoot, prints the run's id alone on the
// first line (scripts capture it) and follows the run with `follow` unless --detach.
int launchLocalRun(const CliOptions& options, const LaunchRequest& request,
                   const FollowOptions& follow);

}  // namespace tb::cli
