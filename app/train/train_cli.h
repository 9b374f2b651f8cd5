#pragma once
// trainbench-train's command line: parse arguments and run one of train, validate, inspect.

namespace tb {

int runTrainCli(int argc, char** argv);

}  // namespace tb
