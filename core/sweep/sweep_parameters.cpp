// Reads a sweep's parameters: lists of values, and the random distributions with their bounds.
#include <map>
#include <optional>
#include <set>

#include "core/config/value_text.h"
#include "core/sweep/sweep_text.h"
#include "core/sweep/sweep_yaml.h"

namespace tb {
namespace {

std::optional<SweepDistribution> rangeNamed(const std::string& kind) {
    if (kind == "uniform") return SweepDistribution::Uniform;
    if (kind == "log_uniform") return SweepDistribution::LogUniform;
    if (kind == "int") return SweepDistribution::IntRange;
    return std::nullopt;
}

// The key as the file writes it: "optim.lr", or "{lr}" for a placeholder.
std::string written(const ParameterKey& key) {
    return key.placeholder ? "{" + key.name + "}" : key.name;
}

class ParameterReader {
public:
    ParameterReader(SweepMethod method, SweepReport& report) : m_method(method), m_report(report) {}

    bool read(const ParameterKey& key, const YAML::Node& value, TextPosition keyAt,
              SweepParameter& param) {
        param.key = key.name;
        param.placeholder = key.placeholder;
        if (value.IsNull())
            return fail(keyAt, key, fillText(sweep_text::kNoValues, {written(key), example(key)}));
        if (value.IsScalar()) return readChoices(key, value, keyAt, param, false);
        if (value.IsSequence()) {
            return readChoices(key, value, positionOf(value.Mark()), param, true);
        }
        const TextPosition at = positionOf(value.Mark());
        if (value.size() != 1 || !value.begin()->first.IsScalar()) {
            return fail(at, key, fillText(sweep_text::kOneDistribution, {written(key)}));
        }
        const std::string kind = value.begin()->first.Scalar();
        const YAML::Node body = value.begin()->second;
        const TextPosition bodyAt = body.IsNull() ? at : positionOf(body.Mark());
        if (kind == "choice") {
            if (!body.IsSequence()) return fail(bodyAt, key, sweep_text::kChoiceTakesList);
            return readChoices(key, body, bodyAt, param, true);
        }
        const auto distribution = rangeNamed(kind);
        if (!distribution) {
            return fail(at, key, fillText(sweep_text::kUnknownDistribution, {shownText(kind)}));
        }
        param.distribution = *distribution;
        if (m_method == SweepMethod::Grid) {
            return fail(at, key,
                        fillText(sweep_text::kRandomInGrid, {kind, written(key), example(key)}));
        }
        return readRange(key, kind, body, bodyAt, param);
    }

private:
    bool fail(TextPosition at, const ParameterKey& key, std::string message) {
        m_report.add(at, key.name, std::move(message));
        return false;
    }

    static std::string example(const ParameterKey& key) {
        return key.def ? key.def->defaultValue : "value";
    }

    bool readChoices(const ParameterKey& key, const YAML::Node& list, TextPosition at,
                     SweepParameter& param, bool isList) {
        if (isList && list.size() == 0) {
            return fail(at, key, fillText(sweep_text::kEmptyList, {written(key)}));
        }
        if (list.size() > kMaxSweepValues) {
            return fail(
                at, key,
                fillText(sweep_text::kTooManyValues, {written(key), std::to_string(list.size()),
                                                      std::to_string(kMaxSweepValues)}));
        }
        bool ok = true;
        std::set<std::string> seen;
        for (size_t i = 0; i < (isList ? list.size() : 1); ++i) {
            const YAML::Node element = isList ? list[i] : list;
            std::string canonical;
            TextPosition valueAt;
            std::string problem = checkParameterValue(key, element, at, canonical, valueAt);
            if (problem.empty() && !seen.insert(canonical).second) {
                problem = fillText(sweep_text::kListsTwice, {written(key), shownText(canonical)});
            }
            if (!problem.empty()) {
                if (key.def && key.def->type == KeyType::IntList && element.IsScalar()) {
                    problem = fillText(sweep_text::kListValueIsList,
                                       {problem, key.name, key.def->defaultValue});
                }
                ok = fail(valueAt, key, problem);
                continue;
            }
            param.values.push_back(canonical);
        }
        return ok;
    }

