// LogView: batches new output once per timer tick and trims the document to a line window.
#include "log_view.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

#include "ansi_format.h"
#include "log_search_bar.h"
#include "ui/style/theme.h"

namespace tb {
namespace {
// A backlog larger than this is not worth reading through: jump to the last lines instead.
constexpr qint64 kJumpBacklogBytes = 16 << 20;

QString decode(const QByteArray& bytes) {
    return QString::fromUtf8(bytes);
}
}  // namespace

LogView::LogView(QWidget* parent) : QWidget(parent) {
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);  // progress bars and tables keep shape
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // The log takes the palette's base and text: a theme switch recolours every plain line
    // (colours a program chose stay as they were inserted).

    m_followButton = new QToolButton(this);
    m_followButton->setText(tr("Follow"));
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    m_followButton->setToolTip(tr("Keep showing the newest output"));
    m_statusLabel = new QLabel(this);
    m_loadEarlierButton = new QPushButton(tr("Load earlier lines"), this);
    m_loadEarlierButton->hide();
    auto* top = new QHBoxLayout;
    top->addWidget(m_followButton);
    top->addWidget(m_loadEarlierButton);
    top->addWidget(m_statusLabel, 1);

    m_searchBar = new LogSearchBar(this);
    m_searchBar->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_searchBar);

    connect(m_followButton, &QToolButton::toggled, this, &LogView::setFollowTail);
    connect(m_loadEarlierButton, &QPushButton::clicked, this, &LogView::loadEarlier);
    connect(m_text->verticalScrollBar(), &QScrollBar::valueChanged, this, &LogView::onScrolled);
    connect(m_searchBar, &LogSearchBar::findRequested, this, &LogView::find);
    connect(m_searchBar, &LogSearchBar::textChanged, this, &LogView::updateHighlights);
    connect(m_searchBar, &LogSearchBar::closed, this, [this] { m_text->setExtraSelections({}); });
    auto* findShortcut = new QShortcut(QKeySequence::Find, this);
    connect(findShortcut, &QShortcut::activated, this, [this] { showSearch(); });
    auto* nextShortcut = new QShortcut(QKeySequence::FindNext, this);
    connect(nextShortcut, &QShortcut::activated, this, [this] { find(m_searchBar->text()); });
    auto* prevShortcut = new QShortcut(QKeySequence::FindPrevious, this);
    connect(prevShortcut, &QShortcut::activated, this, [this] { find(m_searchBar->text(), true); });

    m_pollTimer.setInterval(100);
    connect(&m_pollTimer, &QTimer::timeout, this, &LogView::pollNow);
}

void LogView::openFile(const QString& path, StartAt from) {
    m_streaming = false;
    m_tail = LogTail(path);
    clearView();
    if (from == StartAt::End) {
        m_tail.startAtEnd(m_maxLines);
        setFollowTail(true);
    } else {
        m_tail.startAtBeginning();
        setFollowTail(false);
    }
    pollNow();
    m_pollTimer.start();
}

void LogView::openStream(const QString& source) {
    m_pollTimer.stop();
    m_tail = LogTail();
    m_streaming = true;
    m_streamPending.clear();
    clearView();
    setFollowTail(true);
    m_statusLabel->setText(tr("Following %1").arg(source));
}

void LogView::appendStreamed(const QByteArray& bytes) {
    if (!m_streaming || bytes.isEmpty()) return;
    appendBatch(splitStreamedLog(m_streamPending, bytes, m_maxLines));
}

void LogView::clearView() {
    m_text->clear();
    m_parser = AnsiParser();
    m_completeLines = 0;
    m_hasPartial = false;
    m_lastBlockFree = true;
}

void LogView::setFollowTail(bool follow) {
    if (m_follow == follow) return;
    m_follow = follow;
    const QSignalBlocker block(m_followButton);
    m_followButton->setChecked(follow);
    if (follow) {
        pollNow();
        scrollToBottom();
    }
}

void LogView::pollNow() {
    if (m_tail.path().isEmpty()) return;
    if (m_follow && m_tail.fileSize() - m_tail.readOffset() > kJumpBacklogBytes) {
        clearView();
        m_tail.startAtEnd(m_maxLines);
    }
    // Not following: fill the window but never trim lines from under the reader's eyes.
    const int room = m_follow ? m_maxLines : m_maxLines - m_completeLines;
    if (room <= 0) {
        const qint64 waiting = m_tail.fileSize() - m_tail.readOffset();
        m_statusLabel->setText(
            waiting > 0
                ? tr("%1 KiB of newer output; turn on Follow").arg(qMax<qint64>(1, waiting / 1024))
                : QString());
        return;
    }
    const LogBatch batch = m_tail.readAppended(room, m_follow);
    if (batch.fileMissing) {
        m_statusLabel->setText(tr("Waiting for %1").arg(m_tail.path()));
        return;
    }
    m_statusLabel->clear();
    if (batch.lines.isEmpty() && !batch.reset && !batch.replacesWindow &&
        (batch.partial.isEmpty() && !m_hasPartial))
        return;
    appendBatch(batch);
}

