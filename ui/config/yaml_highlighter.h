#pragma once
// YAML colouring for the config text: keys, comments, quoted strings, numbers, booleans.

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace tb {

class YamlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit YamlHighlighter(QTextDocument* document);

    // Picks the colours for `palette` (light or dark) and recolours the whole text.
    void setPalette(const QPalette& palette);
    QColor keyColor() const { return m_key.foreground().color(); }

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_comment;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
};

}  // namespace tb
