#pragma once
// Metrics from a command's output with no change to its code: every output line the user's
// regex matches becomes one metrics.jsonl record of its named groups. Std only. Lines are
// matched by LineMatcher, never std::regex: output is the user's and may hold anything.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "metrics_writer.h"
#include "named_regex.h"
#include "result.h"
#include "stdout_metrics_matcher.h"

namespace tb {

class StdoutMetrics {
public:
    // Errors name the regex and the position; a regex without a metric group is an error.
    static Result<StdoutMetrics> create(std::string_view pattern);

    // Raw output in any pieces; lines end at '\n' or '\r' (progress bars redraw with '\r').
    std::vector<MetricRecord> feed(std::string_view chunk, double now);
    // The last line when the output ended without a newline.
    std::vector<MetricRecord> finish(double now);

    // One record per matching line: "step" from a `step` group (else the last step seen, or a
    // counter when the regex has no such group), "epoch" from an `epoch` group (else the last
    // epoch seen; no epoch key before the first), the other
    // groups as numbers. A group that matched text which is not a number is skipped and
    // counted; a line with no number left gives no record.
    std::optional<MetricRecord> matchLine(std::string_view line, double now);

    int64_t records() const { return m_records; }
    int64_t skippedValues() const { return m_skipped; }
    // "line 12: train_loss = 'abc'" for the first skipped value; empty when none.
    const std::string& firstSkipped() const { return m_firstSkipped; }
    const NamedRegex& regex() const { return m_regex; }

private:
    StdoutMetrics(NamedRegex regex, LineMatcher matcher)
        : m_regex(std::move(regex)), m_matcher(std::move(matcher)) {}
    void skip(const std::string& name, std::string_view text);

    NamedRegex m_regex;     // checks the pattern and names the groups
    LineMatcher m_matcher;  // matches: linear time, no recursion per character
    std::vector<LineMatcher::Span> m_spans;
    bool m_hasStepGroup = false;
    std::string m_pending;  // a line not yet ended
    int64_t m_lines = 0;
    int64_t m_lastStep = 0;
    int64_t m_lastEpoch = -1;  // none seen yet
    int64_t m_records = 0;
    int64_t m_skipped = 0;
    std::string m_firstSkipped;
};

// The number at the start of `text` ("0.25", "-1e-3", "nan", "91.2%", "0.5,"): only trailing
// punctuation may follow it. nullopt for anything else.
std::optional<double> parseMetricNumber(std::string_view text);

}  // namespace tb
