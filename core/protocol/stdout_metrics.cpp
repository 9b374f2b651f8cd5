// Regex metrics: output lines in, metrics records out (see stdout_metrics.h).
#include "stdout_metrics.h"

#include <cmath>
#include <cstdlib>

#include "number_text.h"

namespace tb {
namespace {

// A runaway line (binary output, a progress bar that never ends a line) is matched in pieces
// rather than held forever.
constexpr size_t kMaxLineBytes = 1 << 20;

}  // namespace

std::optional<double> parseMetricNumber(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty()) return std::nullopt;
    // Not strtod: the script dialog runs this inside Qt, which sets LC_NUMERIC from the
    // environment, and "0.125" would read as 0 under de_DE. parseDouble is locale-free and
    // builds with the boxes' older compilers too.
    double value = 0;
    const auto [end, error] = parseDouble(text.data(), text.data() + text.size(), value);
    if (error != std::errc()) return std::nullopt;  // no number, or past a double's range
    for (const char* p = end; p != text.data() + text.size(); ++p) {
        if (std::string_view(",;:)]}%").find(*p) == std::string_view::npos) return std::nullopt;
    }
    return value;
}

Result<StdoutMetrics> StdoutMetrics::create(std::string_view pattern) {
    // Our own matcher first: it refuses what libstdc++'s regex compiler mishandles before that
    // ever sees it (a back-reference number past a long overflows a signed integer there).
    auto matcher = LineMatcher::compile(pattern);
    if (!matcher) return fail("metrics " + matcher.error());
    auto regex = compileNamedRegex(pattern);
    if (!regex) return fail("metrics " + regex.error());
    bool hasMetric = false;
    bool hasStep = false;
    for (const NamedGroup& group : regex->groups) {
        if (group.name == "step")
            hasStep = true;
        else if (group.name != "epoch" && group.name != "time")
            hasMetric = true;
    }
    if (!hasMetric) {
        return fail("metrics regex '" + std::string(pattern) +
                    "' has no named group for a metric; name what to plot, e.g. "
                    "loss=(?<train_loss>\\S+)");
    }
    for (const NamedGroup& group : regex->groups) {
        if (group.index > matcher->groupCount())  // both number groups by their '(' in order
            return fail("metrics regex '" + std::string(pattern) + "': group " + group.name +
                        " could not be numbered; write it without nested names");
    }
    StdoutMetrics metrics(std::move(*regex), std::move(*matcher));
    metrics.m_hasStepGroup = hasStep;
    return metrics;
}

std::vector<MetricRecord> StdoutMetrics::feed(std::string_view chunk, double now) {
    std::vector<MetricRecord> found;
    for (const char c : chunk) {
        if (c != '\n' && c != '\r' && m_pending.size() < kMaxLineBytes) {
            m_pending += c;
            continue;
        }
        if (c != '\n' && c != '\r') m_pending += c;  // the piece that hit the cap
        ++m_lines;
        if (!m_pending.empty()) {
            if (auto record = matchLine(m_pending, now)) found.push_back(std::move(*record));
        }
        m_pending.clear();
    }
    return found;
}

std::vector<MetricRecord> StdoutMetrics::finish(double now) {
    std::vector<MetricRecord> found;
    if (m_pending.empty()) return found;
    ++m_lines;
    if (auto record = matchLine(m_pending, now)) found.push_back(std::move(*record));
    m_pending.clear();
    return found;
}

std::optional<MetricRecord> StdoutMetrics::matchLine(std::string_view line, double now) {
    if (!m_matcher.search(line, m_spans)) return std::nullopt;
    MetricRecord record;
    record.time = now;
    bool stepFound = false;
    bool epochFound = false;
    for (const NamedGroup& group : m_regex.groups) {
        const LineMatcher::Span span = m_spans.at(static_cast<size_t>(group.index));
        if (span.begin < 0) continue;
        const std::string text(line.substr(static_cast<size_t>(span.begin),
                                           static_cast<size_t>(span.end - span.begin)));
        const std::optional<double> value = parseMetricNumber(text);
        const bool whole = value && std::isfinite(*value) && *value == std::floor(*value);
        if (group.name == "time") continue;  // the record's time is when the line arrived
        if (group.name == "step" || group.name == "epoch") {
            if (!whole) {
                skip(group.name, text);
                continue;
            }
            if (group.name == "step") {
                record.step = static_cast<int64_t>(*value);
                stepFound = true;
            } else {
                record.epoch = static_cast<int64_t>(*value);
                epochFound = true;
            }
            continue;
        }
        if (!value) {
            skip(group.name, text);
            continue;
        }
        record.values.emplace_back(group.name, *value);
    }
    // A step or epoch holds for the lines after it that do not name one (e.g. a validation
    // line between training lines), even when its own line gave no metric.
    if (stepFound) m_lastStep = record.step;
    if (epochFound) m_lastEpoch = record.epoch;
    if (record.values.empty()) return std::nullopt;
    if (!stepFound) record.step = m_hasStepGroup ? m_lastStep : m_records + 1;
    if (!epochFound) record.epoch = m_lastEpoch;
    record.hasEpoch = m_lastEpoch >= 0;
    ++m_records;
    return record;
}

void StdoutMetrics::skip(const std::string& name, std::string_view text) {
    if (m_skipped++ == 0) {
        m_firstSkipped =
            "line " + std::to_string(m_lines) + ": " + name + " = '" + std::string(text) + "'";
    }
}

}  // namespace tb
