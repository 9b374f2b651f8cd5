// Reads a sweep file's top level (method, metric, goal, count, seed) and hands parameters,
// trials and early_stop to their readers (sweep_yaml.h); see sweep_spec.h.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

#include "core/config/config_text.h"
#include "core/config/value_text.h"
#include "core/sweep/sweep_expand.h"
#include "core/sweep/sweep_text.h"
#include "core/sweep/sweep_yaml.h"

namespace tb {
namespace {

struct Entry {
    YAML::Node value;
    TextPosition keyAt;
    TextPosition valueAt;  // the key's position when the value is empty
};

// The text as an integer from `min` to `max`; nothing for other text.
std::optional<int64_t> integerIn(const std::string& text, int64_t min, int64_t max) {
    const auto value = parseInt(text);
    if (value && *value >= min && *value <= max) return value;
    return std::nullopt;
}

const char* const kTopKeys[] = {"method", "metric",     "goal",   "count",
                                "seed",   "parameters", "trials", "early_stop"};

class SweepReader {
public:
    SweepReader(SweepSpec& spec, SweepReport& report) : m_spec(spec), m_report(report) {}

    void read(const YAML::Node& root) {
        if (root.IsNull()) {
            m_report.add({1, 1}, "", sweep_text::kFileEmpty);
            return;
        }
        if (!root.IsMap()) {
            m_report.add(positionOf(root.Mark()), "",
                         fillText(sweep_text::kSweepNotMapping, {nodeShape(root)}));
            return;
        }
        m_rootAt = positionOf(root.Mark());
        collect(root);
        readMethod();
        readMetric();
        readGoal();
        readCountAndSeed();
        readParametersAndTrials();
        if (const Entry* stop = find("early_stop")) {
            readEarlyStop(stop->value, stop->valueAt, m_report, m_spec.earlyStop);
        }
    }

private:
    void collect(const YAML::Node& root) {
        for (const auto& pair : root) {
            const TextPosition at = positionOf(pair.first.Mark());
            if (!pair.first.IsScalar()) {
                m_report.add(at, "",
                             fillText(config_text::kKeysMustBePlain, {nodeShape(pair.first)}));
                continue;
            }
            const std::string& key = pair.first.Scalar();
            if (std::find(std::begin(kTopKeys), std::end(kTopKeys), key) == std::end(kTopKeys)) {
                m_report.add(at, key, unknownTopKey(key));
                continue;
            }
            const TextPosition valueAt = pair.second.IsNull() ? at : positionOf(pair.second.Mark());
            const auto [it, isNew] = m_entries.emplace(key, Entry{pair.second, at, valueAt});
            if (!isNew) {
                m_report.add(at, key,
                             fillText(config_text::kDuplicateKey,
                                      {key, std::to_string(it->second.keyAt.line)}));
            }
        }
    }

    static std::string unknownTopKey(const std::string& key) {
        if (findKey(key) || key.rfind('{', 0) == 0) {
            return fillText(sweep_text::kTopKeyIsParameter, {key});
        }
        std::string keys;
        for (const char* name : kTopKeys) keys += (keys.empty() ? "" : ", ") + std::string(name);
        return fillText(sweep_text::kUnknownTopKey, {shownText(key), keys});
    }

    const Entry* find(const char* key) const {
        const auto it = m_entries.find(key);
        return it == m_entries.end() ? nullptr : &it->second;
    }

    // The entry of a key every sweep file has; nothing, after reporting `missing`, without it.
    const Entry* required(const char* key, const char* missing) {
        const Entry* entry = find(key);
        if (!entry) m_report.add(m_rootAt, key, missing);
        return entry;
    }

    // The entry's scalar text, or "" after reporting that it is not one.
    std::string scalarOf(const Entry& entry, const std::string& key, const std::string& expected) {
        if (entry.value.IsScalar() && !entry.value.Scalar().empty()) return entry.value.Scalar();
        m_report.add(entry.valueAt, key,
                     fillText(sweep_text::kKeyMustBeGot,
                              {key, expected,
                               entry.value.IsNull() ? std::string(sweep_text::kNothing)
                                                    : nodeShape(entry.value)}));
        return {};
    }

