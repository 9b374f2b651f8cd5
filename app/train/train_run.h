#pragma once
// trainbench-train --run-dir: one training run, in one process or as one rank of a
// data-parallel world (rank 0 records the run; the other ranks only train).

#include "cli_args.h"

namespace tb {

int trainRun(const TrainArgs& args, int argc, char** argv);

}  // namespace tb
