// The training loop. The data order of an epoch is a pure function of (seed, epoch), the
// learning rate a pure function of the step, and the RNG state travels in checkpoints: so the
// step count alone tells a resumed run where it is, and CPU runs resume bit for bit.
#include "trainer.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <future>
#include <thread>

#include "checkpoint.h"
#include "core/protocol/run_layout.h"
#include "core/train/data/dataset.h"
#include "data_parallel.h"
#include "device.h"
#include "lr_schedule.h"
#include "models.h"
#include "optimizer.h"
#include "torch_compat.h"

namespace tb {
namespace {

torch::Tensor epochPermutation(int64_t seed, int64_t epoch, int64_t size) {
    auto generator = at::make_generator<at::CPUGeneratorImpl>(
        static_cast<uint64_t>(seed) * 1000003ULL + static_cast<uint64_t>(epoch) + 1);
    return torch::randperm(size, generator, torch::kLong);
}

struct Batch {
    torch::Tensor inputs;
    torch::Tensor labels;
};

class TrainingRun {
public:
    TrainingRun(const TrainerOptions& options, TrainObserver& observer)
        : m_options(options), m_config(options.config), m_observer(observer) {}

    Result<TrainResult> run() {
        if (auto ready = setUp(); !ready) return ready.failure();
        m_observer.onPlan(m_plan);
        const int64_t epochs = m_config.train.epochs;
        for (int64_t epoch = m_step / m_plan.stepsPerEpoch; epoch < epochs && !done(); ++epoch) {
            trainEpoch(epoch);
            if (!stopRequested()) {
                if (auto agreed = checkRanksAgree(epoch + 1); !agreed) return agreed.failure();
            }
            if (stopRequested()) {
                if (auto saved = checkpoint(epoch + 1, {}); !saved) return fail(saved.error());
                return finish(TrainOutcome::Stopped, epoch + 1);
            }
            const bool last = done() || epoch + 1 == epochs;
            std::vector<std::pair<std::string, double>> eval;
            if (last || (epoch + 1) % m_config.train.evalEvery == 0) eval = evaluate(epoch + 1);
            const int64_t every = m_config.train.checkpointEvery;
            if (last || (every > 0 && (epoch + 1) % every == 0)) {
                if (auto saved = checkpoint(epoch + 1, eval); !saved) return fail(saved.error());
            }
            m_epoch = epoch + 1;
        }
        if (m_lastCheckpointStep != m_step) {
            auto eval = evaluate(m_epoch);
            if (auto saved = checkpoint(m_epoch, eval); !saved) return fail(saved.error());
        }
        return finish(TrainOutcome::Finished, m_epoch);
    }

private:
    bool done() const { return m_step >= m_plan.totalSteps; }
    // With several ranks, a stop is what the ranks agreed at the last step: they stop together.
    bool stopRequested() const { return m_world ? m_stopAgreed : localStopRequested(); }
    bool localStopRequested() const {
        return m_options.stopRequested && m_options.stopRequested->load();
    }
    int rank() const { return m_world ? m_world->rank() : 0; }
    int worldSize() const { return m_world ? m_world->size() : 1; }

    // Summed over the ranks, in place (nothing to do for one process).
    void sumOverRanks(std::vector<torch::Tensor> tensors) {
        if (m_world) m_world->sum(tensors);
    }

    // The open log window (loss, correct, seen) summed over the ranks: on every rank, or on
    // rank 0 alone with the others' emptied (`intoRankZero`), which keeps the total the same.
    void sumWindowOverRanks(bool intoRankZero) {
        if (!m_world) return;
        torch::Tensor window = torch::stack({m_lossSum, m_correct, m_seen});
        sumOverRanks({window});
        if (intoRankZero && rank() != 0) window.zero_();
        m_lossSum = window[0].clone();
        m_correct = window[1].clone();
        m_seen = window[2].clone();
    }

    // Every rank must hold the same parameters after an epoch: a digest of each rank's is
    // compared (its minimum and maximum over the ranks), and a difference ends the run.
    Result<void> checkRanksAgree(int64_t epoch) {
        if (!m_world) return {};
        const std::string sha = parameterSha256(*m_model);
        torch::Tensor low = torch::full({1}, parameterDigest(sha), torch::kLong);
        torch::Tensor high = low.clone();
        m_world->minimum(low);
        m_world->maximum(high);
        if (low.item<int64_t>() != high.item<int64_t>()) {
            return fail("after epoch " + std::to_string(epoch) + " the parameters of the " +
                        std::to_string(worldSize()) + " ranks differ");
        }
        m_observer.onMessage("epoch " + std::to_string(epoch) + ": parameters equal on all " +
                             std::to_string(worldSize()) + " ranks (param_sha256 " + sha + ")");
        return {};
    }

