// LibTorch version differences; see torch_compat.h.
#include "torch_compat.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Context.h>
#include <ATen/Utils.h>
#include <torch/optim/adam.h>
#include <torch/optim/adamw.h>
#include <torch/optim/optimizer.h>
#include <torch/optim/sgd.h>

#include <cstring>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <type_traits>

// LibTorch 1.7 has no torch/version.h (Debian 11 ships none); core/train/CMakeLists.txt passes
// the version find_package(Torch) read from TorchConfigVersion.cmake instead.
#if __has_include(<torch/version.h>)
#include <torch/version.h>
#endif
#if defined(TORCH_VERSION_MAJOR)
#define TB_TORCH_MAJOR TORCH_VERSION_MAJOR
#define TB_TORCH_MINOR TORCH_VERSION_MINOR
#elif defined(TB_TORCH_VERSION_MAJOR)
#define TB_TORCH_MAJOR TB_TORCH_VERSION_MAJOR
#define TB_TORCH_MINOR TB_TORCH_VERSION_MINOR
#else
#error "LibTorch's version is unknown: no torch/version.h and no TB_TORCH_VERSION_MAJOR from CMake"
#endif
#define TB_TORCH_AT_LEAST(major, minor) \
    (TB_TORCH_MAJOR > (major) || (TB_TORCH_MAJOR == (major) && TB_TORCH_MINOR >= (minor)))

