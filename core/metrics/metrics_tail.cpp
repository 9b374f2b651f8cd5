// MetricsTail: offset bookkeeping, replacement detection and chunked reads of metrics.jsonl.
#include "metrics/metrics_tail.h"

#include <QFile>

#include <cstring>

#include "metrics/series_store.h"

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace tb {

namespace {
constexpr qsizetype kHeadBytes = 64;
}

MetricsTail::MetricsTail(QString path, SeriesStore* store, QObject* parent)
    : QObject(parent), m_path(std::move(path)), m_store(store) {
}

void MetricsTail::restart() {
    m_offset = 0;
    m_pending = 0;
    m_head.clear();
    if (m_store) m_store->clear();
}

TailPollResult MetricsTail::poll() {
    TailPollResult result;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.fileMissing = true;
        m_sawMissing = m_haveIdentity;
        return result;
    }
    qint64 size = file.size();
    bool replaced = m_sawMissing;  // gone and back: whatever is there now is another file
#ifdef Q_OS_UNIX
    // Identity of the file actually opened, not of whatever the path names a moment later.
    struct stat st {};
    if (::fstat(file.handle(), &st) == 0) {
        size = st.st_size;
        replaced = replaced || (m_haveIdentity &&
                                (quint64(st.st_ino) != m_inode || quint64(st.st_dev) != m_device));
        m_inode = st.st_ino;
        m_device = st.st_dev;
    }
#endif
    m_haveIdentity = true;
    m_sawMissing = false;
    qint64 readOffset = m_offset + qint64(m_pending);
    if (!replaced && size < readOffset) replaced = true;  // truncated
    if (!replaced && !m_head.isEmpty() && file.read(m_head.size()) != m_head) replaced = true;
    if (replaced && readOffset > 0) {
        restart();
        readOffset = 0;
        result.reset = true;
        Q_EMIT resetDetected();
    }
    if (!file.seek(readOffset)) return result;

    // Read only up to the size seen now, so a fast writer cannot keep one poll busy forever.
    qint64 remaining = size - readOffset;
    while (remaining > 0) {
        const qint64 want = std::min(remaining, m_chunkSize);
        m_buffer.resize(m_pending + std::size_t(want) + MetricsParser::kPadding);
        const qint64 got = file.read(m_buffer.data() + m_pending, want);
        if (got <= 0) break;
        if (readOffset == 0 && m_head.isEmpty() && m_pending == 0)
            m_head = QByteArray(m_buffer.data(), std::min<qsizetype>(got, kHeadBytes));
        readOffset += got;
        remaining -= got;
        const std::size_t filled = m_pending + std::size_t(got);
        m_batch.clear();
        const ParseResult parsed = m_parser.parseInPlace(m_buffer.data(), filled, m_batch);
        if (m_store) m_store->append(m_batch, m_parser.keyNames());
        m_pending = filled - parsed.bytesConsumed;
        if (m_pending > 0 && parsed.bytesConsumed > 0)
            std::memmove(m_buffer.data(), m_buffer.data() + parsed.bytesConsumed, m_pending);
        m_offset += qint64(parsed.bytesConsumed);
        result.bytesConsumed += qint64(parsed.bytesConsumed);
        result.records += qsizetype(parsed.records);
        result.malformedLines += qsizetype(parsed.malformedLines);
    }
    if (result.records > 0) Q_EMIT recordsAppended(result.records);
    return result;
}

}  // namespace tb