    Result<void> setUp() {
        m_world = m_options.world;
        auto device = chooseDevice(m_config.train.device);
        if (!device) return fail(device.error());
        m_device = *device;
        // A rank per GPU: rank k of a machine takes its k-th GPU unless the config names one.
        if (m_world && m_device.is_cuda() && !m_device.has_index())
            m_device = torch::Device(torch::kCUDA, static_cast<int16_t>(m_options.localRank));
        if (m_config.train.threads > 0) {
            torch::set_num_threads(static_cast<int>(m_config.train.threads));
        } else if (m_options.localWorldSize > 1) {
            // Ranks sharing a machine share its cores rather than each taking all of them.
            const int cores = static_cast<int>(std::thread::hardware_concurrency());
            torch::set_num_threads(std::max(1, cores / m_options.localWorldSize));
        }
        if (m_config.train.deterministic) compat::useDeterministicAlgorithms();
        torch::manual_seed(static_cast<uint64_t>(m_config.seed));

        auto data = loadDataset(m_config.data, m_config.seed);
        if (!data) return fail(data.error());
        m_data = std::move(*data);
        if (m_data.train.size() == 0) return fail("the training split is empty");
        // In-memory datasets are small next to a GPU: move them once, index on the device.
        for (auto* split : {&m_data.train, &m_data.val}) {
            if (split->size() == 0) continue;
            split->inputs = split->inputs.to(m_device);
            split->labels = split->labels.to(m_device);
        }
        auto model = makeModel(m_config.model, m_data.inputShape, m_data.classes);
        if (!model) return fail(model.error());
        m_model = *model;
        m_model->to(m_device);
        useChannelsLast(*m_model);
        if (m_world) {
            // Every rank starts from rank 0's weights.
            std::vector<torch::Tensor> state = m_model->parameters();
            for (const auto& buffer : m_model->buffers()) state.push_back(buffer);
            torch::NoGradGuard noGrad;
            m_world->broadcast(state);
        }
        m_optimizer = makeOptimizer(m_model->parameters(), m_config.optim);
        resetWindow();

        const int64_t batch = m_config.data.batchSize;
        // Each rank trains on its shard: 1/N of every epoch's order.
        const int64_t shard = m_data.train.size() / worldSize();
        if (shard == 0) return fail("the training split has fewer samples than ranks");
        m_plan.stepsPerEpoch = (shard + batch - 1) / batch;
        m_plan.totalSteps = m_plan.stepsPerEpoch * m_config.train.epochs;
        if (m_config.train.maxSteps > 0) {
            m_plan.totalSteps = std::min(m_plan.totalSteps, m_config.train.maxSteps);
        }
        m_plan.trainSamples = m_data.train.size();
        m_plan.valSamples = m_data.val.size();
        m_plan.classes = m_data.classes;
        m_plan.device = m_device.str();
        if (m_world) m_plan.device += " x " + std::to_string(worldSize()) + " ranks";
        for (const auto& p : m_model->parameters()) m_plan.parameters += p.numel();
        m_schedule = {m_config.optim.lr, m_plan.stepsPerEpoch, m_plan.totalSteps};
        if (!m_options.resumeFrom.empty()) {
            if (auto resumed = resume(); !resumed) return resumed.failure();
        }
        m_plan.startStep = m_step;
        m_epoch = m_step / m_plan.stepsPerEpoch;
        return {};
    }

