// LogTail: reads a growing log by byte offsets and keeps the offsets of the lines on screen.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <deque>

#include "core/metrics/byte_tail.h"

class QFile;

namespace tb {

struct LogBatch {
    QList<QByteArray> lines;      // complete lines, without their '\n'
    QByteArray partial;           // the unfinished last line: shown, not consumed
    bool reset = false;           // the file shrank (rewritten): what was shown is gone
    bool replacesWindow = false;  // this batch alone fills the window: clear the old lines
    qsizetype skippedLines = 0;   // lines passed over to keep only the window's worth
    bool fileMissing = false;
    bool more = false;  // more bytes are waiting beyond this batch
};

// The window is the run of complete lines handed out and not dropped yet; its offsets are
// kept (8 bytes a line) so lines can be dropped at either end and read again from disk
// later. New bytes come through a ByteTail (Cut: a line longer than the cap is shown in
// pieces), which also notices a rewritten or replaced file. The file itself is never held in
// memory: at most one batch of bytes and an unfinished last line at a time.
class LogTail {
public:
    explicit LogTail(QString path = {});

    void setMaxBatchBytes(qint64 bytes) { m_maxBatchBytes = qMax<qint64>(bytes, 1024); }
    // Lines longer than this are cut into pieces, so a log without newlines stays bounded.
    void setMaxLineBytes(qint64 bytes) { m_bytes.setMaxLine(qMax<qint64>(bytes, 16)); }

    // Where the window starts: the last `lines` lines of the file, or byte 0.
    void startAtEnd(int lines);
    void startAtBeginning();

    // Bytes appended since the last read, at most one batch. With skipOlder the batch keeps
    // only its last maxLines lines (following a flood); without it reading stops after
    // maxLines lines and the rest stays unread.
    LogBatch readAppended(int maxLines, bool skipOlder);
    // Up to maxLines lines just before the window, read backwards; the window grows upwards.
    QList<QByteArray> readEarlier(int maxLines);

    void dropFront(int lines);  // the view trimmed its oldest lines
    void dropBack(int lines);   // ... or its newest: they will be read again later

    QString path() const { return m_path; }
    qint64 windowStart() const { return m_starts.empty() ? readOffset() : m_starts.front(); }
    qint64 readOffset() const { return m_bytes.offset(); }  // just after the last complete line
    int windowLines() const { return int(m_starts.size()); }
    qint64 fileSize() const;
    qint64 totalBytesRead() const { return m_bytesRead; }  // lets tests prove reads stay small

private:
    QList<qint64> lineStartsBefore(QFile& file, qint64 end, int maxLines);
    QByteArray readRange(QFile& file, qint64 from, qint64 to);

    QString m_path;
    std::deque<qint64> m_starts;
    ByteTail m_bytes{ByteTail::kLogMaxLine, ByteTail::LongLine::Cut};
    qint64 m_maxBatchBytes = 4 << 20;
    qint64 m_bytesRead = 0;
};

// For a log that arrives as bytes (a remote run's output.log): the complete lines of
// pending + bytes (lines longer than maxLineBytes cut), keeping only the last maxLines of
// them; what follows the last '\n' stays in `pending` and is also the batch's partial.
LogBatch splitStreamedLog(QByteArray& pending, const QByteArray& bytes, int maxLines,
                          qint64 maxLineBytes = ByteTail::kLogMaxLine);

}  // namespace tb
