#pragma once
// The one place that knows which LibTorch the trainer is built against. The trainer builds on
// rented boxes with anything from LibTorch 1.7.1 (Debian 11) to 2.6; each function here does one
// thing whose spelling changed between those versions, so no other file needs a version #if.

#include <torch/optim/optimizer.h>
#include <torch/types.h>

#include <memory>
#include <string>

namespace tb::compat {

// "major.minor" of the LibTorch this trainer was built against.
std::string libTorchVersion();

// The state of the device's default random generator as a byte tensor in the layout of
// at::Generator::get_state() (LibTorch >= 1.8), so checkpoints move between versions. Undefined
// when this LibTorch cannot read it (a CUDA generator before 1.8).
torch::Tensor generatorState(torch::Device device);
// Restores what generatorState() returned; an undefined state changes nothing.
void setGeneratorState(torch::Device device, const torch::Tensor& state);

// Asks for deterministic kernels, warning (not failing) where an operation has none. Before
// LibTorch 1.11 only the warn-less strict switch exists, so there it asks cuDNN alone.
void useDeterministicAlgorithms();

// Sets one parameter group's learning rate; groups of the optimizers makeOptimizer creates.
void setGroupLearningRate(torch::optim::OptimizerParamGroup& group, double lr);

// The optimizer's state for one parameter (null when it has none yet), and replacing it. The
// state map is keyed by the parameter's address: as text up to 1.13, as a pointer since 2.0.
torch::optim::OptimizerParamState* paramState(torch::optim::Optimizer& optimizer,
                                              const torch::Tensor& parameter);
void setParamState(torch::optim::Optimizer& optimizer, const torch::Tensor& parameter,
                   std::unique_ptr<torch::optim::OptimizerParamState> state);

}  // namespace tb::compat
