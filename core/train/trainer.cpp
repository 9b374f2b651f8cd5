// The training loop. The data order of an epoch is a pure function of (seed, epoch), the
// learning rate a pure function of the step, and the RNG state travels in checkpoints: so the
// step count alone tells a resumed run where it is, and CPU runs resume bit for bit.
#include "trainer.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <future>

#include "checkpoint.h"
#include "core/protocol/run_layout.h"
#include "core/train/data/dataset.h"
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
    bool stopRequested() const {
        return m_options.stopRequested && m_options.stopRequested->load();
    }

    Result<void> setUp() {
        auto device = chooseDevice(m_config.train.device);
        if (!device) return fail(device.error());
        m_device = *device;
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
        m_optimizer = makeOptimizer(m_model->parameters(), m_config.optim);
        resetWindow();

        const int64_t batch = m_config.data.batchSize;
        m_plan.stepsPerEpoch = (m_data.train.size() + batch - 1) / batch;
        m_plan.totalSteps = m_plan.stepsPerEpoch * m_config.train.epochs;
        if (m_config.train.maxSteps > 0) {
            m_plan.totalSteps = std::min(m_plan.totalSteps, m_config.train.maxSteps);
        }
        m_plan.trainSamples = m_data.train.size();
        m_plan.valSamples = m_data.val.size();
        m_plan.classes = m_data.classes;
        m_plan.device = m_device.str();
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
        auto state = (*reader)->trainingState();
        if (!state) return state.failure();
        compat::setGeneratorState(torch::kCPU, state->cpuRng);
        if (m_device.is_cuda()) compat::setGeneratorState(m_device, state->cudaRng);
        if (state->lossSum.defined()) m_lossSum = state->lossSum.to(m_device);
        if (state->correct.defined()) m_correct = state->correct.to(m_device);
        if (state->seen.defined()) m_seen = state->seen.to(m_device);
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
        const int64_t size = m_data.train.size();
        const int64_t batch = m_config.data.batchSize;
        const torch::Tensor order = epochPermutation(m_config.seed, epoch, size).to(m_device);
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

    // The one device sync per log window.
    void emitTrainRecord(int64_t epoch) {
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
        const int64_t size = m_data.val.size();
        const int64_t batch = std::max<int64_t>(m_config.data.batchSize, 256);
        for (int64_t start = 0; start < size; start += batch) {
            const auto inputs = m_data.val.inputs.slice(0, start, std::min(size, start + batch));
            const auto labels = m_data.val.labels.slice(0, start, std::min(size, start + batch));
            const auto logits = m_model->forward(toModelLayout(inputs));
            lossSum += torch::nn::functional::cross_entropy(
                           logits, labels,
                           torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                           .to(torch::kDouble);
            correct += logits.argmax(1).eq(labels).sum().to(torch::kDouble);
        }
        m_model->train();
        std::vector<std::pair<std::string, double>> eval = {
            {"val/loss", lossSum.item<double>() / size},
            {"val/acc", correct.item<double>() / size}};
        m_observer.onRecord(MetricRecord{m_step, epoch, unixNow(), eval});
        m_lastEval = eval;
        return eval;
    }

    Result<void> checkpoint(int64_t epoch,
                            const std::vector<std::pair<std::string, double>>& eval) {
        CheckpointMeta meta{
            epoch,         m_step, unixNow(), eval, m_options.resolvedConfig, m_data.inputShape,
            m_data.classes};
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
