// MetricsLineJoiner (see metrics_line_joiner.h).
#include "remote/metrics_line_joiner.h"

namespace tb {

QByteArray MetricsLineJoiner::take(const QByteArray& bytes) {
    qsizetype from = 0;
    if (m_skipping) {
        const qsizetype end = bytes.indexOf('\n');
        if (end < 0) {
            m_skippedBytes += bytes.size();
            return {};
        }
        m_skippedBytes += end + 1;
        m_skipping = false;
        from = end + 1;
    }
    const qsizetype lastNewline = bytes.lastIndexOf('\n');
    QByteArray lines;
    if (lastNewline >= from) {
        lines = m_held;
        lines.append(bytes.constData() + from, lastNewline + 1 - from);
        m_held.clear();
        from = lastNewline + 1;
    }
    m_held.append(bytes.constData() + from, bytes.size() - from);
    if (m_held.size() > m_maxLine) {
        m_skippedBytes += m_held.size();
        ++m_skippedLines;
        m_held.clear();
        m_skipping = true;
    }
    return lines;
}

void MetricsLineJoiner::clear() {
    m_held.clear();
    m_skipping = false;
}

}  // namespace tb