void LogView::appendBatch(const LogBatch& batch) {
    m_programmaticScroll = true;
    if (batch.reset || batch.replacesWindow) clearView();
    QTextCursor cursor(m_text->document());
    cursor.beginEditBlock();
    cursor.movePosition(QTextCursor::End);
    if (m_hasPartial) {  // the unfinished line is rewritten with what it has become
        cursor.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        m_hasPartial = false;
        m_lastBlockFree = true;
    }
    for (const QByteArray& line : batch.lines) {
        insertStyled(cursor, m_parser.parseLine(decode(line)));
        ++m_completeLines;
    }
    if (!batch.partial.isEmpty()) {
        AnsiParser trial = m_parser;  // the partial's styles are not committed yet
        insertStyled(cursor, trial.parseLine(decode(batch.partial)));
        m_hasPartial = true;
    }
    const int excess = m_completeLines - m_maxLines;
    if (excess > 0) {
        QTextCursor front(m_text->document());
        front.movePosition(QTextCursor::NextBlock, QTextCursor::KeepAnchor, excess);
        front.removeSelectedText();
        m_tail.dropFront(excess);
        m_completeLines -= excess;
    }
    cursor.endEditBlock();
    if (m_follow) scrollToBottom();
    m_programmaticScroll = false;
    if (m_searchBar->isVisible()) updateHighlights();
    updateLoadEarlierBar();
}

void LogView::insertStyled(QTextCursor& cursor, const StyledLine& line) {
    if (!m_lastBlockFree) cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    m_lastBlockFree = false;
    insertSpans(cursor, line);
}

void LogView::insertSpans(QTextCursor& cursor, const StyledLine& line) const {
    int at = 0;
    const QTextCharFormat plain;
    for (const AnsiSpan& span : line.spans) {
        if (span.start > at) cursor.insertText(line.text.mid(at, span.start - at), plain);
        cursor.insertText(line.text.mid(span.start, span.length),
                          ansiFormat(span.style, m_text->palette()));
        at = span.start + span.length;
    }
    if (at < line.text.size()) cursor.insertText(line.text.mid(at), plain);
}

void LogView::loadEarlier() {
    const QList<QByteArray> lines = m_tail.readEarlier(qMin(5000, m_maxLines / 4));
    if (lines.isEmpty()) return;
    m_programmaticScroll = true;
    setFollowTail(false);
    QTextCursor cursor(m_text->document());
    cursor.beginEditBlock();
    AnsiParser parser;  // the style in force before these lines is unknown; start plain
    for (qsizetype i = 0; i < lines.size(); ++i) {
        insertSpans(cursor, parser.parseLine(decode(lines[i])));
        if (i + 1 < lines.size() || !m_lastBlockFree)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    }
    m_lastBlockFree = false;
    m_completeLines += int(lines.size());
    const int excess = m_completeLines + (m_hasPartial ? 1 : 0) - m_maxLines;
    if (excess > 0) {  // drop the newest lines; they are read again when following resumes
        QTextCursor back(m_text->document());
        back.movePosition(QTextCursor::End);
        back.movePosition(QTextCursor::PreviousBlock, QTextCursor::KeepAnchor, excess);
        back.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        back.removeSelectedText();
        const int dropped = excess - (m_hasPartial ? 1 : 0);
        m_tail.dropBack(dropped);
        m_completeLines -= dropped;
        m_hasPartial = false;
    }
    cursor.endEditBlock();
    m_text->verticalScrollBar()->setValue(int(lines.size()));
    m_programmaticScroll = false;
    updateLoadEarlierBar();
}

void LogView::scrollToBottom() {
    QScrollBar* bar = m_text->verticalScrollBar();
    bar->setValue(bar->maximum());
}

void LogView::onScrolled(int value) {
    updateLoadEarlierBar();
    if (m_programmaticScroll) return;
    const QScrollBar* bar = m_text->verticalScrollBar();
    if (value < bar->maximum() && m_follow)
        setFollowTail(false);  // the user scrolled up to read: stop pulling the view down
    else if (value >= bar->maximum() && !m_follow)
        setFollowTail(true);  // back at the bottom: follow again
}

void LogView::updateLoadEarlierBar() {
    const bool atTop = m_text->verticalScrollBar()->value() == 0;
    m_loadEarlierButton->setVisible(atTop && canLoadEarlier());
}

void LogView::showSearch(const QString& text) {
    if (!text.isEmpty()) m_searchBar->setText(text);
    m_searchBar->activate();
    updateHighlights();
}

bool LogView::find(const QString& text, bool backward) {
    if (text.isEmpty()) return false;
    const QTextDocument::FindFlags flags =
        backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    QTextCursor found = m_text->document()->find(text, m_text->textCursor(), flags);
    if (found.isNull()) {  // wrap around
        QTextCursor edge(m_text->document());
        edge.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        found = m_text->document()->find(text, edge, flags);
    }
    if (found.isNull()) {
        m_searchBar->setStatus(tr("Not found"));
        return false;
    }
    setFollowTail(false);
    m_programmaticScroll = true;
    m_text->setTextCursor(found);
    m_text->centerCursor();
    m_programmaticScroll = false;
    m_searchBar->setStatus(tr("Line %1").arg(found.blockNumber() + 1));
    return true;
}

void LogView::updateHighlights() {
    QList<QTextEdit::ExtraSelection> selections;
    const QString text = m_searchBar->text();
    QTextCursor at(m_text->document());
    QTextCharFormat format;
    format.setBackground(theme::searchHitBackground(m_text->palette()));
    // Bounded: highlighting a one-letter search over 20 000 lines must stay instant.
    while (!text.isEmpty() && selections.size() < 2000) {
        at = m_text->document()->find(text, at);
        if (at.isNull()) break;
        selections.append({at, format});
    }
    m_text->setExtraSelections(selections);
    if (!text.isEmpty())
        m_searchBar->setStatus(tr("%n match(es)", nullptr, int(selections.size())));
}

}  // namespace tb
