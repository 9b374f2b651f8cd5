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
#include "core/train/progress_line.h"
#include "core/train/run_recorder.h"
#include "core/train/torch_compat.h"
#include "core/train/train_errors.h"
#include "core/train/trainer.h"
#include "run_files.h"
#include "stdout_metrics_cli.h"

namespace tb {
namespace {

std::atomic<bool> g_stopRequested{false};
volatile std::sig_atomic_t g_signal = 0;

// First SIGTERM/SIGINT: finish the step, checkpoint, exit. A second one: leave at once.
void onStopSignal(int signal) {
    if (g_stopRequested.load()) _exit(128 + signal);
    g_signal = signal;
    g_stopRequested.store(true);
}

void installStopHandlers() {
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

int reportError(const std::string& message, int code) {
    std::cerr << "trainbench-train: error: " << message << '\n';
    return code;
}

class ObserverFanout : public TrainObserver {
public:
    explicit ObserverFanout(std::vector<TrainObserver*> observers)
        : m_observers(std::move(observers)) {}
    void onPlan(const TrainPlan& plan) override {
        for (auto* o : m_observers) o->onPlan(plan);
    }
    void onStep(int64_t epoch, int64_t step) override {
        for (auto* o : m_observers) o->onStep(epoch, step);
    }
    void onRecord(const MetricRecord& r) override {
        for (auto* o : m_observers) o->onRecord(r);
    }
    void onCheckpoint(const CheckpointEvent& e) override {
        for (auto* o : m_observers) o->onCheckpoint(e);
    }
    void onMessage(const std::string& line) override {
        for (auto* o : m_observers) o->onMessage(line);
    }

private:
    std::vector<TrainObserver*> m_observers;
};

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

int trainRun(const TrainArgs& args, int argc, char** argv) {
    const RunLayout layout{args.runDir};
    const std::string configPath = args.config.empty() ? layout.resolvedConfig() : args.config;
    auto source = loadConfigSource(configPath, args.sets, std::cerr);
    if (!source) return kConfigInvalid;
    const std::string resolved = writeResolvedConfig(source->values);
    const TrainConfig config = toTrainConfig(source->values);

    auto prepared = prepareRunDirectory(layout, *source, resolved, args.resume, argc, argv);
    if (!prepared) return reportError(prepared.error(), prepared.failure().code);

    installStopHandlers();
    const bool wrapped = std::getenv("TRAINBENCH_WRAPPED") != nullptr;
    RunRecorder recorder(layout, !wrapped);
    if (auto started = recorder.start(); !started)
        return reportError(started.error(), kTrainFailed);
    ProgressLine progress(stdout, isatty(STDOUT_FILENO) == 1);
    ObserverFanout observers({&recorder, &progress});

    TrainerOptions options{config, resolved, layout.checkpointsDir(), *prepared, &g_stopRequested};
    auto result = train(options, observers);
    if (!result) {
        const int code = result.failure().code ? result.failure().code : kTrainFailed;
        (void)recorder.finish(RunState::Failed, code, "error: " + result.error());
        progress.printLine("");
        return reportError(result.error(), code);
    }
    std::string summary =
        "step " + std::to_string(result->step) + ", param_sha256 " + result->paramSha256;
    for (const auto& [key, value] : result->lastEval) {
        summary += ", " + key + " " + std::to_string(value);
    }
    if (result->outcome == TrainOutcome::Stopped) {
        const int code = 128 + (g_signal ? g_signal : SIGTERM);
        (void)recorder.finish(RunState::Stopped, code, "stopped at " + summary);
        progress.printLine("stopped at " + summary);
        return code;
    }
    if (auto done = recorder.finish(RunState::Finished, 0, "finished at " + summary); !done) {
        return reportError(done.error(), kTrainFailed);
    }
    progress.printLine("finished at " + summary);
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
