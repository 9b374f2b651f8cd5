#pragma once
// Classifier models the built-in trainer builds from model.*: mlp, cnn and a CIFAR-style resnet.

#include <torch/nn/module.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "config/train_config.h"
#include "protocol/result.h"

namespace tb {

// Maps a batch (N, *inputShape) to logits (N, classes).
class Classifier : public torch::nn::Module {
public:
    virtual torch::Tensor forward(torch::Tensor input) = 0;
};

using ClassifierPtr = std::shared_ptr<Classifier>;

// Fails with a message naming the key when the model cannot take this input (e.g. a cnn on
// table rows, or a resnet depth that is not 6n+2).
Result<ClassifierPtr> makeModel(const ModelConfig& config, const std::vector<int64_t>& inputShape,
                                int64_t classes);

}  // namespace tb
