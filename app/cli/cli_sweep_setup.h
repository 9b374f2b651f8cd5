#pragma once
// The arguments of `trainbench sweep` that mean the same on this machine and on a host
// (cli_sweep.cpp, cli_remote_sweep.cpp): what it needs and the sweep they describe.

#include <optional>

#include "cli_options.h"
#include "core/services/sweep_launcher.h"

namespace tb::cli {

// CONFIG SWEEP.yaml, or SWEEP.yaml alone with --command, and not --slots with --gpus: nullopt,
// else the usage error's exit status.
[[nodiscard]] std::optional<int> refuseSweepArguments(const CommandSpec& spec,
                                                      const ParsedArgs& args);

// The trials' base (the config, or --command and --config) with the --set values, and the sweep
// file, paths made absolute here; the slots and a work dir are the target's to add.
SweepSetup sweepSetup(const ParsedArgs& args);

}  // namespace tb::cli
