#pragma once
// A sweep spec (YAML): which config keys or script placeholders to vary and how (grid, random,
// an explicit list), the metric to rank trials by, optional early stopping. Parsed and checked
// like a config, every problem a FILE:LINE:COL diagnostic. The format is in docs/SWEEPS.md.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config/config_file.h"

namespace tb {

// Bounds on what a sweep file may ask for; past them it is refused with a diagnostic.
inline constexpr std::size_t kMaxSweepBytes = 256 * 1024;
inline constexpr int kMaxSweepTrials = 10000;
inline constexpr std::size_t kMaxSweepParameters = 64;  // per sweep, and per listed trial
inline constexpr std::size_t kMaxSweepValues = 1000;    // values in one parameter's list
inline constexpr std::size_t kMaxPlaceholderText = 1024;
inline constexpr std::size_t kMaxSweepDiagnostics = 50;

enum class SweepMethod { Grid, Random, List };
enum class SweepGoal { Min, Max };
enum class SweepDistribution { Choice, Uniform, LogUniform, IntRange };

// One key set to one value: for a schema key, canonical text ready for `--set key=value`; for a
// script placeholder ("{lr}" in the file), its name without braces and the text as written.
struct SweepAssignment {
    std::string key;
    std::string value;
    bool placeholder = false;
    int line = 0;  // a listed trial's key in the file (1-based); 0 in expanded trials
    int column = 0;
    bool operator==(const SweepAssignment& other) const {
        return key == other.key && value == other.value && placeholder == other.placeholder;
    }
};

struct SweepParameter {
    std::string key;  // schema key "optim.lr", or a placeholder's name "lr"
    bool placeholder = false;
    SweepDistribution distribution = SweepDistribution::Choice;
    std::vector<std::string> values;  // Choice: canonical texts in file order, no repeats
    double low = 0;                   // Uniform, LogUniform: low < high (LogUniform: low > 0)
    double high = 0;
    int64_t intLow = 0;  // IntRange: inclusive, intLow < intHigh
    int64_t intHigh = 0;
    int line = 0;  // the key's position in the file
    int column = 0;
};

struct ListedTrial {  // method list: one trial as the file gives it
    std::vector<SweepAssignment> assignments;
    int line = 0;
    int column = 0;
};

struct EarlyStop {      // rule: median (the only one)
    int minEpochs = 1;  // no trial is stopped before it has this many epochs
};

struct SweepSpec {
    std::string fileName;
    SweepMethod method = SweepMethod::Grid;
    std::string metric;  // a metrics.jsonl key, e.g. "val/loss"
    SweepGoal goal = SweepGoal::Min;
    int count = 0;                           // random: trials to draw
    uint64_t seed = 0;                       // random
    std::vector<SweepParameter> parameters;  // grid, random: in file order
    std::vector<ListedTrial> trials;         // list
    std::optional<EarlyStop> earlyStop;
    int metricLine = 0;  // where metric is given (checks against a run point there)
    int metricColumn = 0;
};

struct LoadedSweep {
    SweepSpec spec;                       // usable only when ok()
    std::vector<Diagnostic> diagnostics;  // in text order
    bool ok() const { return diagnostics.empty(); }
};

LoadedSweep parseSweepText(std::string_view text, const std::string& fileName);
LoadedSweep loadSweepFile(const std::string& path);

std::string_view methodName(SweepMethod method);  // "grid", "random", "list"

}  // namespace tb
