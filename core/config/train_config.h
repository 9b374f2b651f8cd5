#pragma once
// Typed view of a complete, validated ConfigValues: what the trainer reads. Std only.

#include <cstdint>
#include <string>
#include <vector>

#include "schema.h"

namespace tb {

struct SyntheticConfig {
    int64_t samples;
    int64_t classes;
    std::vector<int64_t> shape;
};

struct DataConfig {
    std::string kind;  // synthetic | mnist | cifar10 | csv
    std::string path;
    std::string labelColumn;
    bool header;
    double valFraction;
    int64_t batchSize;
    int64_t workers;
    SyntheticConfig synthetic;
};

struct ModelConfig {
    std::string kind;  // mlp | cnn | resnet
    std::vector<int64_t> hidden;
    std::vector<int64_t> channels;
    int64_t depth;
    double dropout;
};

struct OptimConfig {
    std::string kind;  // sgd | adam | adamw
    double lr;
    double momentum;
    bool nesterov;
    double weightDecay;
    double gradClip;
};

struct ScheduleConfig {
    std::string kind;  // none | step | cosine
    int64_t warmupSteps;
    int64_t stepSize;
    double gamma;
};

struct LoopConfig {
    int64_t epochs;
    int64_t maxSteps;
    int64_t logEvery;
    int64_t evalEvery;
    int64_t checkpointEvery;
    int64_t keepCheckpoints;
    std::string device;  // auto | cpu | cuda | cuda:N
    int64_t threads;
    int64_t devices;  // processes per machine (data-parallel)
    int64_t nodes;    // machines
    bool deterministic;
    std::string tensorboard;  // folder for TensorBoard event files; empty: none
};

struct TrainConfig {
    std::string name;
    int64_t seed;
    DataConfig data;
    ModelConfig model;
    OptimConfig optim;
    ScheduleConfig schedule;
    LoopConfig train;
};

// `values` must be complete and valid (from the YAML loader or readResolvedConfig).
TrainConfig toTrainConfig(const ConfigValues& values);

}  // namespace tb
