// YamlEditor: QPlainTextEdit with a line-number gutter, YAML colours and problem marks.
#include "yaml_editor.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

#include "line_number_gutter.h"
#include "ui/style/theme.h"
#include "yaml_highlighter.h"

namespace tb {
namespace {

// Ctrl+Shift+Z is redo everywhere here, whatever the platform's key scheme says.
bool isRedo(const QKeyEvent* key) {
    return key->matches(QKeySequence::Redo) ||
           (key->key() == Qt::Key_Z &&
            key->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier));
}

bool endsToken(QChar c) {
    return c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(']') || c == QLatin1Char('}') ||
           c == QLatin1Char('#');
}

}  // namespace

YamlEditor::YamlEditor(QWidget* parent)
    : QPlainTextEdit(parent), m_gutter(new LineNumberGutter(this)) {
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(font);
    // Long comments wrap rather than hide behind a sideways scroll: the editor shares a dock
    // with the form, and the line numbers still mark where each line starts.
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    document()->setUndoRedoEnabled(false);
    m_highlighter = new YamlHighlighter(document());
    m_highlighter->setPalette(palette());

    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &YamlEditor::updateGutter);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_applying) Q_EMIT userEdited();
    });
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void YamlEditor::showText(const QString& text) {
    const QString current = toPlainText();
    if (current == text) return;
    qsizetype prefix = 0;
    const qsizetype shorter = std::min(current.size(), text.size());
    while (prefix < shorter && current.at(prefix) == text.at(prefix)) ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix &&
           current.at(current.size() - 1 - suffix) == text.at(text.size() - 1 - suffix)) {
        ++suffix;
    }
    m_applying = true;
    QTextCursor cursor(document());
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(current.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - suffix - prefix));
    m_applying = false;
    refreshSelections();
}

void YamlEditor::setProblems(const QVector<TextProblem>& problems) {
    m_problems = problems;
    refreshSelections();
}

void YamlEditor::goTo(int line, int column) {
    setTextCursor(cursorAt(line, column));
    ensureCursorVisible();
    setFocus(Qt::OtherFocusReason);
}

QTextCursor YamlEditor::cursorAt(int line, int column) const {
    const QTextBlock block = document()->findBlockByNumber(std::max(line, 1) - 1);
    QTextCursor cursor(block.isValid() ? block : document()->lastBlock());
    const int offset = std::clamp(column - 1, 0, std::max(cursor.block().length() - 1, 0));
    cursor.setPosition(cursor.block().position() + offset);
    return cursor;
}

void YamlEditor::refreshSelections() {
    const QColor problemColor = theme::color(theme::Tone::Error, palette());
    QList<QTextEdit::ExtraSelection> selections;
    for (const TextProblem& problem : std::as_const(m_problems)) {
        if (problem.line <= 0) continue;
        QTextEdit::ExtraSelection line;
        line.cursor = cursorAt(problem.line, 1);
        line.format.setBackground(theme::problemLineBackground(palette()));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections << line;

        // Underline the token the problem points at, or the whole line when it points nowhere.
        QTextEdit::ExtraSelection mark;
        mark.cursor = cursorAt(problem.line, problem.column);
        const QString blockText = mark.cursor.block().text();
        int end = mark.cursor.positionInBlock();
        while (end < blockText.size() && !endsToken(blockText.at(end))) ++end;
        if (end == mark.cursor.positionInBlock()) {
            mark.cursor.movePosition(QTextCursor::StartOfBlock);
            end = int(blockText.size());
        }
        mark.cursor.setPosition(mark.cursor.block().position() + end, QTextCursor::KeepAnchor);
        // QTextLayout repaints a selection's text only when the format has a foreground.
        mark.format.setForeground(problemColor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(problemColor);
        mark.format.setToolTip(problem.message);
        selections << mark;
    }
    setExtraSelections(selections);
    m_gutter->update();
}

int YamlEditor::gutterWidth() const {
    const int digits = QString::number(std::max(1, blockCount())).size();
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(digits, 2);
}

void YamlEditor::paintGutter(QPaintEvent* event) {
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::Window));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int lineHeight = fontMetrics().height();
    QSet<int> problemLines;
    for (const TextProblem& problem : std::as_const(m_problems)) problemLines.insert(problem.line);
    while (block.isValid() && top <= event->rect().bottom()) {
        const int number = block.blockNumber() + 1;
        if (block.isVisible()) {
            const bool marked = problemLines.contains(number);
            painter.setPen(marked ? theme::color(theme::Tone::Error, palette())
                                  : palette().color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_gutter->width() - 6, lineHeight, Qt::AlignRight,
                             QString::number(number));
        }
        top += qRound(blockBoundingRect(block).height());
        block = block.next();
    }
}

void YamlEditor::updateGutter(const QRect& rect, int dy) {
    if (dy != 0) {
        m_gutter->scroll(0, dy);
    } else {
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    }
}

// A theme switch: the highlighting and the problem lines take the new palette's colours.
void YamlEditor::changeEvent(QEvent* event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        refreshSelections();
    }
}

bool YamlEditor::event(QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        // Claim undo/redo keys so they reach keyPressEvent and the shared history.
        if (key->matches(QKeySequence::Undo) || isRedo(key)) {
            event->accept();
            return true;
        }
    } else if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QTextCursor at = cursorForPosition(viewport()->mapFromParent(help->pos()));
        for (const TextProblem& problem : std::as_const(m_problems)) {
            if (problem.line == at.blockNumber() + 1) {
                QToolTip::showText(help->globalPos(), problem.message, this);
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::event(event);
}

void YamlEditor::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::Undo)) return Q_EMIT undoRequested();
    if (isRedo(event)) return Q_EMIT redoRequested();
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier) {
        insertPlainText(QStringLiteral("  "));  // YAML forbids tabs for indentation
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void YamlEditor::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_gutter->setGeometry(area.left(), area.top(), gutterWidth(), area.height());
}

}  // namespace tb
