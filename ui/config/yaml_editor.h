#pragma once
// The config as YAML text: line numbers, highlighting, problems underlined in wavy red.
// Its own undo is off: undo belongs to ConfigDocument, shared with the form.

#include <QPlainTextEdit>
#include <QVector>

namespace tb {

class LineNumberGutter;
class YamlHighlighter;

struct TextProblem {
    int line = 0;    // 1-based
    int column = 0;  // 1-based; 0 = whole line
    QString message;
};

class YamlEditor : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit YamlEditor(QWidget* parent = nullptr);

    // Shows text that came from the document: only the changed span is replaced, so the
    // cursor and scroll position stay, and no userEdited() is emitted.
    void showText(const QString& text);
    void setProblems(const QVector<TextProblem>& problems);
    // Moves the cursor to a 1-based line and column and shows it.
    void goTo(int line, int column);

    int gutterWidth() const;
    void paintGutter(QPaintEvent* event);

Q_SIGNALS:
    void userEdited();
    // Undo/redo keys typed here: the shared history handles them, not the text widget.
    void undoRequested();
    void redoRequested();

protected:
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateGutter(const QRect& rect, int dy);
    void refreshSelections();
    QTextCursor cursorAt(int line, int column) const;

    LineNumberGutter* m_gutter;
    YamlHighlighter* m_highlighter;
    QVector<TextProblem> m_problems;
    bool m_applying = false;
};

}  // namespace tb