namespace tb::compat {

std::string libTorchVersion() {
    return std::to_string(TB_TORCH_MAJOR) + "." + std::to_string(TB_TORCH_MINOR);
}

#if TB_TORCH_AT_LEAST(1, 8)

torch::Tensor generatorState(torch::Device device) {
    at::Generator generator = at::globalContext().defaultGenerator(device);  // a shared handle
    std::lock_guard<std::mutex> lock(generator.mutex());
    return generator.get_state();
}

void setGeneratorState(torch::Device device, const torch::Tensor& state) {
    if (!state.defined()) return;
    at::Generator generator = at::globalContext().defaultGenerator(device);
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(state.cpu());
}

#else

namespace {

// What CPUGeneratorImpl::get_state() writes from LibTorch 1.8 on (CPUGeneratorImplState):
// the legacy TH layout of the Mersenne Twister followed by the cached float normal sample.
struct LegacyCpuState {
    uint64_t the_initial_seed;
    int left;
    int seeded;
    uint64_t next;
    uint64_t state[at::MERSENNE_STATE_N];
    double normal_x;
    double normal_y;
    double normal_rho;
    int normal_is_valid;
};
struct CpuState {
    LegacyCpuState legacy_pod;
    float next_float_normal_sample;
    bool is_next_float_normal_sample_valid;
};

}  // namespace

torch::Tensor generatorState(torch::Device device) {
    if (!device.is_cpu()) return {};
    at::Generator generator = at::globalContext().defaultGenerator(device);
    std::lock_guard<std::mutex> lock(generator.mutex());
    auto* cpu = at::check_generator<at::CPUGeneratorImpl>(generator);
    const at::mt19937_data_pod data = cpu->engine().data();
    CpuState out{};
    out.legacy_pod.the_initial_seed = data.seed_;
    out.legacy_pod.left = data.left_;
    out.legacy_pod.seeded = data.seeded_;
    out.legacy_pod.next = data.next_;
    for (size_t i = 0; i < at::MERSENNE_STATE_N; ++i) out.legacy_pod.state[i] = data.state_[i];
    if (const auto sample = cpu->next_double_normal_sample()) {
        out.legacy_pod.normal_is_valid = 1;
        out.legacy_pod.normal_y = *sample;
    }
    if (const auto sample = cpu->next_float_normal_sample()) {
        out.is_next_float_normal_sample_valid = true;
        out.next_float_normal_sample = *sample;
    }
    auto state = torch::empty({static_cast<int64_t>(sizeof out)}, torch::kUInt8);
    std::memcpy(state.data_ptr(), &out, sizeof out);
    return state;
}

void setGeneratorState(torch::Device device, const torch::Tensor& state) {
    if (!state.defined() || !device.is_cpu()) return;
    const auto bytes = state.cpu().contiguous();
    if (bytes.scalar_type() != torch::kUInt8 || bytes.numel() != static_cast<int64_t>(sizeof(CpuState)))
        throw std::runtime_error("the checkpoint's CPU random state has an unknown layout");
    CpuState in{};
    std::memcpy(&in, bytes.data_ptr(), sizeof in);
    at::Generator generator = at::globalContext().defaultGenerator(device);
    std::lock_guard<std::mutex> lock(generator.mutex());
    auto* cpu = at::check_generator<at::CPUGeneratorImpl>(generator);
    at::mt19937_data_pod data;
    data.seed_ = in.legacy_pod.the_initial_seed;
    data.left_ = in.legacy_pod.left;
    data.seeded_ = in.legacy_pod.seeded != 0;
    data.next_ = static_cast<uint32_t>(in.legacy_pod.next);
    for (size_t i = 0; i < at::MERSENNE_STATE_N; ++i)
        data.state_[i] = static_cast<uint32_t>(in.legacy_pod.state[i]);
    at::mt19937 engine;
    engine.set_data(data);
    cpu->set_engine(engine);
    cpu->set_next_double_normal_sample(in.legacy_pod.normal_is_valid
                                           ? c10::optional<double>(in.legacy_pod.normal_y)
                                           : c10::nullopt);
    cpu->set_next_float_normal_sample(in.is_next_float_normal_sample_valid
                                          ? c10::optional<float>(in.next_float_normal_sample)
                                          : c10::nullopt);
}

#endif

void useDeterministicAlgorithms() {
#if TB_TORCH_AT_LEAST(1, 11)
    at::globalContext().setDeterministicAlgorithms(true, /*warn_only=*/true);
#else
    at::globalContext().setDeterministicCuDNN(true);
    at::globalContext().setBenchmarkCuDNN(false);
#endif
}

void setGroupLearningRate(torch::optim::OptimizerParamGroup& group, double lr) {
#if TB_TORCH_AT_LEAST(1, 13)
    group.options().set_lr(lr);
#else
    // OptimizerOptions has no virtual learning-rate setter before that: set it on the type.
    auto& options = group.options();
    if (auto* sgd = dynamic_cast<torch::optim::SGDOptions*>(&options)) {
        sgd->lr(lr);
    } else if (auto* adam = dynamic_cast<torch::optim::AdamOptions*>(&options)) {
        adam->lr(lr);
    } else if (auto* adamw = dynamic_cast<torch::optim::AdamWOptions*>(&options)) {
        adamw->lr(lr);
    } else {
        throw std::logic_error("setGroupLearningRate: an optimizer makeOptimizer does not make");
    }
#endif
}

namespace {

using StateMap = std::decay_t<decltype(std::declval<torch::optim::Optimizer&>().state())>;

// The key is chosen by the map's own key type, so no version number is involved: text as
// c10::guts::to_string(impl) wrote it (the pointer through an ostream), else the pointer.
template <typename Key>
Key stateKey(const torch::Tensor& parameter) {
    if constexpr (std::is_same_v<Key, std::string>) {
        std::ostringstream text;
        text << static_cast<const void*>(parameter.unsafeGetTensorImpl());
        return text.str();
    } else {
        return parameter.unsafeGetTensorImpl();
    }
}

}  // namespace

torch::optim::OptimizerParamState* paramState(torch::optim::Optimizer& optimizer,
                                              const torch::Tensor& parameter) {
    auto& states = optimizer.state();
    const auto found = states.find(stateKey<StateMap::key_type>(parameter));
    return found == states.end() ? nullptr : found->second.get();
}

void setParamState(torch::optim::Optimizer& optimizer, const torch::Tensor& parameter,
                   std::unique_ptr<torch::optim::OptimizerParamState> state) {
    optimizer.state()[stateKey<StateMap::key_type>(parameter)] = std::move(state);
}

}  // namespace tb::compat
