#pragma once
// Optimizers from optim.*: sgd (momentum, nesterov), adam, adamw, all with weight decay.

#include <torch/optim/optimizer.h>

#include <memory>
#include <vector>

#include "core/config/train_config.h"

namespace tb {

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(std::vector<torch::Tensor> parameters,
                                                       const OptimConfig& config);

// Sets the learning rate of every parameter group (the schedule is applied per step).
void setLearningRate(torch::optim::Optimizer& optimizer, double lr);

}  // namespace tb
