// A training run into a run directory, with the data-parallel ranks it asks for.
#include "train_run.h"

#include <torch/torch.h>

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>

#include "config_source.h"
#include "core/config/resolved_config.h"
#include "core/config/train_config.h"
#include "core/protocol/run_layout.h"
#include "core/train/data_parallel.h"
#include "core/train/progress_line.h"
#include "core/train/run_recorder.h"
#include "core/train/train_errors.h"
#include "core/train/trainer.h"
#include "rank_launcher.h"
#include "run_files.h"

namespace tb {
namespace {

// How long a rank waits for the others (joining, or inside a collective) before giving up.
constexpr std::chrono::milliseconds kRankTimeout{120000};

std::atomic<bool> g_stopRequested{false};
volatile std::sig_atomic_t g_signal = 0;

// First SIGTERM/SIGINT: finish the step, checkpoint, exit. A second one: leave at once, unless
// it came within two seconds of the first: launchers that signal a whole process group (Slurm
// at a time limit or scancel, a terminal's Ctrl-C under torchrun) deliver one request both to
// us and to the wrapper or agent that passes it on, and that is still one request.
constexpr long kRepeatSeconds = 2;
volatile std::sig_atomic_t g_firstSignalSecond = 0;

long monotonicSeconds() {  // clock_gettime is async-signal-safe
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<long>(now.tv_sec);
}

void onStopSignal(int signal) {
    if (g_stopRequested.load()) {
        if (monotonicSeconds() - g_firstSignalSecond >= kRepeatSeconds) _exit(128 + signal);
        return;
    }
    g_firstSignalSecond = static_cast<std::sig_atomic_t>(monotonicSeconds());
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

int stopCode() {
    return 128 + (g_signal ? g_signal : SIGTERM);
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

// Where this process stands in the run's world, and the world once joined.
struct Place {
    std::optional<WorldPlace> started;  // from the environment (torchrun, or our rank 0)
    std::unique_ptr<World> world;
    RankChildren children;  // the ranks this process started, as rank 0
    int localRank = 0;
    int localSize = 1;
};

Result<void> readPlace(const TrainConfig& config, Place& place) {
    auto started = worldFromEnvironment();
    if (!started) return started.failure();
    place.started = *started;
    if (place.started) {
        place.localRank = place.started->localRank;
        place.localSize = place.started->localSize;
        return {};
    }
    if (config.train.nodes > 1) {
        return fail("train.nodes is " + std::to_string(config.train.nodes) +
                    ": a run over several machines is started on each of them by torchrun "
                    "(--nnodes, --node_rank) or by a several-hosts run; on its own this trainer "
                    "runs the processes of one machine (train.devices)");
    }
    place.localSize = static_cast<int>(config.train.devices);
    return {};
}

// Joins (rank 0 of its own world: listens, starts the other ranks, then joins).
Result<void> joinWorld(Place& place, int size, char** argv, const std::string& resumeFrom) {
    if (size <= 1 && !place.started) return {};
    auto world = place.started ? World::open(*place.started, kRankTimeout)
                               : World::listen(size, kRankTimeout);
    if (!world) return world.failure();
    place.world = std::move(*world);
    if (!place.started) {
        if (auto started = place.children.start(size, place.world->port(), argv, resumeFrom);
            !started)
            return started;
    }
    return place.world->join();
}

// Rank 1 and up: trains in step with rank 0 and records nothing; its errors go to the log.
int trainOtherRank(const TrainArgs& args, const TrainConfig& config, const std::string& resolved,
                   Place& place) {
    const int rank = place.started->rank;
    const std::string prefix = "rank " + std::to_string(rank) + ": ";
    std::string resumeFrom = inheritedResume();
    if (resumeFrom.empty() && !args.resume.empty()) {
        auto path = resolveCheckpointPath(RunLayout{args.runDir}, args.resume);
        if (!path) return reportError(prefix + path.error(), path.failure().code);
        resumeFrom = *path;
    }
    if (auto joined = joinWorld(place, 0, nullptr, ""); !joined)
        return reportError(prefix + joined.error(), kTrainFailed);
    TrainObserver quiet;
    TrainerOptions options{config, resolved, RunLayout{args.runDir}.checkpointsDir(), resumeFrom,
                           &g_stopRequested};
    options.world = place.world.get();
    options.localRank = place.localRank;
    options.localWorldSize = place.localSize;
    auto result = train(options, quiet);
    if (!result) return reportError(prefix + result.error(), kTrainFailed);
    return result->outcome == TrainOutcome::Stopped ? stopCode() : 0;
}

}  // namespace

int trainRun(const TrainArgs& args, int argc, char** argv) {
    const RunLayout layout{args.runDir};
    const std::string configPath = args.config.empty() ? layout.resolvedConfig() : args.config;
    auto source = loadConfigSource(configPath, args.sets, std::cerr);
    if (!source) return kConfigInvalid;
    const std::string resolved = writeResolvedConfig(source->values);
    const TrainConfig config = toTrainConfig(source->values);
    Place place;
    if (auto read = readPlace(config, place); !read)
        return reportError(read.error(), kConfigInvalid);
    installStopHandlers();
    if (place.started && place.started->rank != 0)
        return trainOtherRank(args, config, resolved, place);

    auto prepared = prepareRunDirectory(layout, *source, resolved, args.resume, argc, argv);
    if (!prepared) return reportError(prepared.error(), prepared.failure().code);

    const bool wrapped = std::getenv("TRAINBENCH_WRAPPED") != nullptr;
    RunRecorder recorder(layout, !wrapped);
    if (auto started = recorder.start(); !started)
        return reportError(started.error(), kTrainFailed);
    recorder.writeTensorboard(config.train.tensorboard);
    ProgressLine progress(stdout, isatty(STDOUT_FILENO) == 1);
    ObserverFanout observers({&recorder, &progress});

    const auto failed = [&](std::string message, int code) {
        // A rank that died names itself: rank 0's collective broke because it did.
        const std::string rank = place.children.failedRank(std::chrono::seconds(2));
        if (!rank.empty()) message = rank + "; " + message;
        place.world.reset();  // the others' collectives fail at once rather than time out
        place.children.stopAll();
        (void)recorder.finish(RunState::Failed, code, "error: " + message);
        progress.printLine("");
        return reportError(message, code);
    };
    const int size = static_cast<int>(config.train.devices);
    if (auto joined = joinWorld(place, size, argv, *prepared); !joined)
        return failed(joined.error(), kTrainFailed);

    TrainerOptions options{config, resolved, layout.checkpointsDir(), *prepared, &g_stopRequested};
    options.world = place.world.get();
    options.localRank = place.localRank;
    options.localWorldSize = place.localSize;
    auto result = train(options, observers);
    if (!result)
        return failed(result.error(), result.failure().code ? result.failure().code : kTrainFailed);
    place.world.reset();
    if (const std::string rank = place.children.waitAll(); !rank.empty())
        return failed(rank + " after training", kTrainFailed);
    std::string summary =
        "step " + std::to_string(result->step) + ", param_sha256 " + result->paramSha256;
    for (const auto& [key, value] : result->lastEval) {
        summary += ", " + key + " " + std::to_string(value);
    }
    if (result->outcome == TrainOutcome::Stopped) {
        (void)recorder.finish(RunState::Stopped, stopCode(), "stopped at " + summary);
        progress.printLine("stopped at " + summary);
        return stopCode();
    }
    if (auto done = recorder.finish(RunState::Finished, 0, "finished at " + summary); !done) {
        return reportError(done.error(), kTrainFailed);
    }
    progress.printLine("finished at " + summary);
    return 0;
}

}  // namespace tb
