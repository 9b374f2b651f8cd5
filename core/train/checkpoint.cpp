// Checkpoint files: one torch archive per checkpoint plus its JSON sidecar and latest.json.
#include "checkpoint.h"

#include <torch/torch.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "core/protocol/atomic_file.h"
#include "core/protocol/json.h"
#include "core/protocol/run_layout.h"
#include "core/protocol/sha256.h"
#include "optimizer_state.h"

namespace tb {
namespace {

namespace fs = std::filesystem;
constexpr int64_t kCheckpointFormat = 1;

std::string metricsJson(const std::vector<std::pair<std::string, double>>& metrics) {
    JsonObject object;
    for (const auto& [key, value] : metrics) object.add(key, value);
    return object.str();
}

void writeOptional(torch::serialize::OutputArchive& archive, const std::string& key,
                   const torch::Tensor& tensor) {
    if (tensor.defined()) archive.write(key, tensor.detach().cpu());
}

std::string serialize(const CheckpointMeta& meta, Classifier& model,
                      torch::optim::Optimizer& optimizer, const TrainingState& state) {
    torch::serialize::OutputArchive archive;
    archive.write("meta/format", c10::IValue(kCheckpointFormat));
    archive.write("meta/epoch", c10::IValue(meta.epoch));
    archive.write("meta/step", c10::IValue(meta.step));
    archive.write("meta/time", c10::IValue(meta.time));
    archive.write("meta/metrics", c10::IValue(metricsJson(meta.metrics)));
    archive.write("meta/config", c10::IValue(meta.resolvedConfig));
    archive.write("meta/input_shape", c10::IValue(meta.inputShape));
    archive.write("meta/classes", c10::IValue(meta.classes));
    archive.write("meta/world_size", c10::IValue(meta.worldSize));
    torch::serialize::OutputArchive modelArchive;
    model.save(modelArchive);
    archive.write("model", modelArchive);
    // By parameter position, not LibTorch's Optimizer::save: see optimizer_state.h.
    torch::serialize::OutputArchive optimizerArchive;
    saveOptimizerState(optimizer, optimizerArchive);
    archive.write("optimizer_state", optimizerArchive);
    writeOptional(archive, "state/cpu_rng", state.cpuRng);
    writeOptional(archive, "state/cuda_rng", state.cudaRng);
    writeOptional(archive, "state/loss_sum", state.lossSum);
    writeOptional(archive, "state/correct", state.correct);
    writeOptional(archive, "state/seen", state.seen);
    std::ostringstream bytes;
    archive.save_to(bytes);
    return std::move(bytes).str();
}

// Digits at `at` up to `end` as a number; false when there are none or too many.
bool readNumber(const std::string& text, size_t& at, size_t end, uint64_t& value) {
    const size_t start = at;
    value = 0;
    while (at < end && text[at] >= '0' && text[at] <= '9' && at - start < 18)
        value = value * 10 + static_cast<uint64_t>(text[at++] - '0');
    return at > start && (at == end || text[at] < '0' || text[at] > '9');
}

// The epoch and step a checkpoint stem "ckpt-eEEEE-sSSSSSSS" names; false for any other name.
// Parsed as numbers: as text, ckpt-e10000 sorts before ckpt-e9999.
bool parseStem(const std::string& stem, std::pair<uint64_t, uint64_t>& position) {
    const std::string prefix = "ckpt-e";
    if (stem.rfind(prefix, 0) != 0) return false;
    size_t at = prefix.size();
    if (!readNumber(stem, at, stem.size(), position.first)) return false;
    if (stem.compare(at, 2, "-s") != 0) return false;
    at += 2;
    return readNumber(stem, at, stem.size(), position.second) && at == stem.size();
}

// Keeps the newest `keep` checkpoints by epoch, then step. Files named otherwise (a user's
// copy, say) are never deleted: they cannot be ordered.
void pruneCheckpoints(const std::string& dir, int64_t keep) {
    std::vector<std::pair<std::pair<uint64_t, uint64_t>, std::string>> stems;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        const std::string name = entry.path().filename().string();
        std::pair<uint64_t, uint64_t> position;
        if (name.rfind("ckpt-", 0) == 0 && entry.path().extension() == ".pt" &&
            parseStem(entry.path().stem().string(), position)) {
            stems.emplace_back(position, entry.path().stem().string());
        }
    }
    std::sort(stems.begin(), stems.end());
    const auto excess = static_cast<int64_t>(stems.size()) - std::max<int64_t>(1, keep);
    for (int64_t i = 0; i < excess; ++i) {
        fs::remove(dir + "/" + stems[i].second + ".json", error);
        fs::remove(dir + "/" + stems[i].second + ".pt", error);
    }
}

}  // namespace

Result<SavedCheckpoint> saveCheckpoint(const std::string& dir, const CheckpointMeta& meta,
                                       Classifier& model, torch::optim::Optimizer& optimizer,
                                       const TrainingState& state, int64_t keep) {
    if (auto made = makeDirs(dir); !made) return fail(made.error());
    std::string bytes;
    try {
        bytes = serialize(meta, model, optimizer, state);
    } catch (const std::exception& e) {
        return fail(std::string("cannot serialize checkpoint: ") + e.what());
    }
    const std::string stem = checkpointStem(meta.epoch, meta.step);
    SavedCheckpoint saved{dir + "/" + stem + ".pt", static_cast<int64_t>(bytes.size()),
                          sha256Hex(bytes)};
    if (auto written = writeFileAtomic(saved.path, bytes); !written) return fail(written.error());

    JsonObject sidecar;
    sidecar.add("epoch", meta.epoch)
        .add("step", meta.step)
        .add("time", meta.time)
        .addRaw("metrics", metricsJson(meta.metrics))
        .add("config_sha256", sha256Hex(meta.resolvedConfig))
        .add("bytes", saved.bytes)
        .add("sha256", saved.sha256);
    if (auto written = writeFileAtomic(dir + "/" + stem + ".json", sidecar.str() + "\n");
        !written) {
        return fail(written.error());
    }
    JsonObject latest;
    latest.add("checkpoint", stem + ".pt").add("epoch", meta.epoch).add("step", meta.step);
    if (auto written = writeFileAtomic(dir + "/latest.json", latest.str() + "\n"); !written) {
        return fail(written.error());
    }
    pruneCheckpoints(dir, keep);
    return saved;
}

std::string parameterSha256(Classifier& model) {
    Sha256 hash;
    torch::NoGradGuard noGrad;
    for (const auto& item : model.named_parameters()) {
        const torch::Tensor values = item.value().detach().to(torch::kCPU).contiguous();
        hash.update(item.key());
        hash.update(values.data_ptr(), values.numel() * values.element_size());
    }
    return hash.hexDigest();
}

}  // namespace tb
