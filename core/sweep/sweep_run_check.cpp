// Checks a sweep against the run it is started with; see sweep_run_check.h.
#include "core/sweep/sweep_run_check.h"

#include <algorithm>
#include <set>

#include "core/sweep/sweep_text.h"

namespace tb {
namespace {

// Whether the command fills {name}: not ${name} (the shell's) nor {{name}} (literal text), as
// fillCommandTemplate reads them.
bool commandUses(const std::string& command, const std::string& name) {
    const std::string placeholder = "{" + name + "}";
    for (size_t at = command.find(placeholder); at != std::string::npos;
         at = command.find(placeholder, at + 1)) {
        const char before = at > 0 ? command[at - 1] : ' ';
        if (before != '$' && before != '{') return true;
    }
    return false;
}

std::string metricList() {
    std::string list;
    const auto& metrics = builtInMetrics();
    for (size_t i = 0; i < metrics.size(); ++i) {
        list += (i == 0 ? "" : i + 1 == metrics.size() ? " and " : ", ") + metrics[i];
    }
    return list;
}

class RunCheck {
public:
    RunCheck(const SweepSpec& spec, const SweepRun& run) : m_spec(spec), m_run(run) {}

    std::vector<Diagnostic> check() {
        const bool builtIn = m_run.command.empty();
        if (builtIn) checkMetric();
        for (const SweepParameter& p : m_spec.parameters) {
            checkKey(p.key, p.placeholder, p.line, p.column);
        }
        for (const ListedTrial& trial : m_spec.trials) {
            for (const SweepAssignment& a : trial.assignments) {
                checkKey(a.key, a.placeholder, a.line, a.column);
            }
        }
        return std::move(m_out);
    }

private:
    void checkMetric() {
        const auto& metrics = builtInMetrics();
        if (std::find(metrics.begin(), metrics.end(), m_spec.metric) != metrics.end()) return;
        add(m_spec.metricLine, m_spec.metricColumn, "metric",
            fillText(sweep_text::kNoSuchMetric, {m_spec.metric, metricList()}));
    }

    void checkKey(const std::string& key, bool placeholder, int line, int column) {
        if (!placeholder) return;  // a config key reaches both kinds of run (a script by --set)
        const std::string name = "{" + key + "}";
        if (!m_reported.insert(key).second) return;
        if (m_run.command.empty()) {
            add(line, column, key, fillText(sweep_text::kPlaceholderWithTrainer, {name}));
        } else if (!commandUses(m_run.command, key)) {
            add(line, column, key, fillText(sweep_text::kCommandLacksPlaceholder, {name, key}));
        }
    }

    void add(int line, int column, const std::string& key, std::string message) {
        m_out.push_back(Diagnostic{m_spec.fileName, line, column, key, std::move(message)});
    }

    const SweepSpec& m_spec;
    const SweepRun& m_run;
    std::vector<Diagnostic> m_out;
    std::set<std::string> m_reported;
};

}  // namespace

const std::vector<std::string>& builtInMetrics() {
    static const std::vector<std::string> metrics = {"train/loss",      "train/acc", "lr",
                                                     "samples_per_sec", "val/loss",  "val/acc"};
    return metrics;
}

std::vector<Diagnostic> checkSweepRun(const SweepSpec& spec, const SweepRun& run) {
    return RunCheck(spec, run).check();
}

}  // namespace tb
