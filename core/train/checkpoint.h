#pragma once
// Checkpoints: model, optimizer, RNG state and the position in the data order, written
// atomically with a JSON sidecar and checkpoints/latest.json; read back with clear errors.

#include <torch/optim/optimizer.h>
#include <torch/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/protocol/result.h"
#include "models.h"

namespace torch::serialize {
class InputArchive;
}

namespace tb {

struct CheckpointMeta {
    int64_t epoch = 0;  // 1-based epoch the step belongs to
    int64_t step = 0;   // optimizer steps done; with the seed this fixes the data position
    double time = 0;
    std::vector<std::pair<std::string, double>> metrics;
    std::string resolvedConfig;  // the config the run trained with
    std::vector<int64_t> inputShape;
    int64_t classes = 0;
    int64_t worldSize = 1;  // processes of a data-parallel run; each epoch is split by it
};

// What a resumed run restores besides weights and optimizer state.
struct TrainingState {
    torch::Tensor cpuRng;
    torch::Tensor cudaRng;  // undefined unless training on CUDA
    torch::Tensor lossSum;  // the log window open at the checkpoint
    torch::Tensor correct;
    torch::Tensor seen;
};

struct SavedCheckpoint {
    std::string path;
    int64_t bytes = 0;
    std::string sha256;
};

// Writes <dir>/ckpt-eEEEE-sSSSSSSS.pt and .json, then latest.json, and keeps the newest `keep`.
Result<SavedCheckpoint> saveCheckpoint(const std::string& dir, const CheckpointMeta& meta,
                                       Classifier& model, torch::optim::Optimizer& optimizer,
                                       const TrainingState& state, int64_t keep);

class CheckpointReader {
public:
    // Checks the sidecar's size and sha256 when one exists, then parses the archive.
    // Tensors are loaded onto `device` (RNG states are moved back to the CPU when restored).
    static Result<std::unique_ptr<CheckpointReader>> open(const std::string& path,
                                                          torch::Device device = torch::kCPU);
    ~CheckpointReader();

    const CheckpointMeta& meta() const { return m_meta; }
    Result<void> loadModel(Classifier& model);
    Result<void> loadOptimizer(torch::optim::Optimizer& optimizer);
    Result<TrainingState> trainingState();

private:
    CheckpointReader() = default;
    std::string m_path;
    CheckpointMeta m_meta;
    std::unique_ptr<torch::serialize::InputArchive> m_archive;
};

// SHA-256 over every parameter's name and values, in registration order (CPU copies).
std::string parameterSha256(Classifier& model);

}  // namespace tb
