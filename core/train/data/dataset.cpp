// loadDataset(): picks the reader, holds out the validation split and normalises the inputs.

#include "dataset.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <system_error>

#include "readers.h"

namespace tb {

PortableRng::PortableRng(uint64_t seed, uint64_t stream)
    : m_state(seed ^ (stream * 0xD1B54A32D192ED03ull)) {
}

uint64_t PortableRng::next() {
    uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double PortableRng::uniform() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

// std::numbers::pi's value; <numbers> is C++20 and the trainer builds as C++17.
constexpr double kPi = 3.141592653589793238462643383279502884;

double PortableRng::normal() {
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    const double u1 = 1.0 - uniform();  // (0, 1]: log() stays finite
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * kPi * u2;
    m_spare = radius * std::sin(angle);
    m_hasSpare = true;
    return radius * std::cos(angle);
}

uint64_t PortableRng::below(uint64_t bound) {
    // Rejection keeps every value equally likely, so splits are not skewed to low indices.
    const uint64_t limit =
        std::numeric_limits<uint64_t>::max() - std::numeric_limits<uint64_t>::max() % bound;
    uint64_t value = next();
    while (value >= limit) value = next();
    return value % bound;
}

std::vector<int64_t> PortableRng::permutation(int64_t n) {
    std::vector<int64_t> order(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) order[i] = i;
    for (int64_t i = n - 1; i > 0; --i) {
        std::swap(order[i], order[below(static_cast<uint64_t>(i) + 1)]);
    }
    return order;
}

Result<torch::Tensor> readFileBytes(const std::filesystem::path& file) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (error) return fail(file.string() + ": cannot read (" + error.message() + ")");
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(file.string() + ": cannot open for reading");
    torch::Tensor bytes = torch::empty({static_cast<int64_t>(size)}, torch::kUInt8);
    in.read(reinterpret_cast<char*>(bytes.data_ptr<uint8_t>()), static_cast<std::streamsize>(size));
    if (static_cast<uintmax_t>(in.gcount()) != size) {
        return fail(file.string() + ": read " + std::to_string(in.gcount()) + " of " +
                    std::to_string(size) + " bytes");
    }
    return bytes;
}

Result<std::filesystem::path> findDataFolder(const std::string& folder, const std::string& marker,
                                             const std::vector<std::string>& nested,
                                             const std::string& expected) {
    const std::filesystem::path root(folder);
    if (!std::filesystem::is_directory(root)) {
        return fail(folder + ": no such folder (data.path must be the folder holding " + expected +
                    ")");
    }
    if (std::filesystem::exists(root / marker)) return root;
    for (const std::string& below : nested) {
        if (std::filesystem::exists(root / below / marker)) return root / below;
    }
    return root;
}

namespace {

Dataset takeRows(const Dataset& from, const std::vector<int64_t>& rows) {
    const torch::Tensor index = torch::tensor(rows, torch::kLong);
    return {from.inputs.index_select(0, index), from.labels.index_select(0, index)};
}

// Holds out round(n * fraction) samples after a seeded shuffle. A non-zero fraction always
// leaves at least one sample on each side, so a tiny dataset still has something to validate.
void splitTrainVal(RawDataset& raw, double valFraction, int64_t seed) {
    const int64_t n = raw.train.size();
    int64_t nVal = std::llround(static_cast<double>(n) * valFraction);
    if (valFraction > 0) nVal = n >= 2 ? std::clamp<int64_t>(nVal, 1, n - 1) : 0;
    if (nVal == 0) {  // nothing held out: keep the file order, which is less surprising
        raw.val = takeRows(raw.train, {});
        return;
    }
    PortableRng rng(static_cast<uint64_t>(seed), /*stream=*/1);
    const std::vector<int64_t> order = rng.permutation(n);
    const std::vector<int64_t> valRows(order.begin(), order.begin() + nVal);
    const std::vector<int64_t> trainRows(order.begin() + nVal, order.end());
    raw.val = takeRows(raw.train, valRows);
    raw.train = takeRows(raw.train, trainRows);
}

// Zero mean, unit variance from the train split only (the val split must not leak into it):
// per channel for images (N, C, H, W), per feature for tables (N, F).
void normalise(RawDataset& raw) {
    const torch::Tensor& x = raw.train.inputs;
    std::vector<int64_t> reduce = {0};
    if (x.dim() == 4) reduce = {0, 2, 3};
    // Straight on float: ATen runs std_mean as Welford in double on the CPU, and a double
    // copy of CIFAR-10's train set would take another 1.2 GB.
    auto [std, mean] = torch::std_mean(x, reduce, /*unbiased=*/false, /*keepdim=*/true);
    // A constant column carries no information; dividing by ~0 would only blow it up.
    std = torch::where(std < 1e-8, torch::ones_like(std), std);
    raw.train.inputs.sub_(mean).div_(std);
    if (raw.val.size() > 0) raw.val.inputs.sub_(mean).div_(std);
}

Result<RawDataset> readKind(const DataConfig& config, int64_t seed) {
    if (config.kind == "synthetic") return readSynthetic(config.synthetic, seed);
    if (config.kind == "mnist") return readMnist(config.path);
    if (config.kind == "cifar10") return readCifar10(config.path);
    if (config.kind == "csv") return readCsv(config.path, config.labelColumn, config.header);
    return fail("data.kind: unknown dataset kind '" + config.kind +
                "' (expected synthetic, mnist, cifar10 or csv)");
}

}  // namespace

Result<DatasetSplit> loadDataset(const DataConfig& config, int64_t seed) {
    if (!(config.valFraction >= 0 && config.valFraction < 1)) {
        return fail("data.val_fraction: " + std::to_string(config.valFraction) +
                    " is outside [0, 1)");
    }
    Result<RawDataset> read = readKind(config, seed);
    if (!read) return fail(read.error());
    RawDataset& raw = *read;
    if (raw.train.size() == 0) return fail(config.path + ": the dataset has no samples");
    if (!raw.hasVal) splitTrainVal(raw, config.valFraction, seed);
    normalise(raw);
    DatasetSplit out;
    out.train = std::move(raw.train);
    out.val = std::move(raw.val);
    out.classes = raw.classes;
    out.inputShape = std::move(raw.inputShape);
    return out;
}

}  // namespace tb
