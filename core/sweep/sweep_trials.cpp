// Reads a sweep's listed trials (method list) and its early_stop section.
#include <map>
#include <set>
#include <utility>

#include "core/config/value_text.h"
#include "core/sweep/sweep_text.h"
#include "core/sweep/sweep_yaml.h"

namespace tb {

void readTrials(const YAML::Node& node, TextPosition at, SweepReport& report,
                std::vector<ListedTrial>& out) {
    if (!node.IsSequence() || node.size() == 0) {
        report.add(at, "",
                   fillText(sweep_text::kTrialsNotList,
                            {node.IsSequence() ? std::string(sweep_text::kAnEmptyList)
                                               : nodeShape(node)}));
        return;
    }
    if (node.size() > static_cast<size_t>(kMaxSweepTrials)) {
        report.add(at, "",
                   fillText(sweep_text::kTooManyTrials,
                            {std::to_string(node.size()), std::to_string(kMaxSweepTrials)}));
        return;
    }
    std::map<std::set<std::pair<std::string, std::string>>, size_t> firstTrials;
    for (size_t i = 0; i < node.size(); ++i) {
        const YAML::Node item = node[i];
        const TextPosition itemAt = item.IsNull() ? at : positionOf(item.Mark());
        const std::string number = std::to_string(i + 1);
        if (!item.IsMap()) {
            report.add(itemAt, "",
                       item.IsNull()
                           ? fillText(sweep_text::kTrialEmpty, {number})
                           : fillText(sweep_text::kTrialNotMapping, {number, nodeShape(item)}));
            continue;
        }
        if (item.size() > kMaxSweepParameters) {
            report.add(
                itemAt, "",
                fillText(sweep_text::kTrialTooManyKeys, {number, std::to_string(item.size()),
                                                         std::to_string(kMaxSweepParameters)}));
            continue;
        }
        ListedTrial trial{{}, itemAt.line, itemAt.column};
        std::set<std::string> seen;
        bool ok = true;
        for (const auto& pair : item) {
            ParameterKey key;
            if (!readParameterKey(pair.first, report, key)) {
                ok = false;
                continue;
            }
            const TextPosition keyAt = positionOf(pair.first.Mark());
            if (!seen.insert(pair.first.Scalar()).second) {
                report.add(keyAt, key.name,
                           fillText(sweep_text::kTrialSetsTwice,
                                    {number, shownText(pair.first.Scalar())}));
                ok = false;
                continue;
            }
            std::string canonical;
            TextPosition valueAt;
            const std::string problem =
                checkParameterValue(key, pair.second, keyAt, canonical, valueAt);
            if (!problem.empty()) {
                report.add(valueAt, key.name, problem);
                ok = false;
                continue;
            }
            trial.assignments.push_back(
                {key.name, canonical, key.placeholder, keyAt.line, keyAt.column});
        }
        if (!ok) continue;
        // The same values twice train the same run twice (training is deterministic).
        std::set<std::pair<std::string, std::string>> values;
        for (const SweepAssignment& a : trial.assignments) {
            values.emplace((a.placeholder ? "{" + a.key + "}" : a.key), a.value);
        }
        const auto [first, isNew] = firstTrials.emplace(std::move(values), i + 1);
        if (!isNew) {
            report.add(
                itemAt, "",
                fillText(sweep_text::kTrialRepeats, {number, std::to_string(first->second)}));
            continue;
        }
        out.push_back(std::move(trial));
    }
}

void readEarlyStop(const YAML::Node& node, TextPosition at, SweepReport& report,
                   std::optional<EarlyStop>& out) {
    if (!node.IsMap()) {
        report.add(at, "early_stop",
                   fillText(sweep_text::kEarlyStopNotMapping,
                            {node.IsNull() ? std::string(sweep_text::kNothing) : nodeShape(node)}));
        return;
    }
    EarlyStop stop;
    bool ok = true;
    for (const auto& pair : node) {
        const TextPosition keyAt = positionOf(pair.first.Mark());
        const std::string key = pair.first.IsScalar() ? pair.first.Scalar() : "";
        const TextPosition valueAt = pair.second.IsNull() ? keyAt : positionOf(pair.second.Mark());
        const std::string text = pair.second.IsScalar() ? pair.second.Scalar() : "";
        if (key == "rule") {
            if (text == "median") continue;
            report.add(valueAt, "early_stop.rule",
                       fillText(sweep_text::kEarlyStopRule, {shownText(text)}));
        } else if (key == "min_epochs") {
            const auto value = parseInt(text);
            if (value && *value >= 1 && *value <= 100000) {
                stop.minEpochs = static_cast<int>(*value);
                continue;
            }
            report.add(valueAt, "early_stop.min_epochs",
                       fillText(sweep_text::kEarlyStopMinEpochs, {shownText(text)}));
        } else {
            report.add(keyAt, "early_stop",
                       fillText(sweep_text::kUnknownEarlyStopKey, {shownText(key)}));
        }
        ok = false;
    }
    if (ok) out = stop;
}

}  // namespace tb
