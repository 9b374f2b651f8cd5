// MetricsTail: follows one run's metrics.jsonl by byte offset and feeds a SeriesStore.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <vector>

#include "metrics/metrics_parser.h"

namespace tb {

class SeriesStore;

struct TailPollResult {
    qint64 bytesConsumed = 0;
    qsizetype records = 0;
    qsizetype malformedLines = 0;
    bool reset = false;        // the file was replaced or truncated; the store was cleared
    bool fileMissing = false;  // not there (yet): not an error, the run may not have logged
};

// Caller-driven: poll() from a timer. Each poll reads what was appended since the last one in
// large chunks, hands complete lines to the parser and keeps a trailing partial line in
// memory, so offset() always sits just after a '\n': resuming from it loses and repeats
// nothing. A file replaced under the same path (new inode, different first bytes, or shorter
// than what was read) restarts from byte 0 after clearing the store.
class MetricsTail : public QObject {
    Q_OBJECT
public:
    MetricsTail(QString path, SeriesStore* store, QObject* parent = nullptr);

    TailPollResult poll();

    QString path() const { return m_path; }
    qint64 offset() const { return m_offset; }  // just after the last complete line consumed
    qsizetype totalMalformedLines() const { return qsizetype(m_parser.totalMalformedLines()); }
    const MetricsParser& parser() const { return m_parser; }
    // Tests use tiny chunks so that lines straddle chunk boundaries.
    void setChunkSize(qint64 bytes) { m_chunkSize = bytes > 0 ? bytes : 1; }

Q_SIGNALS:
    void resetDetected();
    void recordsAppended(qsizetype count);

private:
    void restart();

    QString m_path;
    SeriesStore* m_store;
    MetricsParser m_parser;
    MetricsBatch m_batch;
    std::vector<char> m_buffer;  // [0, m_pending): start of a line not finished yet
    std::size_t m_pending = 0;
    qint64 m_offset = 0;
    qint64 m_chunkSize = 1 << 20;
    quint64 m_device = 0;
    quint64 m_inode = 0;
    bool m_haveIdentity = false;
    bool m_sawMissing = false;
    QByteArray m_head;  // first bytes of the file, to notice a rewrite that reused the inode
};

}  // namespace tb
