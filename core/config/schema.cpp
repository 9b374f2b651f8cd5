// Config schema version 1: the key table, lookups and misspelling suggestions.
#include "schema.h"

#include <algorithm>
#include <limits>

#include "config_text.h"
#include "message_text.h"

namespace tb {
namespace {

constexpr double kNoMax = std::numeric_limits<double>::infinity();

KeyDef intKey(std::string path, std::string def, double min, double max, std::string doc) {
    return KeyDef{std::move(path), KeyType::Int, std::move(def), min, max, {}, std::move(doc)};
}

KeyDef floatKey(std::string path, std::string def, double min, double max, std::string doc,
                bool minExclusive = false) {
    KeyDef key{std::move(path), KeyType::Float, std::move(def), min, max, {}, std::move(doc)};
    key.minExclusive = minExclusive;
    return key;
}

KeyDef boolKey(std::string path, std::string def, std::string doc) {
    return KeyDef{std::move(path), KeyType::Bool, std::move(def), 0, -1, {}, std::move(doc)};
}

KeyDef textKey(std::string path, KeyType type, std::string def, std::string doc) {
    return KeyDef{std::move(path), type, std::move(def), 0, -1, {}, std::move(doc)};
}

KeyDef choiceKey(std::string path, std::string def, std::vector<std::string> choices,
                 std::string doc) {
    return KeyDef{std::move(path),    KeyType::Choice, std::move(def), 0, -1,
                  std::move(choices), std::move(doc)};
}

KeyDef listKey(std::string path, std::string def, double min, double max, size_t minItems,
               size_t maxItems, std::string doc) {
    KeyDef key{std::move(path), KeyType::IntList, std::move(def), min, max, {}, std::move(doc)};
    key.minItems = minItems;
    key.maxItems = maxItems;
    return key;
}

std::vector<KeyDef> buildSchema() {
    return {
        textKey("name", KeyType::String, "demo",
                QT_TRANSLATE_NOOP("ConfigSchema", "Run name; becomes part of the run id.")),
        intKey(
            "seed", "0", 0, 4294967295.0,
            QT_TRANSLATE_NOOP("ConfigSchema", "Random seed for weights, data order and dropout.")),
        choiceKey("data.kind", "synthetic", {"synthetic", "mnist", "cifar10", "csv"},
                  QT_TRANSLATE_NOOP(
                      "ConfigSchema",
                      "Dataset: generated in memory, MNIST IDX, CIFAR-10 binary or a CSV table.")),
        textKey("data.path", KeyType::Path, "",
                QT_TRANSLATE_NOOP("ConfigSchema",
                                  "Folder holding the MNIST or CIFAR-10 files, or the CSV file.")),
        textKey("data.label_column", KeyType::String, "label",
                QT_TRANSLATE_NOOP("ConfigSchema",
                                  "CSV label column: its header name or 0-based index.")),
        boolKey("data.header", "true",
                QT_TRANSLATE_NOOP("ConfigSchema", "CSV: the first row names the columns.")),
        floatKey("data.val_fraction", "0.1", 0, 0.9,
                 QT_TRANSLATE_NOOP("ConfigSchema", "Share of samples held out for validation.")),
        intKey("data.batch_size", "64", 1, 65536,
               QT_TRANSLATE_NOOP("ConfigSchema", "Samples per training step.")),
        intKey(
            "data.workers", "2", 0, 64,
            QT_TRANSLATE_NOOP("ConfigSchema", "Background threads loading batches (0 = inline).")),
        intKey("data.synthetic.samples", "6000", 10, 10000000,
               QT_TRANSLATE_NOOP("ConfigSchema", "Synthetic: number of samples.")),
        intKey("data.synthetic.classes", "10", 2, 1000,
               QT_TRANSLATE_NOOP("ConfigSchema", "Synthetic: number of classes.")),
        listKey("data.synthetic.shape", "[1, 28, 28]", 1, 4096, 1, 3,
                QT_TRANSLATE_NOOP("ConfigSchema",
                                  "Synthetic: sample shape, e.g. [channels, height, width].")),
        choiceKey("model.kind", "cnn", {"mlp", "cnn", "resnet"},
                  QT_TRANSLATE_NOOP("ConfigSchema", "Network architecture.")),
        listKey("model.hidden", "[256, 128]", 1, 65536, 0, 16,
                QT_TRANSLATE_NOOP("ConfigSchema", "MLP: hidden layer widths.")),
        listKey(
            "model.channels", "[32, 64]", 1, 4096, 1, 16,
            QT_TRANSLATE_NOOP("ConfigSchema", "CNN: output channels of each convolution block.")),
        intKey(
            "model.depth", "20", 8, 1202,
            QT_TRANSLATE_NOOP("ConfigSchema", "ResNet: number of layers, 6n+2 (20, 32, 44, 56).")),
        floatKey("model.dropout", "0", 0, 0.95,
                 QT_TRANSLATE_NOOP("ConfigSchema", "Dropout probability before the classifier.")),
        choiceKey("optim.kind", "adam", {"sgd", "adam", "adamw"},
                  QT_TRANSLATE_NOOP("ConfigSchema", "Optimizer.")),
        floatKey("optim.lr", "0.001", 0, 10,
                 QT_TRANSLATE_NOOP("ConfigSchema", "Peak learning rate."), true),
        floatKey("optim.momentum", "0.9", 0, 1,
                 QT_TRANSLATE_NOOP("ConfigSchema", "SGD momentum (Adam: beta1).")),
        boolKey("optim.nesterov", "false",
                QT_TRANSLATE_NOOP("ConfigSchema", "SGD: use Nesterov momentum.")),
        floatKey("optim.weight_decay", "0", 0, 10,
                 QT_TRANSLATE_NOOP("ConfigSchema", "L2 penalty (AdamW: decoupled decay).")),
        floatKey("optim.grad_clip", "0", 0, 1e6,
                 QT_TRANSLATE_NOOP("ConfigSchema", "Clip the gradient norm to this (0 = off).")),
        choiceKey("schedule.kind", "cosine", {"none", "step", "cosine"},
                  QT_TRANSLATE_NOOP("ConfigSchema", "Learning-rate schedule after warmup.")),
        intKey("schedule.warmup_steps", "0", 0, kNoMax,
               QT_TRANSLATE_NOOP("ConfigSchema", "Steps of linear warmup from 0 to lr.")),
        intKey("schedule.step_size", "10", 1, kNoMax,
               QT_TRANSLATE_NOOP("ConfigSchema", "Step schedule: epochs between decays.")),
        floatKey("schedule.gamma", "0.1", 0, 1,
                 QT_TRANSLATE_NOOP("ConfigSchema", "Step schedule: lr multiplier at each decay."),
                 true),
        intKey("train.epochs", "5", 1, 100000,
               QT_TRANSLATE_NOOP("ConfigSchema", "Passes over the training set.")),
        intKey("train.max_steps", "0", 0, kNoMax,
               QT_TRANSLATE_NOOP("ConfigSchema", "Stop after this many steps (0 = no cap).")),
        intKey("train.log_every", "20", 1, kNoMax,
               QT_TRANSLATE_NOOP("ConfigSchema", "Steps between training metric records.")),
        intKey("train.eval_every", "1", 1, kNoMax,
               QT_TRANSLATE_NOOP("ConfigSchema", "Epochs between validation passes.")),
        intKey("train.checkpoint_every", "1", 0, kNoMax,
               QT_TRANSLATE_NOOP("ConfigSchema",
                                 "Epochs between checkpoints (0 = only at the end or on stop).")),
        intKey("train.keep_checkpoints", "3", 1, kNoMax,
               QT_TRANSLATE_NOOP("ConfigSchema", "Newest checkpoints kept on disk.")),
        textKey("train.device", KeyType::String, "auto",
                QT_TRANSLATE_NOOP("ConfigSchema", "auto, cpu, cuda or cuda:N.")),
        intKey("train.threads", "0", 0, 1024,
               QT_TRANSLATE_NOOP(
                   "ConfigSchema",
                   "CPU threads for torch per process (0 = the machine's cores, shared by its "
                   "processes).")),
        intKey("train.devices", "1", 1, 1024,
               QT_TRANSLATE_NOOP(
                   "ConfigSchema",
                   "Processes per machine, data-parallel through torch c10d: one per GPU, or CPU "
                   "processes.")),
        intKey("train.nodes", "1", 1, 1024,
               QT_TRANSLATE_NOOP(
                   "ConfigSchema",
                   "Machines in one run (more than 1: started by torchrun or several hosts).")),
        boolKey("train.deterministic", "true",
                QT_TRANSLATE_NOOP("ConfigSchema",
                                  "Deterministic kernels, so a resumed run repeats bit for bit.")),
        textKey(
            "train.tensorboard", KeyType::String, "",
            QT_TRANSLATE_NOOP(
                "ConfigSchema",
                "Also write TensorBoard event files, in a folder named after the run under this "
                "one (relative: to the run folder; empty: off). AutoDL's TensorBoard reads "
                "/root/tf-logs.")),
    };
}

// Edit distance where swapping two neighbours counts as one edit ("modle" -> "model").
size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

std::string_view leafOf(std::string_view path) {
    const size_t dot = path.rfind('.');
    return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

std::vector<std::string> buildSections() {
    std::vector<std::string> sections;
    for (const KeyDef& key : configSchema()) {
        for (size_t dot = key.path.find('.'); dot != std::string::npos;
             dot = key.path.find('.', dot + 1)) {
            std::string section = key.path.substr(0, dot);
            if (std::find(sections.begin(), sections.end(), section) == sections.end()) {
                sections.push_back(std::move(section));
            }
        }
    }
    return sections;
}

const std::vector<std::string>& configSections() {
    static const std::vector<std::string> sections = buildSections();
    return sections;
}

}  // namespace

const std::vector<KeyDef>& configSchema() {
    static const std::vector<KeyDef> schema = buildSchema();
    return schema;
}

const KeyDef* findKey(std::string_view path) {
    for (const KeyDef& key : configSchema()) {
        if (key.path == path) return &key;
    }
    return nullptr;
}

bool isConfigSection(std::string_view path) {
    const auto& sections = configSections();
    return std::find(sections.begin(), sections.end(), path) != sections.end();
}

std::string closestKey(std::string_view path) {
    std::vector<std::string_view> candidates;
    for (const KeyDef& key : configSchema()) candidates.push_back(key.path);
    for (const std::string& section : configSections()) candidates.push_back(section);

    std::string_view best;
    size_t bestDistance = std::string_view::npos;
    for (std::string_view candidate : candidates) {
        // Only a few edits count as a typo, and lengths that differ by more cannot be that:
        // skipping them keeps a 2 MB key (a config can come back from a box) from costing
        // an edit-distance table per schema key (31 s and 571 MB before).
        const size_t gap = path.size() > candidate.size() ? path.size() - candidate.size()
                                                          : candidate.size() - path.size();
        if (gap > 3) continue;
        const size_t distance = editDistance(path, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    // Close enough to be a typo: a few edits, and not most of the word.
    if (bestDistance > 0 && bestDistance <= 3 && bestDistance * 3 <= path.size()) {
        return std::string(best);
    }
    // A right name in the wrong section ("train.lr") is suggested by its leaf.
    // Only when the leaf is unambiguous: "x.kind" could mean any of four keys.
    const KeyDef* sameLeaf = nullptr;
    for (const KeyDef& key : configSchema()) {
        if (leafOf(key.path) != leafOf(path) || key.path == path) continue;
        if (sameLeaf) return {};
        sameLeaf = &key;
    }
    return sameLeaf ? sameLeaf->path : std::string();
}

std::string unknownKeyMessage(std::string_view path) {
    const std::string suggestion = closestKey(path);
    constexpr size_t kShown = 80;  // of a key that may be megabytes long
    const std::string shown =
        path.size() <= kShown
            ? std::string(path)
            : fillText(config_text::kCutKey, {path.substr(0, kShown), std::to_string(path.size())});
    if (suggestion.empty()) return fillText(config_text::kUnknownKey, {shown});
    return fillText(config_text::kUnknownKeyDidYouMean, {shown, suggestion});
}

ConfigValues defaultValues() {
    ConfigValues values;
    for (const KeyDef& key : configSchema()) values[key.path] = key.defaultValue;
    return values;
}

}  // namespace tb
