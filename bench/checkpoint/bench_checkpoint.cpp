// Checkpoint save and load time for a ResNet (model + Adam state + RNG), through the trainer's
// own atomic, sha256-verified path. bench/checkpoint/checkpoint_reference.py times torch.save /
// torch.load of the same state in Python; bench/run-all.sh prints the ratio.
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "core/config/schema.h"
#include "core/config/train_config.h"
#include "core/train/checkpoint.h"
#include "core/train/models.h"
#include "core/train/optimizer.h"

int main(int argc, char** argv) {
    const int depth = argc > 1 ? std::atoi(argv[1]) : 56;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 10;
    tb::TrainConfig config = tb::toTrainConfig(tb::defaultValues());
    config.model.kind = "resnet";
    config.model.depth = depth;
    auto model = tb::makeModel(config.model, {3, 32, 32}, 10);
    if (!model) {
        std::fprintf(stderr, "%s\n", model.error().c_str());
        return 1;
    }
    auto optimizer = tb::makeOptimizer((*model)->parameters(), config.optim);
    (*model)->forward(torch::randn({4, 3, 32, 32})).sum().backward();
    optimizer->step();  // so the optimizer has state to save

    const auto dir = std::filesystem::temp_directory_path() / "tb-bench-checkpoint";
    std::filesystem::remove_all(dir);
    tb::CheckpointMeta meta{1, 1, 0, {}, "", {3, 32, 32}, 10};
    tb::TrainingState state{
        at::globalContext().defaultGenerator(torch::kCPU).get_state(), {}, {}, {}, {}};
    using Clock = std::chrono::steady_clock;
    double saveSeconds = 0, loadSeconds = 0;
    std::string path;
    int64_t bytes = 0;
    for (int i = 0; i < repeats; ++i) {
        meta.step = i + 1;
        const auto start = Clock::now();
        auto saved = tb::saveCheckpoint(dir.string(), meta, **model, *optimizer, state, 2);
        saveSeconds += std::chrono::duration<double>(Clock::now() - start).count();
        if (!saved) {
            std::fprintf(stderr, "%s\n", saved.error().c_str());
            return 1;
        }
        path = saved->path;
        bytes = saved->bytes;
    }
    for (int i = 0; i < repeats; ++i) {
        const auto start = Clock::now();
        auto reader = tb::CheckpointReader::open(path);
        if (!reader || !(*reader)->loadModel(**model) || !(*reader)->loadOptimizer(*optimizer)) {
            std::fprintf(stderr, "load failed\n");
            return 1;
        }
        loadSeconds += std::chrono::duration<double>(Clock::now() - start).count();
    }
    std::filesystem::remove_all(dir);
    std::printf("%d %lld %.2f %.2f\n", depth, static_cast<long long>(bytes),
                saveSeconds / repeats * 1000, loadSeconds / repeats * 1000);
    return 0;
}
