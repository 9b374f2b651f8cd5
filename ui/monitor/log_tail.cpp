// LogTail: forward batches for new output, backward chunked scans for "load earlier".
#include "log_tail.h"

#include <QFile>
#include <QFileInfo>

namespace tb {
namespace {
constexpr qint64 kBackwardChunk = 64 << 10;
}

LogTail::LogTail(QString path) : m_path(std::move(path)) {
}

qint64 LogTail::fileSize() const {
    return QFileInfo(m_path).size();
}

QByteArray LogTail::readRange(QFile& file, qint64 from, qint64 to) {
    if (to <= from || !file.seek(from)) return {};
    QByteArray data = file.read(to - from);
    m_bytesRead += data.size();
    return data;
}

QList<qint64> LogTail::lineStartsBefore(QFile& file, qint64 end, int maxLines) {
    // A line starts after each '\n' below `end` (the one at end - 1 closes the last line).
    QList<qint64> starts;
    qint64 pos = end;
    const qint64 limit = qMax<qint64>(0, end - qMax<qint64>(kBackwardChunk, maxLines * 4096LL));
    while (pos > limit && starts.size() < maxLines) {
        const qint64 from = qMax(limit, pos - kBackwardChunk);
        const QByteArray chunk = readRange(file, from, pos);
        for (qsizetype i = chunk.size() - 1; i >= 0 && starts.size() < maxLines; --i) {
            if (chunk[i] == '\n' && from + i + 1 < end) starts.prepend(from + i + 1);
        }
        pos = from;
    }
    if (starts.size() < maxLines && pos < end && (pos == 0 || starts.isEmpty()))
        starts.prepend(pos);  // byte 0, or the cut of a line too long to scan to its start
    return starts;
}

void LogTail::startAtEnd(int lines) {
    m_starts.clear();
    m_bytes.restartAt(0);
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) return;
    const QList<qint64> starts = lineStartsBefore(file, file.size(), qMax(lines, 1));
    if (!starts.isEmpty()) m_bytes.restartAt(starts.first());
}

void LogTail::startAtBeginning() {
    m_starts.clear();
    m_bytes.restartAt(0);
}

LogBatch LogTail::readAppended(int maxLines, bool skipOlder) {
    LogBatch batch;
    QFile file(m_path);
    const TailFileCheck check = m_bytes.openFile(file);
    if (check.fileMissing) {
        batch.fileMissing = true;
        return batch;
    }
    if (check.reset) {  // truncated or rewritten: start over
        batch.reset = true;
        m_starts.clear();
    }
    m_bytesRead += m_bytes.readFile(file, check.size, m_maxBatchBytes);
    const bool atEof = m_bytes.readOffset() >= check.size;
    batch.more = !atEof;

    QList<qint64> offsets;
    bool stoppedAtMaxLines = false;
    ByteTail::Line line;
    for (;;) {
        if (!skipOlder && batch.lines.size() >= maxLines && m_bytes.held() > 0) {
            // The rest stays unread: it is read from the file again next time.
            m_bytes.restartAt(m_bytes.offset());
            stoppedAtMaxLines = batch.more = true;
            break;
        }
        if (!m_bytes.nextLine(line)) break;  // an unfinished line: the partial, or more later
        batch.lines.append(line.bytes.toByteArray());
        offsets.append(line.offset);
    }
    if (atEof && !stoppedAtMaxLines) batch.partial = m_bytes.partial().toByteArray();

    if (skipOlder && batch.lines.size() > maxLines) {
        const qsizetype skip = batch.lines.size() - maxLines;
        batch.lines.remove(0, skip);
        offsets.remove(0, skip);
        batch.skippedLines = skip;
    }
    if (skipOlder && batch.lines.size() >= maxLines) {
        batch.replacesWindow = true;
        m_starts.clear();
    }
    for (qint64 o : offsets) m_starts.push_back(o);
    return batch;
}

QList<QByteArray> LogTail::readEarlier(int maxLines) {
    QList<QByteArray> lines;
    const qint64 end = windowStart();
    QFile file(m_path);
    if (end <= 0 || maxLines <= 0 || !file.open(QIODevice::ReadOnly)) return lines;
    const QList<qint64> starts = lineStartsBefore(file, end, maxLines);
    if (starts.isEmpty()) return lines;
    const QByteArray data = readRange(file, starts.first(), end);
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const qint64 from = starts[i] - starts.first();
        qint64 to = (i + 1 < starts.size() ? starts[i + 1] : end) - starts.first();
        if (to > from && data[to - 1] == '\n') --to;
        lines.append(data.mid(from, to - from));
    }
    for (auto it = starts.crbegin(); it != starts.crend(); ++it) m_starts.push_front(*it);
    return lines;
}

void LogTail::dropFront(int lines) {
    for (int i = 0; i < lines && !m_starts.empty(); ++i) m_starts.pop_front();
}

void LogTail::dropBack(int lines) {
    for (int i = 0; i < lines && !m_starts.empty(); ++i) {
        m_bytes.restartAt(m_starts.back());
        m_starts.pop_back();
    }
}

LogBatch splitStreamedLog(QByteArray& pending, const QByteArray& bytes, int maxLines,
                          qint64 maxLineBytes) {
    LogBatch batch;
    ByteTail tail(qsizetype(maxLineBytes), ByteTail::LongLine::Cut);
    tail.append(pending);
    tail.append(bytes);
    ByteTail::Line line;
    while (tail.nextLine(line)) batch.lines.append(line.bytes.toByteArray());
    pending = tail.partial().toByteArray();
    batch.partial = pending;
    if (batch.lines.size() > maxLines) {
        batch.skippedLines = batch.lines.size() - maxLines;
        batch.lines.remove(0, batch.skippedLines);
    }
    batch.replacesWindow = batch.lines.size() >= maxLines;
    return batch;
}

}  // namespace tb
