// YamlHighlighter: one pass per line; config files need no multi-line state.
#include "yaml_highlighter.h"

#include <QRegularExpression>

namespace tb {
namespace {

// Where a comment starts: a '#' outside quotes that begins the line or follows a space.
int commentStart(const QString& text) {
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote) quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('#') && (i == 0 || text.at(i - 1).isSpace())) {
            return i;
        }
    }
    return -1;
}

}  // namespace

YamlHighlighter::YamlHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {
    m_key.setForeground(QColor(0x1f, 0x4e, 0x9c));
    m_key.setFontWeight(QFont::DemiBold);
    m_comment.setForeground(QColor(0x6a, 0x73, 0x7d));
    m_comment.setFontItalic(true);
    m_string.setForeground(QColor(0x0a, 0x7a, 0x3b));
    m_number.setForeground(QColor(0xa3, 0x4a, 0x00));
    m_keyword.setForeground(QColor(0x8e, 0x24, 0xaa));
}

void YamlHighlighter::highlightBlock(const QString& text) {
    static const QRegularExpression key(
        QStringLiteral(R"((?:^\s*(?:-\s+)?|[{,]\s*)([A-Za-z_][\w.-]*)\s*:(?=\s|$))"));
    static const QRegularExpression quoted(QStringLiteral(R"("(?:[^"\\]|\\.)*"?|'[^']*'?)"));
    static const QRegularExpression number(
        QStringLiteral(R"((?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.]))"));
    static const QRegularExpression keyword(
        QStringLiteral(R"(\b(?:true|false|null|yes|no|on|off)\b)"));

    const int comment = commentStart(text);
    const QString code = comment < 0 ? text : text.left(comment);
    auto paint = [&](const QRegularExpression& pattern, const QTextCharFormat& format, int group) {
        for (auto it = pattern.globalMatch(code); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            setFormat(int(match.capturedStart(group)), int(match.capturedLength(group)), format);
        }
    };
    // Later passes win, so a number inside a quoted string stays a string.
    paint(number, m_number, 0);
    paint(keyword, m_keyword, 0);
    paint(key, m_key, 1);
    paint(quoted, m_string, 0);
    if (comment >= 0) setFormat(comment, int(text.size()) - comment, m_comment);
}

}  // namespace tb
