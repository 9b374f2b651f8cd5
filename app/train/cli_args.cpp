// Command-line parsing for trainbench-train (no library: the trainer builds on bare boxes).
#include "cli_args.h"

#include <cstring>

namespace tb {

const char* const kTrainUsage =
    "usage: trainbench-train --config FILE --run-dir DIR [--resume latest|CKPT]\n"
    "                        [--device D] [--threads N] [--set key.path=value ...]\n"
    "       trainbench-train --validate FILE [--set key.path=value ...]\n"
    "       trainbench-train --config FILE --print-resolved [--set ...]\n"
    "       trainbench-train --inspect CKPT\n"
    "       trainbench-train --metrics-from-stdout REGEX --run-dir DIR   (script runs: stdin\n"
    "                        to DIR/output.log, lines the regex matches to DIR/metrics.jsonl)\n"
    "       trainbench-train --metrics-from-tensorboard LOGDIR [...] --run-dir DIR   (script\n"
    "                        runs: scalars of TensorBoard event files to DIR/metrics.jsonl)\n"
    "       trainbench-train --schema            (the config key reference)\n"
    "       trainbench-train --run-dir DIR --resume latest   (config from the run directory)\n"
    "exit codes: 0 finished, 1 training failed, 2 invalid config or arguments,\n"
    "            3 unusable checkpoint, 130/143 stopped by SIGINT/SIGTERM (checkpoint written)\n";

std::string parseTrainArgs(int argc, char** argv, TrainArgs& args) {
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        auto value = [&](std::string& out) -> bool {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        auto addSet = [&](const char* prefix, const std::string& text) {
            args.sets.push_back(prefix + text);
            return true;
        };
        std::string text;
        bool ok = true;
        if (flag == "--help" || flag == "-h") args.help = true;
        else if (flag == "--version") args.version = true;
        else if (flag == "--print-resolved") args.printResolved = true;
        else if (flag == "--schema") args.schema = true;
        else if (flag == "--config") ok = value(args.config);
        else if (flag == "--run-dir") ok = value(args.runDir);
        else if (flag == "--resume") ok = value(args.resume);
        else if (flag == "--validate") ok = value(args.validate);
        else if (flag == "--inspect") ok = value(args.inspect);
        else if (flag == "--metrics-from-stdout") ok = value(args.metricsFromStdout);
        else if (flag == "--metrics-from-tensorboard")
            ok = value(text) && (args.metricsFromTensorboard.push_back(text), true);
        else if (flag == "--set") ok = value(text) && addSet("", text);
        else if (flag == "--device") ok = value(text) && addSet("train.device=", text);
        else if (flag == "--threads") ok = value(text) && addSet("train.threads=", text);
        else return "unknown argument '" + flag + "'";
        if (!ok) return flag + " needs a value";
    }
    if (args.help || args.version || args.schema) return {};
    if (!args.metricsFromStdout.empty()) {
        return args.runDir.empty() ? "--metrics-from-stdout needs --run-dir DIR" : "";
    }
    if (!args.metricsFromTensorboard.empty()) {
        return args.runDir.empty() ? "--metrics-from-tensorboard needs --run-dir DIR" : "";
    }
    const int modes = !args.validate.empty() + !args.inspect.empty();
    if (modes > 1) return "--validate and --inspect cannot be combined";
    if (modes == 1) return {};
    if (args.printResolved) return args.config.empty() ? "--print-resolved needs --config FILE" : "";
    if (args.runDir.empty()) return "--run-dir DIR is required to train";
    if (args.config.empty() && args.resume.empty()) return "--config FILE is required to train";
    return {};
}

}  // namespace tb
