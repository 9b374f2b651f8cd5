// ByteTail: the one way a followed file or stream becomes lines (metrics, log, CLI, remote).
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <vector>

class QFile;

namespace tb {

struct TailFileCheck {
    bool fileMissing = false;  // not there (yet): not an error, nothing may have been written
    bool reset = false;  // replaced or truncated: what was read is void, reading restarts at 0
    qint64 size = 0;     // the size of the file opened; reads stop there
};

// Owns a read offset and the bytes appended after it that were not handed out yet: complete
// lines not taken and the start of a line not finished. Bytes come from a file (openFile,
// readFile) or a stream (append); lines go out one at a time (nextLine, with their offsets)
// or all at once for a parser that splits them itself (takeLines); offset() always sits just
// after a '\n' (or a cut), so resuming from it loses and repeats nothing.
//
// A writer may never end its line (a box sending an endless line, a progress bar without
// '\n'), so a line is capped at maxLine bytes, in one of two ways:
//  - Cut (a log): a longer line is handed out in maxLine-byte pieces, the unfinished one too
//    once maxLine bytes of it are held — what a log view can show stays bounded.
//  - Skip (metrics.jsonl): once the unfinished line held past a take is longer than maxLine,
//    it is dropped up to its '\n' and counted (skippedLines, skippedBytes, both in offset());
//    a record is one short JSON line, so a longer one is noise. Whole lines arriving within
//    one append are handed out as they are: the parser's own caps bound what they cost.
//    Take lines after each append, so held bytes stay under maxLine plus one append.
//
// A followed file counts as replaced — and reading restarts at byte 0 — when its inode or
// device changed, when it was gone and came back, when it is shorter than what was read, or
// when its first bytes differ from those read before (rewritten in place).
class ByteTail {
public:
    enum class LongLine { Cut, Skip };
    // A metrics record is one short JSON line; 4 MiB is far past any real one.
    static constexpr qsizetype kMetricsMaxLine = qsizetype(4) << 20;
    // What a log view shows of one line before cutting it.
    static constexpr qsizetype kLogMaxLine = qsizetype(64) << 10;

    // `padding`: bytes kept readable past the data (simdjson reads up to 64 past a line).
    ByteTail(qsizetype maxLine, LongLine longLine, std::size_t padding = 0);

    void setMaxLine(qsizetype bytes) { m_maxLine = bytes > 0 ? bytes : 1; }
    qsizetype maxLine() const { return m_maxLine; }

    // Stream side: the next bytes of the stream, in order.
    void append(QByteArrayView bytes);

    // File side: opens `file` (its name set) and checks it is still the file read so far; on
    // a replacement everything held is dropped and reading restarts at byte 0 (`reset`).
    [[nodiscard]] TailFileCheck openFile(QFile& file);
    // Appends up to maxBytes of the open file from readOffset(), never past `end`; returns the
    // bytes read (0 at the end or on a failed read).
    qint64 readFile(QFile& file, qint64 end, qint64 maxBytes);

    struct Line {
        QByteArrayView bytes;  // without its '\n'; valid until the next append or read
        qint64 offset = 0;     // where it starts in the file or stream
    };
    // The next complete line (or cut piece); false when only an unfinished line is left.
    bool nextLine(Line& line);
    // Every complete line, each with its '\n', in one block followed by `padding` readable
    // bytes; valid until the next append or read. Lines are not cut here (use nextLine).
    QByteArrayView takeLines();
    // Everything held, finished line or not (a terminal shows a partial line at once).
    QByteArray takeAll();
    // The unfinished line held (after the complete ones were taken).
    QByteArrayView partial() const;

    qint64 offset() const { return m_offset; }               // just after the last line handed out
    qint64 readOffset() const { return m_offset + held(); }  // where the next byte goes
    qsizetype held() const { return m_end - m_begin; }
    qint64 skippedLines() const { return m_skippedLines; }
    qint64 skippedBytes() const { return m_skippedBytes; }
    // Drops what is held; the next bytes appended or read are those at `offset`. The file's
    // identity is kept: this is the same file read again from elsewhere.
    void restartAt(qint64 offset);

private:
    char* reserve(qsizetype bytes);
    void commit(qsizetype bytes);
    void dropUnfinishedOverCap();

    qsizetype m_maxLine;
    LongLine m_longLine;
    std::size_t m_padding;
    std::vector<char> m_buffer;
    qsizetype m_begin = 0;    // first byte not handed out; stream position m_offset
    qsizetype m_lineEnd = 0;  // just after the last '\n' held (== m_begin when none)
    qsizetype m_end = 0;
    qint64 m_offset = 0;
    bool m_skipping = false;  // inside an over-long line (Skip): drop up to its '\n'
    qint64 m_skippedLines = 0;
    qint64 m_skippedBytes = 0;
    // The file's identity, to notice a replacement.
    quint64 m_device = 0;
    quint64 m_inode = 0;
    bool m_haveIdentity = false;
    bool m_sawMissing = false;
    QByteArray m_head;  // first bytes of the file, to notice a rewrite that reused the inode
};

}  // namespace tb