    bool readRange(const ParameterKey& key, const std::string& kind, const YAML::Node& body,
                   TextPosition at, SweepParameter& param) {
        const bool wantsInt = param.distribution == SweepDistribution::IntRange;
        if (key.def && wantsInt && key.def->type != KeyType::Int) {
            return fail(
                at, key,
                fillText(key.def->type == KeyType::Float ? sweep_text::kIntNeedsIntKeyUseUniform
                                                         : sweep_text::kIntNeedsIntKeyList,
                         {key.name}));
        }
        if (key.def && !wantsInt && key.def->type != KeyType::Float) {
            return fail(
                at, key,
                fillText(key.def->type == KeyType::Int ? sweep_text::kRangeNeedsNumberKeyUseInt
                                                       : sweep_text::kRangeNeedsNumberKeyList,
                         {kind, key.name}));
        }
        if (!body.IsSequence() || body.size() != 2) {
            return fail(
                at, key,
                fillText(sweep_text::kTwoBounds, {kind, wantsInt ? "[16, 128]" : "[0.0001, 0.1]"}));
        }
        double bounds[2] = {0, 0};
        int64_t intBounds[2] = {0, 0};
        for (int i = 0; i < 2; ++i) {
            std::string canonical;
            TextPosition boundAt;
            const std::string problem = checkParameterValue(key, body[i], at, canonical, boundAt);
            if (!problem.empty()) return fail(boundAt, key, problem);
            const auto number = parseFloat(canonical);
            const auto integer = parseInt(canonical);
            if (wantsInt ? !integer : !number) {
                return fail(boundAt, key,
                            fillText(wantsInt ? sweep_text::kBoundsMustBeIntegers
                                              : sweep_text::kBoundsMustBeNumbers,
                                     {kind, shownText(canonical)}));
            }
            if (param.distribution == SweepDistribution::LogUniform && *number <= 0) {
                return fail(boundAt, key, fillText(sweep_text::kLogUniformPositive, {canonical}));
            }
            bounds[i] = wantsInt ? 0 : *number;
            intBounds[i] = wantsInt ? *integer : 0;
        }
        const bool reversed = wantsInt ? intBounds[0] > intBounds[1] : bounds[0] > bounds[1];
        const bool single = wantsInt ? intBounds[0] == intBounds[1] : bounds[0] == bounds[1];
        if (reversed) {
            return fail(at, key, fillText(sweep_text::kRangeReversed, {kind}));
        }
        if (single) {
            return fail(at, key, fillText(sweep_text::kRangeSingle, {kind, written(key)}));
        }
        param.low = bounds[0];
        param.high = bounds[1];
        param.intLow = intBounds[0];
        param.intHigh = intBounds[1];
        return true;
    }

    SweepMethod m_method;
    SweepReport& m_report;
};

}  // namespace

void readParameters(const YAML::Node& node, TextPosition at, SweepMethod method,
                    SweepReport& report, std::vector<SweepParameter>& out) {
    if (!node.IsMap() || node.size() == 0) {
        report.add(
            at, "",
            fillText(sweep_text::kParametersNotMapping,
                     {node.IsMap() ? std::string(sweep_text::kAnEmptyMapping) : nodeShape(node)}));
        return;
    }
    if (node.size() > kMaxSweepParameters) {
        report.add(at, "",
                   fillText(sweep_text::kTooManyParameters,
                            {std::to_string(node.size()), std::to_string(kMaxSweepParameters)}));
        return;
    }
    ParameterReader reader(method, report);
    std::map<std::string, int> firstLines;
    for (const auto& pair : node) {
        ParameterKey key;
        if (!readParameterKey(pair.first, report, key)) continue;
        const TextPosition keyAt = positionOf(pair.first.Mark());
        const auto [first, isNew] = firstLines.emplace(pair.first.Scalar(), keyAt.line);
        if (!isNew) {
            report.add(keyAt, key.name,
                       fillText(sweep_text::kDuplicateParameter,
                                {shownText(pair.first.Scalar()), std::to_string(first->second)}));
            continue;
        }
        SweepParameter param;
        param.line = keyAt.line;
        param.column = keyAt.column;
        if (reader.read(key, pair.second, keyAt, param)) out.push_back(std::move(param));
    }
}

}  // namespace tb
