// The diagnostics of one sweep file, and small helpers the readers share; see sweep_yaml.h.
#include <algorithm>

#include "core/config/config_text.h"
#include "core/sweep/sweep_text.h"
#include "core/sweep/sweep_yaml.h"

namespace tb {

void SweepReport::add(TextPosition at, const std::string& key, std::string message) {
    if (m_out.size() < kMaxSweepDiagnostics) {
        m_out.push_back(Diagnostic{m_fileName, at.line, at.column, key, std::move(message)});
    } else if (m_unlisted++ == 0) {
        m_firstUnlisted = at;
    }
}

void SweepReport::finish() {
    std::stable_sort(m_out.begin(), m_out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    if (m_unlisted == 0) return;
    m_out.push_back(Diagnostic{m_fileName, m_firstUnlisted.line, m_firstUnlisted.column, "",
                               fillText(sweep_text::kMoreProblems, {std::to_string(m_unlisted)})});
}

std::string nodeShape(const YAML::Node& node) {
    return node.IsMap()        ? config_text::kAMapping
           : node.IsSequence() ? config_text::kAList
                               : config_text::kASingleValue;
}

std::string_view methodName(SweepMethod method) {
    switch (method) {
        case SweepMethod::Grid:
            return "grid";
        case SweepMethod::Random:
            return "random";
        case SweepMethod::List:
            return "list";
    }
    return "grid";
}

std::string shownText(const std::string& text) {
    constexpr size_t kShown = 80;
    if (text.size() <= kShown) return text;
    return fillText(config_text::kCutKey,
                    {std::string_view(text).substr(0, kShown), std::to_string(text.size())});
}

}  // namespace tb
