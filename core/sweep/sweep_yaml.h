#pragma once
// Internal to tb_sweep: the YAML side shared by the top-level reader (sweep_parse.cpp) and the
// readers of keys, parameters, listed trials and early_stop (sweep_keys.cpp,
// sweep_parameters.cpp, sweep_trials.cpp).

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/config/yaml_validate.h"
#include "core/sweep/sweep_spec.h"

namespace tb {

// Collects diagnostics for one file, up to kMaxSweepDiagnostics and then a count of the rest,
// so a file with thousands of bad values reports the first ones and how many more there are.
class SweepReport {
public:
    SweepReport(const std::string& fileName, std::vector<Diagnostic>& out)
        : m_fileName(fileName), m_out(out) {}

    void add(TextPosition at, const std::string& key, std::string message);
    void finish();  // appends the count of unlisted problems and sorts by position

private:
    const std::string& m_fileName;
    std::vector<Diagnostic>& m_out;
    size_t m_unlisted = 0;
    TextPosition m_firstUnlisted;
};

// "a mapping", "a list", "a single value".
std::string nodeShape(const YAML::Node& node);
// Text from the file as a message quotes it: cut after 80 characters, with the full length.
std::string shownText(const std::string& text);

// A parameter's or a listed trial's key: a config key, or a script placeholder "{name}".
struct ParameterKey {
    std::string name;  // the config key, or the placeholder's name without braces
    bool placeholder = false;
    const KeyDef* def = nullptr;  // the config key's schema entry
};

// The key from a YAML key node; false after reporting what is wrong with it.
bool readParameterKey(const YAML::Node& node, SweepReport& report, ParameterKey& key);
// Checks one value for `key`, as a config checks it for a config key. Returns "" and writes
// the canonical text, else the message, with `at` the offending node (`keyAt` when empty).
std::string checkParameterValue(const ParameterKey& key, const YAML::Node& value,
                                TextPosition keyAt, std::string& canonical, TextPosition& at);

// `method` decides which distributions are allowed: grid takes lists only.
void readParameters(const YAML::Node& node, TextPosition at, SweepMethod method,
                    SweepReport& report, std::vector<SweepParameter>& out);
void readTrials(const YAML::Node& node, TextPosition at, SweepReport& report,
                std::vector<ListedTrial>& out);
void readEarlyStop(const YAML::Node& node, TextPosition at, SweepReport& report,
                   std::optional<EarlyStop>& out);

}  // namespace tb
