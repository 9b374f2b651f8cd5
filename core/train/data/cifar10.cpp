// The CIFAR-10 reader: the "binary version" batches (data_batch_1..5.bin, test_batch.bin).

#include <torch/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "binary_formats.h"
#include "readers.h"

namespace tb {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kClasses = 10;
constexpr int64_t kRecord = kCifarRecordBytes;  // label byte, then R, G, B planes row-major

// Reads batch files into one (N, 3073) uint8 tensor: one allocation, one copy per file.
Result<torch::Tensor> readRecords(const std::vector<fs::path>& files) {
    std::vector<torch::Tensor> parts;
    for (const fs::path& file : files) {
        Result<torch::Tensor> bytes = readFileBytes(file);
        if (!bytes) return fail(bytes.error());
        Result<int64_t> count =
            checkCifarRecords(bytes->data_ptr<uint8_t>(), bytes->numel(), file.string());
        if (!count) return fail(count.error());
        torch::Tensor records = bytes->view({*count, kRecord});
        parts.push_back(records);
    }
    return parts.size() == 1 ? parts.front() : torch::cat(parts, 0);
}

Dataset toDataset(const torch::Tensor& records) {
    Dataset out;
    out.labels = records.select(1, 0).to(torch::kLong);
    out.inputs = records.slice(1, 1).to(torch::kFloat).reshape({records.size(0), 3, 32, 32});
    return out;
}

}  // namespace

Result<RawDataset> readCifar10(const std::string& folderText) {
    Result<fs::path> found =
        findDataFolder(folderText, "data_batch_1.bin", {"cifar-10-batches-bin"},
                       "data_batch_1.bin .. data_batch_5.bin");
    if (!found) return fail(found.error());
    const fs::path dir = *found;
    std::vector<fs::path> trainFiles;
    for (int i = 1; i <= 5; ++i) {
        const fs::path file = dir / ("data_batch_" + std::to_string(i) + ".bin");
        if (fs::exists(file)) trainFiles.push_back(file);
    }
    if (trainFiles.empty()) {
        const std::string hint = fs::exists(dir / "data_batch_1")
                                     ? " (found data_batch_1 without .bin: that is the Python "
                                       "version; download the binary version)"
                                     : "";
        return fail(dir.string() + ": no data_batch_1.bin .. data_batch_5.bin found" + hint);
    }
    Result<torch::Tensor> train = readRecords(trainFiles);
    if (!train) return fail(train.error());

    RawDataset raw;
    raw.train = toDataset(*train);
    raw.classes = kClasses;
    raw.inputShape = {3, 32, 32};
    const fs::path testFile = dir / "test_batch.bin";
    if (fs::exists(testFile)) {
        Result<torch::Tensor> test = readRecords({testFile});
        if (!test) return fail(test.error());
        raw.val = toDataset(*test);
        raw.hasVal = true;
    }
    return raw;
}

}  // namespace tb
