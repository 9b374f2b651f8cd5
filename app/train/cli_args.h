#pragma once
// Arguments of trainbench-train.

#include <string>
#include <vector>

namespace tb {

struct TrainArgs {
    std::string config;      // --config FILE (YAML, or a resolved config)
    std::string runDir;      // --run-dir DIR
    std::string resume;      // --resume latest|CKPT
    std::string validate;    // --validate FILE
    std::string inspect;     // --inspect CKPT
    std::string metricsFromStdout;  // --metrics-from-stdout REGEX (with --run-dir)
    std::vector<std::string> metricsFromTensorboard;  // --metrics-from-tensorboard DIR, repeated
    bool printResolved = false;  // --print-resolved: write the resolved config to stdout
    bool schema = false;         // --schema: print the config key reference (Markdown)
    std::vector<std::string> sets;  // --set k=v, --device D, --threads N
    bool help = false;
    bool version = false;
};

// Fills `args`; returns "" or a usage error.
std::string parseTrainArgs(int argc, char** argv, TrainArgs& args);

extern const char* const kTrainUsage;

}  // namespace tb
