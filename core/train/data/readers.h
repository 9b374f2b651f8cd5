#pragma once
// Internal to core/train/data: the per-format readers that loadDataset() dispatches to.

#include <torch/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/config/train_config.h"
#include "core/protocol/result.h"
#include "dataset.h"

namespace tb {

// What a reader hands back before loadDataset() splits and normalises it. Inputs are float32
// in their natural units (pixels 0..255, CSV values as written): normalisation needs the
// train split's statistics, which only exist after the split.
struct RawDataset {
    Dataset train;
    Dataset val;  // filled only when the format ships its own test split
    bool hasVal = false;
    int64_t classes = 0;
    std::vector<int64_t> inputShape;
};

Result<RawDataset> readSynthetic(const SyntheticConfig& config, int64_t seed);
Result<RawDataset> readMnist(const std::string& folder);
Result<RawDataset> readCifar10(const std::string& folder);
Result<RawDataset> readCsv(const std::string& file, const std::string& labelColumn, bool header);

// The whole file as a uint8 tensor, in one read. Errors name the file.
Result<torch::Tensor> readFileBytes(const std::filesystem::path& file);

// Where a download's files are: `folder` itself when it holds `marker`, else the first of
// `nested` (the layouts archives and torchvision unpack to) that does, else `folder`.
// Fails when `folder` is not a folder; `expected` says what it should hold.
Result<std::filesystem::path> findDataFolder(const std::string& folder, const std::string& marker,
                                             const std::vector<std::string>& nested,
                                             const std::string& expected);

// Deterministic on every platform and LibTorch version (std::shuffle and torch::randperm
// are not): the data order and the synthetic data must not change when the same config
// runs on a rented box with another LibTorch.
class PortableRng {
public:
    // Distinct streams from one seed stay uncorrelated (the split must not follow the labels).
    explicit PortableRng(uint64_t seed, uint64_t stream = 0);
    uint64_t next();                 // splitmix64
    double uniform();                // [0, 1)
    double normal();                 // standard normal (Box-Muller)
    uint64_t below(uint64_t bound);  // [0, bound), unbiased
    std::vector<int64_t> permutation(int64_t n);

private:
    uint64_t m_state;
    double m_spare = 0;
    bool m_hasSpare = false;
};

}  // namespace tb
