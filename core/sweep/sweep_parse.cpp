// Reads a sweep file's top level (method, metric, goal, count, seed) and hands parameters,
// trials and early_stop to their readers (sweep_yaml.h); see sweep_spec.h.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/config/value_text.h"
#include "core/sweep/sweep_expand.h"
#include "core/sweep/sweep_yaml.h"

namespace tb {
namespace {

struct Entry {
    YAML::Node value;
    TextPosition keyAt;
    TextPosition valueAt;  // the key's position when the value is empty
};

const char* const kTopKeys[] = {"method", "metric",     "goal",   "count",
                                "seed",   "parameters", "trials", "early_stop"};

class SweepReader {
public:
    SweepReader(SweepSpec& spec, SweepReport& report) : m_spec(spec), m_report(report) {}

    void read(const YAML::Node& root) {
        if (root.IsNull()) {
            m_report.add({1, 1}, "",
                         "the sweep file is empty; start with 'method: grid', a metric, a goal "
                         "and the parameters to vary (see docs/SWEEPS.md)");
            return;
        }
        if (!root.IsMap()) {
            m_report.add(
                positionOf(root.Mark()), "",
                "a sweep must be a mapping of keys such as 'method: grid', got " + nodeShape(root));
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
                m_report.add(at, "", "keys must be plain names, got " + nodeShape(pair.first));
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
                             "duplicate key '" + key + "' (first given on line " +
                                 std::to_string(it->second.keyAt.line) + ")");
            }
        }
    }

    static std::string unknownTopKey(const std::string& key) {
        if (findKey(key) || key.rfind('{', 0) == 0) {
            return "'" + key + "' is a parameter; put it under 'parameters:' (or in a trial)";
        }
        std::string keys;
        for (const char* name : kTopKeys) keys += (keys.empty() ? "" : ", ") + std::string(name);
        return "unknown key '" + shownText(key) + "'; a sweep has " + keys;
    }

    const Entry* find(const char* key) const {
        const auto it = m_entries.find(key);
        return it == m_entries.end() ? nullptr : &it->second;
    }

    // The entry's scalar text, or "" after reporting that it is not one.
    std::string scalarOf(const Entry& entry, const std::string& key, const std::string& expected) {
        if (entry.value.IsScalar() && !entry.value.Scalar().empty()) return entry.value.Scalar();
        m_report.add(entry.valueAt, key,
                     key + " must be " + expected + ", got " +
                         (entry.value.IsNull() ? std::string("nothing") : nodeShape(entry.value)));
        return {};
    }

    void readMethod() {
        const Entry* entry = find("method");
        if (!entry) {
            m_report.add(m_rootAt, "method",
                         "missing 'method': write method: grid, random or list");
            return;
        }
        const std::string text = scalarOf(*entry, "method", "grid, random or list");
        if (text == "grid" || text == "random" || text == "list") {
            m_spec.method = text == "grid"     ? SweepMethod::Grid
                            : text == "random" ? SweepMethod::Random
                                               : SweepMethod::List;
            m_methodKnown = true;
        } else if (!text.empty()) {
            m_report.add(entry->valueAt, "method",
                         "unknown method '" + shownText(text) +
                             "'; use grid (every combination), random (count draws) or list (the "
                             "trials as written)");
        }
        // With no valid method the parameters are still checked, allowing every distribution.
        if (!m_methodKnown) m_spec.method = SweepMethod::Random;
    }

    void readMetric() {
        const Entry* entry = find("metric");
        if (!entry) {
            m_report.add(m_rootAt, "metric",
                         "missing 'metric': name the metric that ranks the trials, e.g. "
                         "metric: val/loss");
            return;
        }
        const std::string text = scalarOf(*entry, "metric", "a metric name such as val/loss");
        if (text.empty()) return;
        const bool oneWord =
            text.size() <= 200 && std::all_of(text.begin(), text.end(), [](char c) {
                return static_cast<unsigned char>(c) > ' ' && c != 0x7f;
            });
        if (!oneWord) {
            m_report.add(entry->valueAt, "metric",
                         "metric must be one metrics.jsonl key such as val/loss: no spaces, at "
                         "most 200 characters");
        } else if (text == "step" || text == "epoch" || text == "time") {
            m_report.add(entry->valueAt, "metric",
                         "'" + text +
                             "' is a record's position in metrics.jsonl, not a metric; "
                             "name one such as val/loss");
        } else {
            m_spec.metric = text;
            m_spec.metricLine = entry->valueAt.line;
            m_spec.metricColumn = entry->valueAt.column;
        }
    }

