#pragma once
// MetricsLineJoiner: cuts a followed metrics.jsonl stream into whole lines for the parser.
// Bytes that end no line are only held, never parsed again per packet (a box writing one
// endless line cost a copy and a parse of everything held on every packet), and a line longer
// than the cap is dropped to its end and counted, so a box cannot fill this machine's memory.

#include <QByteArray>

namespace tb {

class MetricsLineJoiner {
public:
    explicit MetricsLineJoiner(qsizetype maxLine = qsizetype(4) << 20) : m_maxLine(maxLine) {}

    // The complete lines (each ending in '\n') that `bytes` finishes, held bytes included;
    // empty when it finishes none.
    QByteArray take(const QByteArray& bytes);

    qsizetype held() const { return m_held.size(); }  // bytes of the unfinished line kept
    // Bytes of the stream consumed without being returned (over-long lines), and how many
    // such lines; a follower adds the bytes to its offset.
    qint64 skippedBytes() const { return m_skippedBytes; }
    qint64 skippedLines() const { return m_skippedLines; }
    qsizetype maxLine() const { return m_maxLine; }
    void clear();

private:
    qsizetype m_maxLine;
    QByteArray m_held;
    bool m_skipping = false;  // inside an over-long line: drop up to its '\n'
    qint64 m_skippedBytes = 0;
    qint64 m_skippedLines = 0;
};

}  // namespace tb
