// trainbench-train: validate a config, inspect a checkpoint, or train into a run directory.
#include "train_cli.h"

#include <torch/torch.h>

#include <unistd.h>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli_args.h"
#include "config_source.h"
#include "core/config/resolved_config.h"
#include "core/config/schema.h"
#include "core/config/train_config.h"
#include "core/protocol/atomic_file.h"
#include "core/protocol/json.h"
#include "core/protocol/run_layout.h"
#include "core/protocol/sha256.h"
#include "core/train/checkpoint.h"
#include "core/train/torch_compat.h"
#include "core/train/train_errors.h"
#include "run_files.h"
#include "stdout_metrics_cli.h"
#include "tensorboard_metrics_cli.h"
#include "train_run.h"

namespace tb {
namespace {

int reportError(const std::string& message, int code) {
    std::cerr << "trainbench-train: error: " << message << '\n';
    return code;
}

std::string formatBound(double value) {
    char text[32];
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        std::snprintf(text, sizeof text, "%lld", static_cast<long long>(value));
    } else {
        std::snprintf(text, sizeof text, "%g", value);
    }
    return text;
}

std::string schemaMarkdown() {
    std::string out = "| key | type | default | allowed | meaning |\n|---|---|---|---|---|\n";
    static const char* const types[] = {"int",    "float",    "bool", "string",
                                        "choice", "int list", "path"};
    for (const KeyDef& key : configSchema()) {
        std::string allowed;
        if (!key.choices.empty()) {
            for (const auto& choice : key.choices)
                allowed += (allowed.empty() ? "" : " \\| ") + choice;
        } else if (key.min <= key.max) {
            allowed = std::isinf(key.max) ? "≥ " + formatBound(key.min)
                                          : formatBound(key.min) + " – " + formatBound(key.max);
        }
        out += "| `" + key.path + "` | " + types[static_cast<int>(key.type)] + " | `" +
               key.defaultValue + "` | " + allowed + " | " + key.doc + " |\n";
    }
    return out;
}

int inspect(const std::string& path) {
    auto reader = CheckpointReader::open(path);
    if (!reader) return reportError(reader.error(), kCheckpointUnusable);
    const CheckpointMeta& meta = (*reader)->meta();
    auto values = readResolvedConfig(meta.resolvedConfig, path + " (embedded config)");
    if (!values) return reportError(values.error(), kCheckpointUnusable);
    const TrainConfig config = toTrainConfig(*values);
    auto model = makeModel(config.model, meta.inputShape, meta.classes);
    if (!model) return reportError(path + ": " + model.error(), kCheckpointUnusable);
    if (auto loaded = (*reader)->loadModel(**model); !loaded) {
        return reportError(loaded.error(), kCheckpointUnusable);
    }
    auto sha = sha256File(path);
    if (!sha) return reportError(sha.error(), kCheckpointUnusable);
    JsonObject metrics;
    for (const auto& [key, value] : meta.metrics) metrics.add(key, value);
    std::string shape = "[";
    for (size_t i = 0; i < meta.inputShape.size(); ++i) {
        shape += (i ? ", " : "") + std::to_string(meta.inputShape[i]);
    }
    int64_t parameters = 0;
    for (const auto& p : (*model)->parameters()) parameters += p.numel();
    JsonObject out;
    out.add("path", path)
        .add("epoch", meta.epoch)
        .add("step", meta.step)
        .add("time", meta.time)
        .addRaw("metrics", metrics.str())
        .add("name", config.name)
        .add("model", config.model.kind)
        .addRaw("input_shape", shape + "]")
        .add("classes", meta.classes)
        .add("parameters", parameters)
        .add("config_sha256", sha256Hex(meta.resolvedConfig))
        .add("bytes", static_cast<int64_t>(std::filesystem::file_size(path)))
        .add("sha256", *sha)
        .add("param_sha256", parameterSha256(**model));
    std::cout << out.str() << '\n';
    return 0;
}

}  // namespace

int runTrainCli(int argc, char** argv) {
    TrainArgs args;
    if (const std::string usage = parseTrainArgs(argc, argv, args); !usage.empty()) {
        std::cerr << "trainbench-train: " << usage << "\n" << kTrainUsage;
        return kConfigInvalid;
    }
    if (args.help) {
        std::cout << kTrainUsage;
        return 0;
    }
    if (args.version) {
        std::cout << "trainbench-train 0.1.0 (LibTorch " << compat::libTorchVersion() << ")\n";
        return 0;
    }
    if (args.schema) {
        std::cout << schemaMarkdown();
        return 0;
    }
    if (!args.metricsFromStdout.empty()) {
        return runMetricsFromStdout(args.metricsFromStdout, args.runDir);
    }
    if (!args.metricsFromTensorboard.empty()) {
        return runMetricsFromTensorboard(args.metricsFromTensorboard, args.runDir);
    }
    if (!args.inspect.empty()) return inspect(args.inspect);
    if (!args.validate.empty()) {
        return loadConfigSource(args.validate, args.sets, std::cerr) ? 0 : kConfigInvalid;
    }
    if (args.printResolved) {
        auto source = loadConfigSource(args.config, args.sets, std::cerr);
        if (!source) return kConfigInvalid;
        std::cout << writeResolvedConfig(source->values);
        return 0;
    }
    return trainRun(args, argc, argv);
}

}  // namespace tb