    void readGoal() {
        const Entry* entry = find("goal");
        if (!entry) {
            m_report.add(m_rootAt, "goal",
                         "missing 'goal': write goal: min (lower is better, e.g. a loss) or "
                         "goal: max (e.g. an accuracy)");
            return;
        }
        const std::string text = scalarOf(*entry, "goal", "min or max");
        if (text == "min" || text == "max") {
            m_spec.goal = text == "min" ? SweepGoal::Min : SweepGoal::Max;
        } else if (!text.empty()) {
            m_report.add(entry->valueAt, "goal",
                         "goal must be min or max, got '" + shownText(text) + "'");
        }
    }

    void readCountAndSeed() {
        const Entry* count = find("count");
        const Entry* seed = find("seed");
        if (m_spec.method != SweepMethod::Random) {
            const std::string why = m_spec.method == SweepMethod::Grid
                                        ? "a grid runs every combination once"
                                        : "method list runs the trials as listed";
            if (count)
                m_report.add(count->keyAt, "count", "count is only for method random; " + why);
            if (seed) m_report.add(seed->keyAt, "seed", "seed is only for method random; " + why);
            return;
        }
        const std::string limit = std::to_string(kMaxSweepTrials);
        if (!count && m_methodKnown) {
            m_report.add(m_rootAt, "count",
                         "missing 'count': method random needs the number of trials to draw, "
                         "e.g. count: 20");
        } else if (count) {
            const std::string text = scalarOf(*count, "count", "an integer from 1 to " + limit);
            const auto value = parseInt(text);
            if (value && *value >= 1 && *value <= kMaxSweepTrials) {
                m_spec.count = static_cast<int>(*value);
            } else if (!text.empty()) {
                m_report.add(count->valueAt, "count",
                             "count must be an integer from 1 to " + limit + ", got '" +
                                 shownText(text) + "'");
            }
        }
        if (!seed) return;
        const std::string text = scalarOf(*seed, "seed", "an integer of 0 or more");
        const auto value = parseInt(text);
        if (value && *value >= 0) {
            m_spec.seed = static_cast<uint64_t>(*value);
        } else if (!text.empty()) {
            m_report.add(seed->valueAt, "seed",
                         "seed must be an integer of 0 or more, got '" + shownText(text) + "'");
        }
    }

    void readParametersAndTrials() {
        const Entry* parameters = find("parameters");
        const Entry* trials = find("trials");
        const bool isList = m_methodKnown && m_spec.method == SweepMethod::List;
        if (isList) {
            if (parameters) {
                m_report.add(parameters->keyAt, "parameters",
                             "parameters are for grid and random; with method list give each "
                             "trial's values under trials:");
            }
            if (trials) {
                readTrials(trials->value, trials->valueAt, m_report, m_spec.trials);
            } else {
                m_report.add(m_rootAt, "trials",
                             "missing 'trials': method list runs the trials listed, e.g. "
                             "trials: [{optim.lr: 0.1}, {optim.lr: 0.01}]");
            }
            return;
        }
        if (trials && m_methodKnown) {
            m_report.add(trials->keyAt, "trials",
                         "trials are for method list; method " +
                             std::string(methodName(m_spec.method)) +
                             " makes its trials from parameters");
        }
        if (!parameters) {
            if (m_methodKnown) {
                m_report.add(m_rootAt, "parameters",
                             "missing 'parameters': name the keys to vary, e.g. parameters: "
                             "{optim.lr: [0.1, 0.01]}");
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
            m_report.add(
                parameters->keyAt, "parameters",
                "the grid has " + (size == INT32_MAX ? "over 2 billion" : std::to_string(size)) +
                    " trials (" + axes + "), past the limit of " + std::to_string(kMaxSweepTrials) +
                    "; list fewer values or use method: random with a count");
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
            "the sweep file is " + std::to_string(bytes / 1024) + " KiB, far past any sweep (at " +
                "most " + std::to_string(kMaxSweepBytes / 1024) +
                " KiB are read); check that this is the sweep file"};
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
        report.add(positionOf(error.mark), "", "YAML syntax error: " + error.msg);
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
        out.diagnostics.push_back(
            {path, 0, 0, "", "cannot read the sweep file; check that it exists and is readable"});
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