    // The entry's value when `parse` takes its scalar text; otherwise nothing, after reporting
    // why: not a scalar (scalarOf), or `refused` filled in with `args` and the text as shown.
    template <typename Parse>
    auto scalarValue(const Entry& entry, const std::string& key, const std::string& expected,
                     Parse parse, const char* refused, std::vector<std::string_view> args = {})
        -> decltype(parse(std::string())) {
        const std::string text = scalarOf(entry, key, expected);
        if (text.empty()) return std::nullopt;
        auto value = parse(text);
        if (!value) {
            const std::string shown = shownText(text);
            args.push_back(shown);
            m_report.add(entry.valueAt, key, fillText(refused, args));
        }
        return value;
    }

    void readMethod() {
        const Entry* entry = required("method", sweep_text::kMissingMethod);
        if (!entry) return;
        const auto method = scalarValue(
            *entry, "method", "grid, random or list",
            [](const std::string& text) -> std::optional<SweepMethod> {
                for (SweepMethod method :
                     {SweepMethod::Grid, SweepMethod::Random, SweepMethod::List})
                    if (text == methodName(method)) return method;
                return std::nullopt;
            },
            sweep_text::kUnknownMethod);
        if (method) {
            m_spec.method = *method;
            m_methodKnown = true;
        }
        // With no valid method the parameters are still checked, allowing every distribution.
        if (!m_methodKnown) m_spec.method = SweepMethod::Random;
    }

    void readMetric() {
        const Entry* entry = required("metric", sweep_text::kMissingMetric);
        if (!entry) return;
        const std::string text = scalarOf(*entry, "metric", sweep_text::kAMetricName);
        if (text.empty()) return;
        const bool oneWord =
            text.size() <= 200 && std::all_of(text.begin(), text.end(), [](char c) {
                return static_cast<unsigned char>(c) > ' ' && c != 0x7f;
            });
        if (!oneWord) {
            m_report.add(entry->valueAt, "metric", sweep_text::kMetricOneKey);
        } else if (text == "step" || text == "epoch" || text == "time") {
            m_report.add(entry->valueAt, "metric", fillText(sweep_text::kMetricIsPosition, {text}));
        } else {
            m_spec.metric = text;
            m_spec.metricLine = entry->valueAt.line;
            m_spec.metricColumn = entry->valueAt.column;
        }
    }

    void readGoal() {
        const Entry* entry = required("goal", sweep_text::kMissingGoal);
        if (!entry) return;
        const auto goal = scalarValue(
            *entry, "goal", "min or max",
            [](const std::string& text) -> std::optional<SweepGoal> {
                if (text == "min") return SweepGoal::Min;
                if (text == "max") return SweepGoal::Max;
                return std::nullopt;
            },
            sweep_text::kGoalMinOrMax);
        if (goal) m_spec.goal = *goal;
    }

    void readCountAndSeed() {
        const Entry* count = find("count");
        const Entry* seed = find("seed");
        if (m_spec.method != SweepMethod::Random) {
            const char* onlyForRandom = m_spec.method == SweepMethod::Grid
                                            ? sweep_text::kOnlyForRandomGrid
                                            : sweep_text::kOnlyForRandomList;
            if (count) m_report.add(count->keyAt, "count", fillText(onlyForRandom, {"count"}));
            if (seed) m_report.add(seed->keyAt, "seed", fillText(onlyForRandom, {"seed"}));
            return;
        }
        const std::string limit = std::to_string(kMaxSweepTrials);
        if (!count && m_methodKnown) {
            m_report.add(m_rootAt, "count", sweep_text::kMissingCount);
        } else if (count) {
            const auto value = scalarValue(
                *count, "count", fillText(sweep_text::kAnIntegerFrom1To, {limit}),
                [](const std::string& text) { return integerIn(text, 1, kMaxSweepTrials); },
                sweep_text::kCountRange, {limit});
            if (value) m_spec.count = static_cast<int>(*value);
        }
        if (!seed) return;
        const auto value = scalarValue(
            *seed, "seed", sweep_text::kAnIntegerOf0OrMore,
            [](const std::string& text) { return integerIn(text, 0, INT64_MAX); },
            sweep_text::kSeedRange);
        if (value) m_spec.seed = static_cast<uint64_t>(*value);
    }

