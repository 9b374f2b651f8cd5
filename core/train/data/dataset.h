#pragma once
// Datasets the built-in trainer reads, all held in memory as float tensors.

#include <torch/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/config/train_config.h"
#include "core/protocol/result.h"

namespace tb {

struct Dataset {
    torch::Tensor inputs;  // float32, (N, C, H, W) for images, (N, F) for tables
    torch::Tensor labels;  // int64, (N)
    int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
};

struct DatasetSplit {
    Dataset train;
    Dataset val;
    int64_t classes = 0;
    std::vector<int64_t> inputShape;  // one sample's shape, e.g. {1, 28, 28} or {12}
};

// Loads `config.kind`; errors name the file and what is wrong with it. The split between
// train and val is deterministic in `seed` when the dataset has no test split.
Result<DatasetSplit> loadDataset(const DataConfig& config, int64_t seed);

}  // namespace tb
