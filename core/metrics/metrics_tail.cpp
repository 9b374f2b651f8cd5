// MetricsTail: chunked reads of metrics.jsonl through a ByteTail into the parser and store.
#include "metrics_tail.h"

#include <QFile>

#include "series_store.h"

namespace tb {

MetricsTail::MetricsTail(QString path, SeriesStore* store, QObject* parent)
    : QObject(parent),
      m_path(std::move(path)),
      m_store(store),
      m_bytes(ByteTail::kMetricsMaxLine, ByteTail::LongLine::Skip, MetricsParser::kPadding) {
}

TailPollResult MetricsTail::poll() {
    TailPollResult result;
    QFile file(m_path);
    const TailFileCheck check = m_bytes.openFile(file);
    if (check.fileMissing) {
        result.fileMissing = true;
        return result;
    }
    if (check.reset) {
        if (m_store) m_store->clear();
        result.reset = true;
        Q_EMIT resetDetected();
    }
    const qint64 offsetBefore = m_bytes.offset();
    const qint64 skippedBefore = m_bytes.skippedLines();
    // Read only up to the size seen now, so a fast writer cannot keep one poll busy forever.
    while (m_bytes.readFile(file, check.size, m_chunkSize) > 0) {
        const QByteArrayView lines = m_bytes.takeLines();
        if (lines.isEmpty()) continue;
        m_batch.clear();
        // The ByteTail keeps kPadding readable bytes past the lines.
        const ParseResult parsed =
            m_parser.parseInPlace(lines.data(), std::size_t(lines.size()), m_batch);
        if (m_store) m_store->append(m_batch, m_parser.keyNames());
        result.records += qsizetype(parsed.records);
        result.malformedLines += qsizetype(parsed.malformedLines);
    }
    result.bytesConsumed = m_bytes.offset() - offsetBefore;
    result.malformedLines += qsizetype(m_bytes.skippedLines() - skippedBefore);
    if (result.records > 0) Q_EMIT recordsAppended(result.records);
    return result;
}

}  // namespace tb
