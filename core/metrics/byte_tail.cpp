// ByteTail: offset and held bytes of a followed file or stream, cut into capped lines.
#include "byte_tail.h"

#include <QFile>

#include <algorithm>
#include <cstring>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace tb {

namespace {
constexpr qsizetype kHeadBytes = 64;
}

ByteTail::ByteTail(qsizetype maxLine, LongLine longLine, std::size_t padding)
    : m_maxLine(maxLine > 0 ? maxLine : 1), m_longLine(longLine), m_padding(padding) {
}

void ByteTail::append(QByteArrayView bytes) {
    if (bytes.isEmpty()) return;
    std::memcpy(reserve(bytes.size()), bytes.data(), std::size_t(bytes.size()));
    commit(bytes.size());
}

// Makes room for `bytes` more after what is held (moving it to the front first, so the
// buffer never grows past what is held plus one read) and `padding` past them.
char* ByteTail::reserve(qsizetype bytes) {
    if (m_begin > 0) {
        const qsizetype kept = m_end - m_begin;
        if (kept > 0) std::memmove(m_buffer.data(), m_buffer.data() + m_begin, std::size_t(kept));
        m_lineEnd -= m_begin;
        m_end = kept;
        m_begin = 0;
    }
    const std::size_t need = std::size_t(m_end + bytes) + m_padding;
    if (m_buffer.size() < need) m_buffer.resize(need);
    return m_buffer.data() + m_end;
}

// Takes in `bytes` just written after m_end. Only the new bytes are searched: the start of an
// unfinished line is never scanned again per append.
void ByteTail::commit(qsizetype bytes) {
    qsizetype from = m_end;
    if (m_skipping) {  // nothing else is held while skipping
        const char* data = m_buffer.data() + from;
        const void* newline = std::memchr(data, '\n', std::size_t(bytes));
        const qsizetype dropped =
            newline ? qsizetype(static_cast<const char*>(newline) - data) + 1 : bytes;
        m_skippedBytes += dropped;
        m_offset += dropped;
        m_skipping = !newline;
        from += dropped;
        bytes -= dropped;
        m_begin = m_lineEnd = from;
    }
    m_end = from + bytes;
    const qsizetype last = QByteArrayView(m_buffer.data() + from, bytes).lastIndexOf('\n');
    if (last >= 0) m_lineEnd = from + last + 1;
}

bool ByteTail::nextLine(Line& line) {
    const char* data = m_buffer.data();
    qsizetype length = 0;
    qsizetype next = 0;
    if (m_begin < m_lineEnd) {
        const void* newline = std::memchr(data + m_begin, '\n', std::size_t(m_lineEnd - m_begin));
        length = qsizetype(static_cast<const char*>(newline) - (data + m_begin));
        next = length + 1;
        if (m_longLine == LongLine::Cut && length > m_maxLine) length = next = m_maxLine;
    } else if (m_longLine == LongLine::Cut && held() >= m_maxLine) {
        length = next = m_maxLine;
    } else {
        if (m_longLine == LongLine::Skip) dropUnfinishedOverCap();
        return false;
    }
    line.bytes = QByteArrayView(data + m_begin, length);
    line.offset = m_offset;
    m_begin += next;
    m_offset += next;
    m_lineEnd = std::max(m_lineEnd, m_begin);
    return true;
}

QByteArrayView ByteTail::takeLines() {
    const QByteArrayView lines(m_buffer.data() + m_begin, m_lineEnd - m_begin);
    m_offset += lines.size();
    m_begin = m_lineEnd;
    if (m_longLine == LongLine::Skip) dropUnfinishedOverCap();
    return lines;
}

QByteArray ByteTail::takeAll() {
    QByteArray all(m_buffer.data() + m_begin, held());
    m_offset += held();
    m_begin = m_lineEnd = m_end;
    return all;
}

QByteArrayView ByteTail::partial() const {
    return QByteArrayView(m_buffer.data() + m_lineEnd, m_end - m_lineEnd);
}

// Only an unfinished line is held: past the cap it goes, and so does the rest of it.
void ByteTail::dropUnfinishedOverCap() {
    if (m_begin < m_lineEnd || held() <= m_maxLine) return;
    m_skippedBytes += held();
    m_offset += held();
    ++m_skippedLines;
    m_skipping = true;
    m_begin = m_lineEnd = m_end;
}

void ByteTail::restartAt(qint64 offset) {
    m_begin = m_lineEnd = m_end = 0;
    m_offset = offset;
    m_skipping = false;
}

TailFileCheck ByteTail::openFile(QFile& file) {
    TailFileCheck check;
    if (!file.open(QIODevice::ReadOnly)) {
        check.fileMissing = true;
        m_sawMissing = m_haveIdentity;
        return check;
    }
    check.size = file.size();
    bool replaced = m_sawMissing;  // gone and back: whatever is there now is another file
#ifdef Q_OS_UNIX
    // Identity of the file actually opened, not of whatever the path names a moment later.
    struct stat st {};
    if (::fstat(file.handle(), &st) == 0) {
        check.size = st.st_size;
        replaced = replaced || (m_haveIdentity &&
                                (quint64(st.st_ino) != m_inode || quint64(st.st_dev) != m_device));
        m_inode = st.st_ino;
        m_device = st.st_dev;
    }
#endif
    m_haveIdentity = true;
    m_sawMissing = false;
    if (!replaced && check.size < readOffset()) replaced = true;  // truncated
    if (!replaced && !m_head.isEmpty() && file.read(m_head.size()) != m_head) replaced = true;
    if (replaced) {
        m_head.clear();
        if (readOffset() > 0) {
            restartAt(0);
            check.reset = true;
        }
    }
    return check;
}

qint64 ByteTail::readFile(QFile& file, qint64 end, qint64 maxBytes) {
    const qint64 from = readOffset();
    const qint64 want = std::min(end - from, maxBytes);
    if (want <= 0 || !file.seek(from)) return 0;
    char* into = reserve(qsizetype(want));
    const qint64 got = file.read(into, want);
    if (got <= 0) return 0;
    if (from == 0 && m_head.isEmpty())
        m_head = QByteArray(into, std::min<qsizetype>(qsizetype(got), kHeadBytes));
    commit(qsizetype(got));
    return got;
}

}  // namespace tb
