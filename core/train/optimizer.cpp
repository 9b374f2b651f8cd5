// Optimizer construction and per-step learning-rate updates.
#include "optimizer.h"

#include <torch/torch.h>

#include "torch_compat.h"

namespace tb {

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(std::vector<torch::Tensor> parameters,
                                                       const OptimConfig& config) {
    namespace optim = torch::optim;
    if (config.kind == "sgd") {
        auto options = optim::SGDOptions(config.lr)
                           .momentum(config.momentum)
                           .nesterov(config.nesterov && config.momentum > 0)
                           .weight_decay(config.weightDecay);
        return std::make_unique<optim::SGD>(std::move(parameters), options);
    }
    if (config.kind == "adamw") {
        auto options = optim::AdamWOptions(config.lr).weight_decay(config.weightDecay);
        return std::make_unique<optim::AdamW>(std::move(parameters), options);
    }
    auto options = optim::AdamOptions(config.lr).weight_decay(config.weightDecay);
    return std::make_unique<optim::Adam>(std::move(parameters), options);
}

void setLearningRate(torch::optim::Optimizer& optimizer, double lr) {
    for (auto& group : optimizer.param_groups()) compat::setGroupLearningRate(group, lr);
}

}  // namespace tb
