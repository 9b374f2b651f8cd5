// Expansion of a sweep spec into trials and their labels; see sweep_expand.h.
#include "core/sweep/sweep_expand.h"

#include <algorithm>
#include <climits>

#include "core/sweep/sweep_random.h"

namespace tb {
namespace {

constexpr size_t kLabelValueChars = 32;
constexpr size_t kLabelChars = 120;

std::vector<Trial> gridTrials(const SweepSpec& spec, int size) {
    std::vector<Trial> trials(static_cast<size_t>(size));
    for (int i = 0; i < size; ++i) {
        trials[i].assignments.resize(spec.parameters.size());
        // Mixed radix, the last parameter the fastest digit.
        int rest = i;
        for (size_t p = spec.parameters.size(); p-- > 0;) {
            const SweepParameter& param = spec.parameters[p];
            const int n = static_cast<int>(param.values.size());
            trials[i].assignments[p] = {param.key, param.values[rest % n], param.placeholder};
            rest /= n;
        }
    }
    return trials;
}

std::vector<Trial> randomTrials(const SweepSpec& spec) {
    SweepDraws draws(spec.seed);
    std::vector<Trial> trials(static_cast<size_t>(spec.count));
    for (Trial& trial : trials) {
        for (const SweepParameter& param : spec.parameters) {
            trial.assignments.push_back({param.key, draws.draw(param), param.placeholder});
        }
    }
    return trials;
}

std::vector<Trial> listedTrials(const SweepSpec& spec) {
    std::vector<Trial> trials;
    for (const ListedTrial& listed : spec.trials) {
        Trial trial;
        for (const SweepAssignment& a : listed.assignments) {
            trial.assignments.push_back({a.key, a.value, a.placeholder});
        }
        trials.push_back(std::move(trial));
    }
    return trials;
}

struct LabelKey {
    std::string key;
    bool placeholder = false;
    std::string name;  // as the label shows it
    size_t at = 0;     // where trials usually hold it (grid and random: always)
    bool operator==(const SweepAssignment& a) const {
        return key == a.key && placeholder == a.placeholder;
    }
};

const SweepAssignment* valueOf(const Trial& trial, const LabelKey& key) {
    if (key.at < trial.assignments.size() && key == trial.assignments[key.at]) {
        return &trial.assignments[key.at];
    }
    const auto it = std::find_if(trial.assignments.begin(), trial.assignments.end(),
                                 [&](const SweepAssignment& a) { return key == a; });
    return it == trial.assignments.end() ? nullptr : &*it;
}

// The keys whose values differ between trials (all keys when none does), in first-seen order.
std::vector<LabelKey> labelKeys(const std::vector<Trial>& trials) {
    std::vector<LabelKey> all;
    std::vector<LabelKey> varied;
    for (const Trial& trial : trials) {
        for (size_t i = 0; i < trial.assignments.size(); ++i) {
            const SweepAssignment& a = trial.assignments[i];
            if (std::find(all.begin(), all.end(), a) == all.end()) {
                all.push_back({a.key, a.placeholder, a.key, i});
            }
        }
    }
    for (const LabelKey& key : all) {
        const SweepAssignment* first = valueOf(trials.front(), key);
        const bool differs = std::any_of(trials.begin(), trials.end(), [&](const Trial& trial) {
            const SweepAssignment* value = valueOf(trial, key);
            return !value || !first || value->value != first->value;
        });
        if (differs) varied.push_back(key);
    }
    std::vector<LabelKey> keys = varied.empty() ? all : varied;
    // The last segment of a key is enough when no other label key ends the same way.
    const auto leaf = [](const std::string& key) { return key.substr(key.rfind('.') + 1); };
    for (LabelKey& key : keys) {
        const bool unique = std::count_if(keys.begin(), keys.end(), [&](const LabelKey& other) {
                                return leaf(other.key) == leaf(key.key);
                            }) == 1;
        if (unique) key.name = leaf(key.key);
    }
    return keys;
}

// A value as a label shows it: "[32, 64]" as "[32,64]", no blanks or control characters.
std::string labelValue(const std::string& value) {
    std::string out;
    for (const char c : value) {
        if (c == ' ') continue;
        out += static_cast<unsigned char>(c) < ' ' || c == 0x7f ? '_' : c;
    }
    if (out.size() > kLabelValueChars) out = out.substr(0, kLabelValueChars) + "~";
    return out;
}

void addLabels(std::vector<Trial>& trials) {
    if (trials.empty()) return;
    const std::vector<LabelKey> keys = labelKeys(trials);
    for (Trial& trial : trials) {
        std::string label;
        for (const LabelKey& key : keys) {
            const SweepAssignment* value = valueOf(trial, key);
            if (!value) continue;
            label += (label.empty() ? "" : " ") + key.name + "=" + labelValue(value->value);
        }
        if (label.size() > kLabelChars) label = label.substr(0, kLabelChars) + "~";
        trial.label = label.empty() ? "base" : label;
    }
}

}  // namespace

int sweepSize(const SweepSpec& spec) {
    switch (spec.method) {
        case SweepMethod::Grid: {
            if (spec.parameters.empty()) return 0;
            int64_t product = 1;
            for (const SweepParameter& param : spec.parameters) {
                product *= static_cast<int64_t>(param.values.size());
                if (product > INT32_MAX) return INT32_MAX;
            }
            return static_cast<int>(product);
        }
        case SweepMethod::Random:
            return spec.count;
        case SweepMethod::List:
            return static_cast<int>(std::min<size_t>(spec.trials.size(), INT32_MAX));
    }
    return 0;
}

std::vector<Trial> expandSweep(const SweepSpec& spec) {
    const int size = sweepSize(spec);
    if (size <= 0 || size > kMaxSweepTrials) return {};
    std::vector<Trial> trials = spec.method == SweepMethod::Grid     ? gridTrials(spec, size)
                                : spec.method == SweepMethod::Random ? randomTrials(spec)
                                                                     : listedTrials(spec);
    for (size_t i = 0; i < trials.size(); ++i) trials[i].index = static_cast<int>(i);
    addLabels(trials);
    return trials;
}

std::vector<std::string> setArguments(const Trial& trial) {
    std::vector<std::string> arguments;
    for (const SweepAssignment& a : trial.assignments) {
        if (!a.placeholder) arguments.push_back(a.key + "=" + a.value);
    }
    return arguments;
}

ConfigValues placeholderValues(const Trial& trial) {
    ConfigValues values;
    for (const SweepAssignment& a : trial.assignments) {
        if (a.placeholder) values[a.key] = a.value;
    }
    return values;
}

}  // namespace tb
