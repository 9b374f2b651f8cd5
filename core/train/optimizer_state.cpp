// Optimizer state by parameter position; see optimizer_state.h.
#include "optimizer_state.h"

#include <torch/optim/adam.h>
#include <torch/optim/adamw.h>
#include <torch/optim/sgd.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "torch_compat.h"

namespace tb {
namespace {

namespace optim = torch::optim;

std::vector<torch::Tensor> allParameters(optim::Optimizer& optimizer) {
    std::vector<torch::Tensor> out;
    for (auto& group : optimizer.param_groups())
        for (const auto& parameter : group.params()) out.push_back(parameter);
    return out;
}

std::string kindOf(optim::Optimizer& optimizer) {
    if (dynamic_cast<optim::SGD*>(&optimizer)) return "sgd";
    if (dynamic_cast<optim::AdamW*>(&optimizer)) return "adamw";
    if (dynamic_cast<optim::Adam*>(&optimizer)) return "adam";
    throw std::runtime_error("an optimizer kind checkpoints cannot hold");
}

void writeTensor(torch::serialize::OutputArchive& archive, const std::string& key,
                 const torch::Tensor& tensor) {
    if (tensor.defined()) archive.write(key, tensor.detach().cpu());
}

// Adam and AdamW keep the same four things under different types.
template <typename State>
void saveAdamLike(const State& state, torch::serialize::OutputArchive& archive,
                  const std::string& prefix) {
    archive.write(prefix + "step", c10::IValue(state.step()));
    writeTensor(archive, prefix + "exp_avg", state.exp_avg());
    writeTensor(archive, prefix + "exp_avg_sq", state.exp_avg_sq());
    writeTensor(archive, prefix + "max_exp_avg_sq", state.max_exp_avg_sq());
}

torch::Tensor readTensor(torch::serialize::InputArchive& archive, const std::string& key,
                         const torch::Tensor& like, bool required) {
    torch::Tensor tensor;
    if (!archive.try_read(key, tensor)) {
        if (required) throw std::runtime_error("the optimizer state lacks " + key);
        return {};
    }
    if (!tensor.sizes().equals(like.sizes()))
        throw std::runtime_error(key + " has another shape than its parameter");
    return tensor.to(like.device());
}

template <typename State>
std::unique_ptr<State> loadAdamLike(torch::serialize::InputArchive& archive,
                                    const std::string& prefix, const torch::Tensor& parameter) {
    auto state = std::make_unique<State>();
    c10::IValue step;
    archive.read(prefix + "step", step);
    state->step(step.toInt());
    state->exp_avg(readTensor(archive, prefix + "exp_avg", parameter, true));
    state->exp_avg_sq(readTensor(archive, prefix + "exp_avg_sq", parameter, true));
    state->max_exp_avg_sq(readTensor(archive, prefix + "max_exp_avg_sq", parameter, false));
    return state;
}

}  // namespace

void saveOptimizerState(optim::Optimizer& optimizer, torch::serialize::OutputArchive& archive) {
    const std::string kind = kindOf(optimizer);
    const auto parameters = allParameters(optimizer);
    archive.write("kind", c10::IValue(kind));
    archive.write("parameter_count", c10::IValue(static_cast<int64_t>(parameters.size())));
    for (size_t i = 0; i < parameters.size(); ++i) {
        const auto* state = compat::paramState(optimizer, parameters[i]);
        if (!state) continue;  // never stepped
        const std::string prefix = "p" + std::to_string(i) + "/";
        archive.write(prefix + "present", c10::IValue(true));
        if (kind == "sgd") {
            writeTensor(archive, prefix + "momentum_buffer",
                        static_cast<const optim::SGDParamState*>(state)->momentum_buffer());
        } else if (kind == "adamw") {
            saveAdamLike(*static_cast<const optim::AdamWParamState*>(state), archive, prefix);
        } else {
            saveAdamLike(*static_cast<const optim::AdamParamState*>(state), archive, prefix);
        }
    }
}

void loadOptimizerState(optim::Optimizer& optimizer, torch::serialize::InputArchive& archive) {
    const std::string kind = kindOf(optimizer);
    c10::IValue saved;
    archive.read("kind", saved);
    if (saved.toStringRef() != kind)
        throw std::runtime_error("it holds " + saved.toStringRef() + " state, not " + kind);
    const auto parameters = allParameters(optimizer);
    archive.read("parameter_count", saved);
    if (saved.toInt() != static_cast<int64_t>(parameters.size()))
        throw std::runtime_error("it holds state for " + std::to_string(saved.toInt()) +
                                 " parameters, the model has " + std::to_string(parameters.size()));
    for (size_t i = 0; i < parameters.size(); ++i) {
        const std::string prefix = "p" + std::to_string(i) + "/";
        if (!archive.try_read(prefix + "present", saved)) continue;
        const torch::Tensor& parameter = parameters[i];
        if (kind == "sgd") {
            auto state = std::make_unique<optim::SGDParamState>();
            state->momentum_buffer(readTensor(archive, prefix + "momentum_buffer", parameter, false));
            compat::setParamState(optimizer, parameter, std::move(state));
        } else if (kind == "adamw") {
            compat::setParamState(optimizer, parameter,
                                  loadAdamLike<optim::AdamWParamState>(archive, prefix, parameter));
        } else {
            compat::setParamState(optimizer, parameter,
                                  loadAdamLike<optim::AdamParamState>(archive, prefix, parameter));
        }
    }
}

}  // namespace tb