    Result<void> resume() {
        auto reader = CheckpointReader::open(m_options.resumeFrom, m_device);
        if (!reader) return reader.failure();
        if (auto loaded = (*reader)->loadModel(*m_model); !loaded) return loaded.failure();
        useChannelsLast(*m_model);
        if (auto loaded = (*reader)->loadOptimizer(*m_optimizer); !loaded) return loaded.failure();
        const int64_t written = (*reader)->meta().worldSize;
        if (written != worldSize()) {
            return fail(m_options.resumeFrom + " was written by a run of " +
                        std::to_string(written) + " process(es) and this run has " +
                        std::to_string(worldSize()) +
                        ": each epoch's data is split by the number of processes, so resume "
                        "with train.devices × train.nodes = " +
                        std::to_string(written) + " (or fork a new run from the checkpoint)");
        }
        auto state = (*reader)->trainingState();
        if (!state) return state.failure();
        compat::setGeneratorState(torch::kCPU, state->cpuRng);
        if (m_device.is_cuda()) compat::setGeneratorState(m_device, state->cudaRng);
        if (state->lossSum.defined()) m_lossSum = state->lossSum.to(m_device);
        if (state->correct.defined()) m_correct = state->correct.to(m_device);
        if (state->seen.defined()) m_seen = state->seen.to(m_device);
        if (rank() != 0) resetWindow();  // the checkpoint's window is every rank's, summed
        m_step = m_lastCheckpointStep = (*reader)->meta().step;
        m_observer.onMessage("resumed from " + m_options.resumeFrom + " at step " +
                             std::to_string(m_step));
        return {};
    }

    void resetWindow() {
        auto options = torch::TensorOptions().dtype(torch::kDouble).device(m_device);
        m_lossSum = torch::zeros({}, options);
        m_correct = torch::zeros({}, options);
        m_seen = torch::zeros({}, options);
        m_windowStart = std::chrono::steady_clock::now();
    }

    // Runs the rest of the epoch, or up to max_steps or a stop request. On a stop the open log
    // window stays open: it travels in the checkpoint.
    void trainEpoch(int64_t epoch) {
        m_model->train();
        m_windowStart = std::chrono::steady_clock::now();  // evaluation time is not training time
        const int64_t batch = m_config.data.batchSize;
        torch::Tensor order = epochPermutation(m_config.seed, epoch, m_data.train.size());
        if (m_world) order = shardOf(order, *m_world);
        order = order.to(m_device);
        const int64_t size = order.size(0);
        auto assemble = [this, &order, size, batch](int64_t b) {
            const auto index = order.slice(0, b * batch, std::min(size, (b + 1) * batch));
            return Batch{m_data.train.inputs.index_select(0, index),
                         m_data.train.labels.index_select(0, index)};
        };
        // data.workers > 0 on a GPU: the next batch is gathered while the GPU computes. On the
        // CPU the step already uses every core; a gathering thread only competes with it
        // (measured: 6 % slower on the demo).
        const bool prefetch = m_config.data.workers > 0 && m_device.is_cuda();
        std::future<Batch> next;
        for (int64_t b = m_step % m_plan.stepsPerEpoch; b < m_plan.stepsPerEpoch; ++b) {
            if (stopRequested()) return;
            if (done()) break;
            const Batch current = next.valid() ? next.get() : assemble(b);
            if (prefetch && b + 1 < m_plan.stepsPerEpoch)
                next = std::async(std::launch::async, assemble, b + 1);
            trainStep(current.inputs, current.labels);
            m_observer.onStep(epoch + 1, m_step);
            if (m_step % m_config.train.logEvery == 0) emitTrainRecord(epoch + 1);
        }
        emitTrainRecord(epoch + 1);
    }

    void trainStep(const torch::Tensor& inputs, const torch::Tensor& labels) {
        setLearningRate(*m_optimizer, learningRateAt(m_config.schedule, m_schedule, m_step));
        m_optimizer->zero_grad();
        const torch::Tensor logits = m_model->forward(toModelLayout(inputs));
        const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, labels);
        loss.backward();
        if (m_world) {
            m_stopAgreed = averageGradients(*m_world, m_model->parameters(),
                                            localStopRequested() ? 1.0 : 0.0) > 0;
        }
        if (m_config.optim.gradClip > 0) {
            torch::nn::utils::clip_grad_norm_(m_model->parameters(), m_config.optim.gradClip);
        }
        m_optimizer->step();
        ++m_step;
        torch::NoGradGuard noGrad;
        const auto count = static_cast<double>(labels.size(0));
        m_lossSum += loss.detach().to(torch::kDouble) * count;
        m_correct += logits.argmax(1).eq(labels).sum().to(torch::kDouble);
        m_seen += count;
    }

    // The one device sync per log window; with several ranks, sums over all of them.
    void emitTrainRecord(int64_t epoch) {
        sumWindowOverRanks(false);
        const double seen = m_seen.item<double>();
        if (seen <= 0) return;
        const auto now = std::chrono::steady_clock::now();
        const double seconds = std::chrono::duration<double>(now - m_windowStart).count();
        MetricRecord record{m_step, epoch, unixNow(), {}};
        record.values = {{"train/loss", m_lossSum.item<double>() / seen},
                         {"train/acc", m_correct.item<double>() / seen},
                         {"lr", learningRateAt(m_config.schedule, m_schedule, m_step - 1)},
                         {"samples_per_sec", seconds > 0 ? seen / seconds : 0.0}};
        m_observer.onRecord(record);
        resetWindow();
    }

