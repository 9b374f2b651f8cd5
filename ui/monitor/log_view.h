// LogView: follows a run's output.log with a bounded window of lines, ANSI colours and search.
#pragma once

#include <QTimer>
#include <QWidget>

#include "core/services/ansi_parser.h"
#include "log_tail.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextCursor;
class QToolButton;

namespace tb {

class LogSearchBar;

class LogView : public QWidget {
    Q_OBJECT
public:
    enum class StartAt { End, Beginning };

    explicit LogView(QWidget* parent = nullptr);

    // End: the last maxLines() lines, following new output. Beginning: the first lines, not
    // following (switching Follow on jumps to the end).
    void openFile(const QString& path, StartAt from = StartAt::End);
    // A log that arrives as bytes instead of a file (a remote run): clears the view and
    // waits for appendStreamed; the same line window bounds the memory.
    void openStream(const QString& source);
    void appendStreamed(const QByteArray& bytes);
    bool isStreaming() const { return m_streaming; }
    void setMaxLines(int lines) { m_maxLines = qMax(lines, 100); }
    int maxLines() const { return m_maxLines; }
    void setPollIntervalMs(int ms) { m_pollTimer.setInterval(ms); }
    void setMaxBatchBytes(qint64 bytes) { m_tail.setMaxBatchBytes(bytes); }

    bool followTail() const { return m_follow; }
    void setFollowTail(bool follow);

    // Next/previous match after the current selection, wrapping; false when there is none.
    bool find(const QString& text, bool backward = false);
    void showSearch(const QString& text = {});  // Ctrl+F; with text, fills it in

    QPlainTextEdit* textEdit() const { return m_text; }
    const LogTail& tail() const { return m_tail; }
    bool canLoadEarlier() const { return m_tail.windowStart() > 0; }

public Q_SLOTS:
    void pollNow();  // reads one batch; the timer calls it, tests may too
    void loadEarlier();

private:
    void appendBatch(const LogBatch& batch);
    void insertStyled(QTextCursor& cursor, const StyledLine& line);  // as a new last line
    void insertSpans(QTextCursor& cursor, const StyledLine& line) const;
    void clearView();
    void scrollToBottom();
    void onScrolled(int value);
    void updateHighlights();
    void updateLoadEarlierBar();

    LogTail m_tail;
    AnsiParser m_parser;  // style state at the start of the next complete line
    QTimer m_pollTimer;
    int m_maxLines = 20000;
    int m_completeLines = 0;      // blocks holding complete lines
    bool m_hasPartial = false;    // the last block is an unfinished line
    bool m_lastBlockFree = true;  // the last block is empty and takes the next line
    bool m_follow = true;
    bool m_programmaticScroll = false;
    bool m_streaming = false;
    QByteArray m_streamPending;  // the streamed log's unfinished last line

    QPlainTextEdit* m_text = nullptr;
    QToolButton* m_followButton = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_loadEarlierButton = nullptr;
    LogSearchBar* m_searchBar = nullptr;
};

}  // namespace tb
