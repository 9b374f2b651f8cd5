// toTrainConfig: the typed view of a complete, validated ConfigValues.
#include "train_config.h"

#include "value_text.h"

namespace tb {
namespace {

// Values were validated on the way in; a missing or malformed one falls back to the schema
// default rather than leaving a struct member uninitialised.
class ValueReader {
public:
    explicit ValueReader(const ConfigValues& values) : m_values(values) {}

    std::string text(const std::string& key) const {
        const auto it = m_values.find(key);
        if (it != m_values.end()) return it->second;
        const KeyDef* def = findKey(key);
        return def ? def->defaultValue : std::string();
    }
    int64_t integer(const std::string& key) const {
        return parseInt(text(key)).value_or(parseInt(defaultOf(key)).value_or(0));
    }
    double real(const std::string& key) const {
        return parseFloat(text(key)).value_or(parseFloat(defaultOf(key)).value_or(0.0));
    }
    bool flag(const std::string& key) const {
        return parseBool(text(key)).value_or(parseBool(defaultOf(key)).value_or(false));
    }
    std::vector<int64_t> list(const std::string& key) const {
        return parseIntList(text(key)).value_or(
            parseIntList(defaultOf(key)).value_or(std::vector<int64_t>{}));
    }

private:
    static std::string defaultOf(const std::string& key) {
        const KeyDef* def = findKey(key);
        return def ? def->defaultValue : std::string();
    }

    const ConfigValues& m_values;
};

}  // namespace

TrainConfig toTrainConfig(const ConfigValues& values) {
    const ValueReader v(values);
    TrainConfig config;
    config.name = v.text("name");
    config.seed = v.integer("seed");

    config.data.kind = v.text("data.kind");
    config.data.path = v.text("data.path");
    config.data.labelColumn = v.text("data.label_column");
    config.data.header = v.flag("data.header");
    config.data.valFraction = v.real("data.val_fraction");
    config.data.batchSize = v.integer("data.batch_size");
    config.data.workers = v.integer("data.workers");
    config.data.synthetic.samples = v.integer("data.synthetic.samples");
    config.data.synthetic.classes = v.integer("data.synthetic.classes");
    config.data.synthetic.shape = v.list("data.synthetic.shape");

    config.model.kind = v.text("model.kind");
    config.model.hidden = v.list("model.hidden");
    config.model.channels = v.list("model.channels");
    config.model.depth = v.integer("model.depth");
    config.model.dropout = v.real("model.dropout");

    config.optim.kind = v.text("optim.kind");
    config.optim.lr = v.real("optim.lr");
    config.optim.momentum = v.real("optim.momentum");
    config.optim.nesterov = v.flag("optim.nesterov");
    config.optim.weightDecay = v.real("optim.weight_decay");
    config.optim.gradClip = v.real("optim.grad_clip");

    config.schedule.kind = v.text("schedule.kind");
    config.schedule.warmupSteps = v.integer("schedule.warmup_steps");
    config.schedule.stepSize = v.integer("schedule.step_size");
    config.schedule.gamma = v.real("schedule.gamma");

    config.train.epochs = v.integer("train.epochs");
    config.train.maxSteps = v.integer("train.max_steps");
    config.train.logEvery = v.integer("train.log_every");
    config.train.evalEvery = v.integer("train.eval_every");
    config.train.checkpointEvery = v.integer("train.checkpoint_every");
    config.train.keepCheckpoints = v.integer("train.keep_checkpoints");
    config.train.device = v.text("train.device");
    config.train.threads = v.integer("train.threads");
    config.train.devices = v.integer("train.devices");
    config.train.nodes = v.integer("train.nodes");
    config.train.deterministic = v.flag("train.deterministic");
    config.train.tensorboard = v.text("train.tensorboard");
    return config;
}

}  // namespace tb
