#pragma once
// Classifier models the built-in trainer builds from model.*: mlp, cnn and a CIFAR-style resnet.

#include <torch/nn/module.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/config/train_config.h"
#include "core/protocol/result.h"

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

// Convolutions run faster on channels-last (NHWC) tensors with oneDNN on CPU and cuDNN on GPU:
// 4-D weights are stored that way, and batches are converted with toModelLayout. Call again
// after loading weights: loading replaces the tensors with contiguous ones, losing the speed-up.
void useChannelsLast(Classifier& model);
torch::Tensor toModelLayout(const torch::Tensor& batch);

}  // namespace tb
