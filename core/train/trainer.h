#pragma once
// The training loop: data, model, optimizer and schedule from a TrainConfig; reports through
// TrainObserver; checkpoints so that a resumed run continues exactly where it stopped.

#include <atomic>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/config/train_config.h"
#include "core/protocol/metrics_writer.h"
#include "core/protocol/result.h"

namespace tb {

struct TrainPlan {
    int64_t stepsPerEpoch = 0;
    int64_t totalSteps = 0;
    int64_t startStep = 0;  // > 0 when resumed
    int64_t trainSamples = 0;
    int64_t valSamples = 0;
    int64_t classes = 0;
    int64_t parameters = 0;
    std::string device;
};

struct CheckpointEvent {
    std::string path;
    int64_t epoch = 0;
    int64_t step = 0;
};

class TrainObserver {
public:
    virtual ~TrainObserver() = default;
    virtual void onPlan(const TrainPlan& plan) {}
    virtual void onStep(int64_t epoch, int64_t step) {}   // every step; no device sync behind it
    virtual void onRecord(const MetricRecord& record) {}  // train window and evaluation records
    virtual void onCheckpoint(const CheckpointEvent& event) {}
    virtual void onMessage(const std::string& line) {}
};

class World;

struct TrainerOptions {
    TrainConfig config;
    std::string resolvedConfig;  // stored in every checkpoint
    std::string checkpointDir;
    std::string resumeFrom;                            // checkpoint file; empty for a fresh start
    const std::atomic<bool>* stopRequested = nullptr;  // set from a signal handler
    // Data-parallel (data_parallel.h): the joined world, this process's place on its machine
    // and how many ranks share the machine. Null: one process. Only rank 0 writes checkpoints;
    // every rank reports records (the caller keeps rank 0's).
    World* world = nullptr;
    int localRank = 0;
    int localWorldSize = 1;
};

enum class TrainOutcome { Finished, Stopped };

struct TrainResult {
    TrainOutcome outcome = TrainOutcome::Finished;
    int64_t epoch = 0;
    int64_t step = 0;
    std::string paramSha256;
    std::vector<std::pair<std::string, double>> lastEval;  // val/loss, val/acc
};

Result<TrainResult> train(const TrainerOptions& options, TrainObserver& observer);

}  // namespace tb
