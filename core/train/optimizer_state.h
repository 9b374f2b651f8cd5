#pragma once
// The optimizer's per-parameter state in a checkpoint, stored by parameter position.
// LibTorch's Optimizer::save keys it by each parameter's address as text, which LibTorch 1.7
// writes in hex and 2.x reads back with std::stoull: a 1.7 checkpoint resumed with 2.6 gave every
// parameter the same state and failed on a shape. By position it reads the same everywhere.

#include <torch/optim/optimizer.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

namespace tb {

// Writes the state of sgd, adam and adamw (the kinds makeOptimizer makes); throws otherwise.
void saveOptimizerState(torch::optim::Optimizer& optimizer, torch::serialize::OutputArchive& archive);
// Restores what saveOptimizerState wrote onto an optimizer of the same kind over parameters of
// the same shapes; throws std::runtime_error naming what does not match.
void loadOptimizerState(torch::optim::Optimizer& optimizer, torch::serialize::InputArchive& archive);

}  // namespace tb
