// The MNIST reader: IDX files (also Fashion-MNIST and any 10-class set in the same format).

#include <torch/types.h>

#include <filesystem>
#include <string>

#include "binary_formats.h"
#include "readers.h"

namespace tb {
namespace {

namespace fs = std::filesystem;

constexpr uint32_t kImageMagic = 2051;  // 0x00000803: unsigned bytes, 3 dimensions
constexpr uint32_t kLabelMagic = 2049;  // 0x00000801: unsigned bytes, 1 dimension
constexpr int64_t kClasses = 10;

// One IDX file: its header checked against what it should be and against its own size.
struct IdxFile {
    torch::Tensor payload;  // uint8, everything after the header
    std::vector<int64_t> dims;
};

Result<IdxFile> readIdx(const fs::path& file, uint32_t magic, size_t rank, const char* what) {
    Result<torch::Tensor> bytes = readFileBytes(file);
    if (!bytes) return fail(bytes.error());
    Result<std::vector<int64_t>> dims = checkIdxHeader(bytes->data_ptr<uint8_t>(), bytes->numel(),
                                                       magic, rank, file.string(), what);
    if (!dims) return fail(dims.error());
    IdxFile idx;
    idx.dims = std::move(*dims);
    idx.payload = bytes->slice(0, idxHeaderSize(rank));
    return idx;
}

// Reads one images + labels pair as (N, 1, rows, cols) pixels 0..255 and int64 labels.
Result<Dataset> readPair(const fs::path& images, const fs::path& labels) {
    Result<IdxFile> x = readIdx(images, kImageMagic, 3, "image");
    if (!x) return fail(x.error());
    Result<IdxFile> y = readIdx(labels, kLabelMagic, 1, "label");
    if (!y) return fail(y.error());
    if (x->dims[0] != y->dims[0]) {
        return fail(labels.string() + ": " + std::to_string(y->dims[0]) + " labels for " +
                    std::to_string(x->dims[0]) + " images in " + images.filename().string());
    }
    if (y->payload.numel() > 0) {
        const int64_t maxLabel = y->payload.max().item<uint8_t>();
        if (maxLabel >= kClasses) {
            return fail(labels.string() + ": label " + std::to_string(maxLabel) +
                        " is out of range, MNIST labels are 0..9");
        }
    }
    Dataset out;
    out.inputs = x->payload.view({x->dims[0], 1, x->dims[1], x->dims[2]}).to(torch::kFloat);
    out.labels = y->payload.to(torch::kLong);
    return out;
}

}  // namespace

Result<RawDataset> readMnist(const std::string& folderText) {
    Result<fs::path> found =
        findDataFolder(folderText, "train-images-idx3-ubyte", {"MNIST/raw", "raw"},
                       "train-images-idx3-ubyte and train-labels-idx1-ubyte");
    if (!found) return fail(found.error());
    const fs::path dir = *found;
    for (const char* name : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"}) {
        if (fs::exists(dir / name)) continue;
        const std::string gz = fs::exists(dir / (std::string(name) + ".gz"))
                                   ? " (found " + std::string(name) + ".gz: run gunzip on it)"
                                   : "";
        return fail((dir / name).string() + ": file not found" + gz);
    }
    Result<Dataset> train =
        readPair(dir / "train-images-idx3-ubyte", dir / "train-labels-idx1-ubyte");
    if (!train) return fail(train.error());

    RawDataset raw;
    raw.train = std::move(*train);
    raw.classes = kClasses;
    raw.inputShape = {1, raw.train.inputs.size(2), raw.train.inputs.size(3)};
    const fs::path testImages = dir / "t10k-images-idx3-ubyte";
    const fs::path testLabels = dir / "t10k-labels-idx1-ubyte";
    // The official test split is the fairer validation set, but only as a complete pair.
    if (fs::exists(testImages) && fs::exists(testLabels)) {
        Result<Dataset> test = readPair(testImages, testLabels);
        if (!test) return fail(test.error());
        if (test->inputs.sizes().slice(1) != raw.train.inputs.sizes().slice(1)) {
            return fail(
                testImages.string() + ": images are " + std::to_string(test->inputs.size(2)) + "x" +
                std::to_string(test->inputs.size(3)) + ", the train images are " +
                std::to_string(raw.inputShape[1]) + "x" + std::to_string(raw.inputShape[2]));
        }
        raw.val = std::move(*test);
        raw.hasVal = true;
    }
    return raw;
}

}  // namespace tb