    std::vector<std::pair<std::string, double>> evaluate(int64_t epoch) {
        if (m_data.val.size() == 0) return {};
        torch::NoGradGuard noGrad;
        m_model->eval();
        auto options = torch::TensorOptions().dtype(torch::kDouble).device(m_device);
        torch::Tensor lossSum = torch::zeros({}, options), correct = torch::zeros({}, options);
        // Each rank evaluates its slice of the split; the sums are added up over the ranks.
        const int64_t size = m_data.val.size();
        const int64_t batch = std::max<int64_t>(m_config.data.batchSize, 256);
        const int64_t first = size * rank() / worldSize();
        const int64_t end = size * (rank() + 1) / worldSize();
        for (int64_t start = first; start < end; start += batch) {
            const auto inputs = m_data.val.inputs.slice(0, start, std::min(end, start + batch));
            const auto labels = m_data.val.labels.slice(0, start, std::min(end, start + batch));
            const auto logits = m_model->forward(toModelLayout(inputs));
            lossSum += torch::nn::functional::cross_entropy(
                           logits, labels,
                           torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                           .to(torch::kDouble);
            correct += logits.argmax(1).eq(labels).sum().to(torch::kDouble);
        }
        m_model->train();
        sumOverRanks({lossSum, correct});
        std::vector<std::pair<std::string, double>> eval = {
            {"val/loss", lossSum.item<double>() / size},
            {"val/acc", correct.item<double>() / size}};
        m_observer.onRecord(MetricRecord{m_step, epoch, unixNow(), eval});
        m_lastEval = eval;
        return eval;
    }

    Result<void> checkpoint(int64_t epoch,
                            const std::vector<std::pair<std::string, double>>& eval) {
        // The open log window, summed into rank 0's: the checkpoint carries all of it, and a
        // resumed run's first record is the one an uninterrupted run writes.
        sumWindowOverRanks(true);
        CheckpointMeta meta{
            epoch,         m_step, unixNow(), eval, m_options.resolvedConfig, m_data.inputShape,
            m_data.classes};
        meta.worldSize = worldSize();
        if (rank() != 0) {  // rank 0 alone writes checkpoints
            m_lastCheckpointStep = m_step;
            return {};
        }
        TrainingState state{compat::generatorState(torch::kCPU), {}, m_lossSum, m_correct, m_seen};
        if (m_device.is_cuda()) state.cudaRng = compat::generatorState(m_device);
        auto saved = saveCheckpoint(m_options.checkpointDir, meta, *m_model, *m_optimizer, state,
                                    m_config.train.keepCheckpoints);
        if (!saved) return fail(saved.error());
        m_lastCheckpointStep = m_step;
        m_observer.onCheckpoint({saved->path, epoch, m_step});
        return {};
    }

    TrainResult finish(TrainOutcome outcome, int64_t epoch) {
        TrainResult result;
        result.outcome = outcome;
        result.epoch = epoch;
        result.step = m_step;
        result.paramSha256 = parameterSha256(*m_model);
        result.lastEval = m_lastEval;
        return result;
    }

    const TrainerOptions& m_options;
    World* m_world = nullptr;
    bool m_stopAgreed = false;
    const TrainConfig& m_config;
    TrainObserver& m_observer;
    torch::Device m_device{torch::kCPU};
    DatasetSplit m_data;
    ClassifierPtr m_model;
    std::unique_ptr<torch::optim::Optimizer> m_optimizer;
    TrainPlan m_plan;
    SchedulePlan m_schedule;
    int64_t m_step = 0;
    int64_t m_epoch = 0;
    int64_t m_lastCheckpointStep = -1;
    torch::Tensor m_lossSum, m_correct, m_seen;
    std::chrono::steady_clock::time_point m_windowStart;
    std::vector<std::pair<std::string, double>> m_lastEval;
};

}  // namespace

Result<TrainResult> train(const TrainerOptions& options, TrainObserver& observer) {
    try {
        return TrainingRun(options, observer).run();
    } catch (const std::exception& e) {
        const std::string what = e.what();
        return fail("training failed: " + what.substr(0, what.find('\n')));
    }
}

}  // namespace tb