    void readParametersAndTrials() {
        const Entry* parameters = find("parameters");
        const Entry* trials = find("trials");
        const bool isList = m_methodKnown && m_spec.method == SweepMethod::List;
        if (isList) {
            if (parameters) {
                m_report.add(parameters->keyAt, "parameters", sweep_text::kParametersNotForList);
            }
            if (trials) {
                readTrials(trials->value, trials->valueAt, m_report, m_spec.trials);
            } else {
                m_report.add(m_rootAt, "trials", sweep_text::kMissingTrials);
            }
            return;
        }
        if (trials && m_methodKnown) {
            m_report.add(trials->keyAt, "trials",
                         fillText(sweep_text::kTrialsOnlyForList, {methodName(m_spec.method)}));
        }
        if (!parameters) {
            if (m_methodKnown) {
                m_report.add(m_rootAt, "parameters", sweep_text::kMissingParameters);
            }
            return;
        }
        readParameters(parameters->value, parameters->valueAt, m_spec.method, m_report,
                       m_spec.parameters);
        if (m_spec.method != SweepMethod::Grid) return;
        const int size = sweepSize(m_spec);
        if (size > kMaxSweepTrials) {
            std::string axes;
            for (const SweepParameter& p : m_spec.parameters) {
                axes += (axes.empty() ? "" : " × ") + std::to_string(p.values.size());
            }
            const std::string limit = std::to_string(kMaxSweepTrials);
            m_report.add(parameters->keyAt, "parameters",
                         size == INT32_MAX ? fillText(sweep_text::kGridFarTooLarge, {axes, limit})
                                           : fillText(sweep_text::kGridTooLarge,
                                                      {std::to_string(size), axes, limit}));
        }
    }

    SweepSpec& m_spec;
    SweepReport& m_report;
    std::map<std::string, Entry> m_entries;
    TextPosition m_rootAt{1, 1};
    bool m_methodKnown = false;
};

Diagnostic tooLarge(const std::string& fileName, uintmax_t bytes) {
    return {fileName, 0, 0, "",
            fillText(sweep_text::kFileTooLarge,
                     {std::to_string(bytes / 1024), std::to_string(kMaxSweepBytes / 1024)})};
}

}  // namespace

LoadedSweep parseSweepText(std::string_view text, const std::string& fileName) {
    LoadedSweep out;
    out.spec.fileName = fileName;
    SweepReport report(out.spec.fileName, out.diagnostics);
    if (text.size() > kMaxSweepBytes) {
        out.diagnostics.push_back(tooLarge(fileName, text.size()));
        return out;
    }
    try {
        SweepReader(out.spec, report).read(YAML::Load(std::string(text)));
    } catch (const YAML::Exception& error) {
        report.add(positionOf(error.mark), "", fillText(config_text::kYamlSyntax, {error.msg}));
    }
    report.finish();
    return out;
}

LoadedSweep loadSweepFile(const std::string& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    std::ifstream in(path, std::ios::binary);
    if (!in || error) {
        LoadedSweep out;
        out.spec.fileName = path;
        out.diagnostics.push_back({path, 0, 0, "", sweep_text::kCannotReadFile});
        return out;
    }
    if (size > kMaxSweepBytes) {  // not read whole: it is far too large to be a sweep
        LoadedSweep out;
        out.spec.fileName = path;
        out.diagnostics.push_back(tooLarge(path, size));
        return out;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseSweepText(text.str(), path);
}

}  // namespace tb
