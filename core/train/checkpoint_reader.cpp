// Reading checkpoints back: integrity check against the sidecar, then the archive, with every
// LibTorch failure turned into a message that names the file.
#include <torch/torch.h>

#include <filesystem>
#include <fstream>

#include "checkpoint.h"
#include "core/protocol/atomic_file.h"
#include "core/protocol/json.h"
#include "core/protocol/sha256.h"
#include "optimizer_state.h"
#include "train_errors.h"

namespace tb {
namespace {

std::string corrupt(const std::string& path, const std::string& why) {
    return path + ": corrupt or truncated checkpoint (" + why +
           "); resume from an earlier checkpoint";
}

// The sidecar, when present, records size and sha256 of the complete file.
Result<void> verifyAgainstSidecar(const std::string& path) {
    std::filesystem::path sidecarPath(path);
    sidecarPath.replace_extension(".json");
    auto text = readFile(sidecarPath.string());
    if (!text) return {};
    auto sidecar = parseFlatJson(*text);
    if (!sidecar) return {};
    std::error_code error;
    const auto size = static_cast<double>(std::filesystem::file_size(path, error));
    if (error) return fail(path + ": " + error.message(), kCheckpointUnusable);
    const double expected = jsonNumber(*sidecar, "bytes", -1);
    if (expected >= 0 && expected != size) {
        return fail(corrupt(path, "file is " + std::to_string(static_cast<int64_t>(size)) +
                                      " bytes, sidecar says " +
                                      std::to_string(static_cast<int64_t>(expected))),
                    kCheckpointUnusable);
    }
    const std::string sha = jsonString(*sidecar, "sha256");
    if (!sha.empty()) {
        auto actual = sha256File(path);
        if (!actual) return fail(actual.error(), kCheckpointUnusable);
        if (*actual != sha)
            return fail(corrupt(path, "sha256 differs from its sidecar"), kCheckpointUnusable);
    }
    return {};
}

std::vector<int64_t> intList(const c10::IValue& value) {
    std::vector<int64_t> out;
    for (const auto& item : value.toIntList()) out.push_back(item);
    return out;
}

}  // namespace

CheckpointReader::~CheckpointReader() = default;

Result<std::unique_ptr<CheckpointReader>> CheckpointReader::open(const std::string& path,
                                                                 torch::Device device) {
    if (!std::filesystem::is_regular_file(path))
        return fail(path + ": no such checkpoint file", kCheckpointUnusable);
    if (auto verified = verifyAgainstSidecar(path); !verified)
        return fail(verified.error(), kCheckpointUnusable);
    std::unique_ptr<CheckpointReader> reader(new CheckpointReader);
    reader->m_path = path;
    reader->m_archive = std::make_unique<torch::serialize::InputArchive>();
    try {
        reader->m_archive->load_from(path, device);
        auto& archive = *reader->m_archive;
        c10::IValue value;
        archive.read("meta/format", value);
        if (value.toInt() != 1)
            return fail(
                path + ": checkpoint format " + std::to_string(value.toInt()) + " is not supported",
                kCheckpointUnusable);
        CheckpointMeta& meta = reader->m_meta;
        archive.read("meta/epoch", value);
        meta.epoch = value.toInt();
        archive.read("meta/step", value);
        meta.step = value.toInt();
        archive.read("meta/time", value);
        meta.time = value.toDouble();
        archive.read("meta/config", value);
        meta.resolvedConfig = value.toStringRef();
        archive.read("meta/input_shape", value);
        meta.inputShape = intList(value);
        archive.read("meta/classes", value);
        meta.classes = value.toInt();
        // Absent from checkpoints of one-process runs written before data-parallel training.
        if (archive.try_read("meta/world_size", value)) meta.worldSize = value.toInt();
        if (meta.worldSize < 1 || meta.worldSize > 4096)
            return fail(path + ": meta/world_size " + std::to_string(meta.worldSize) +
                            " is not a number of processes",
                        kCheckpointUnusable);
        archive.read("meta/metrics", value);
        if (auto metrics = parseFlatJson(value.toStringRef())) {
            for (const auto& [key, scalar] : *metrics) {
                if (auto* number = std::get_if<double>(&scalar))
                    meta.metrics.emplace_back(key, *number);
            }
        }
    } catch (const std::exception& e) {
        return fail(
            corrupt(path, std::string(e.what()).substr(0, std::string(e.what()).find('\n'))),
            kCheckpointUnusable);
    }
    return reader;
}

Result<void> CheckpointReader::loadModel(Classifier& model) {
    // Module::load replaces tensors whatever their shape, so shapes are compared here.
    std::vector<std::pair<std::string, std::vector<int64_t>>> expected;
    for (const auto& item : model.named_parameters())
        expected.emplace_back(item.key(), item.value().sizes().vec());
    for (const auto& item : model.named_buffers())
        expected.emplace_back(item.key(), item.value().sizes().vec());
    try {
        torch::serialize::InputArchive modelArchive;
        m_archive->read("model", modelArchive);
        model.load(modelArchive);
        size_t i = 0;
        for (const auto& item : model.named_parameters()) {
            if (item.value().sizes().vec() != expected[i++].second) {
                throw std::runtime_error("parameter " + item.key() + " has another shape");
            }
        }
        for (const auto& item : model.named_buffers()) {
            if (item.value().sizes().vec() != expected[i++].second) {
                throw std::runtime_error("buffer " + item.key() + " has another shape");
            }
        }
    } catch (const std::exception& e) {
        const std::string what = e.what();
        return fail(m_path + ": the model in this checkpoint does not match the config (" +
                    what.substr(0, what.find('\n')) +
                    ", kCheckpointUnusable); resume with the config it was saved with");
    }
    return {};
}

Result<void> CheckpointReader::loadOptimizer(torch::optim::Optimizer& optimizer) {
    try {
        torch::serialize::InputArchive optimizerArchive;
        if (m_archive->try_read("optimizer_state", optimizerArchive)) {
            loadOptimizerState(optimizer, optimizerArchive);
        } else {
            // Written before optimizer_state existed: LibTorch's own format, which is only
            // safe to read with the LibTorch version that wrote it.
            m_archive->read("optimizer", optimizerArchive);
            optimizer.load(optimizerArchive);
        }
    } catch (const std::exception& e) {
        const std::string what = e.what();
        return fail(m_path + ": cannot restore the optimizer (" + what.substr(0, what.find('\n')) +
                    ", kCheckpointUnusable); a fork may change optim.* values but not optim.kind");
    }
    return {};
}

Result<TrainingState> CheckpointReader::trainingState() {
    TrainingState state;
    try {
        m_archive->try_read("state/cpu_rng", state.cpuRng);
        m_archive->try_read("state/cuda_rng", state.cudaRng);
        m_archive->try_read("state/loss_sum", state.lossSum);
        m_archive->try_read("state/correct", state.correct);
        m_archive->try_read("state/seen", state.seen);
    } catch (const std::exception& e) {
        return fail(corrupt(m_path, e.what()), kCheckpointUnusable);
    }
    return state;
}

}  // namespace tb
