// MetricsTail: follows one run's metrics.jsonl by byte offset and feeds a SeriesStore.
#pragma once

#include <QObject>
#include <QString>

#include "byte_tail.h"
#include "metrics_parser.h"

namespace tb {

class SeriesStore;

struct TailPollResult {
    qint64 bytesConsumed = 0;
    qsizetype records = 0;
    qsizetype malformedLines = 0;  // over-long lines skipped (see ByteTail) included
    bool reset = false;            // the file was replaced or truncated; the store was cleared
    bool fileMissing = false;      // not there (yet): not an error, the run may not have logged
};

// Caller-driven: poll() from a timer. Each poll reads what was appended since the last one in
// large chunks through a ByteTail (Skip, ByteTail::kMetricsMaxLine) and hands its complete
// lines to the parser in place; offset() always sits just after a '\n': resuming from it
// loses and repeats nothing. A file replaced under the same path (see ByteTail) restarts from
// byte 0 after clearing the store.
class MetricsTail : public QObject {
    Q_OBJECT
public:
    MetricsTail(QString path, SeriesStore* store, QObject* parent = nullptr);

    TailPollResult poll();

    QString path() const { return m_path; }
    qint64 offset() const { return m_bytes.offset(); }  // just after the last complete line
    qsizetype totalMalformedLines() const {
        return qsizetype(m_parser.totalMalformedLines()) + qsizetype(m_bytes.skippedLines());
    }
    const MetricsParser& parser() const { return m_parser; }
    // Tests use tiny chunks so that lines straddle chunk boundaries.
    void setChunkSize(qint64 bytes) { m_chunkSize = bytes > 0 ? bytes : 1; }

Q_SIGNALS:
    void resetDetected();
    void recordsAppended(qsizetype count);

private:
    QString m_path;
    SeriesStore* m_store;
    MetricsParser m_parser;
    MetricsBatch m_batch;
    ByteTail m_bytes;
    qint64 m_chunkSize = 1 << 20;
};

}  // namespace tb
