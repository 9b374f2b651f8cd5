// YamlHighlighter: one pass per line; config files need no multi-line state.
#include "yaml_highlighter.h"

#include <QGuiApplication>
#include <QRegularExpression>

#include "ui/style/theme.h"

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
    m_key.setFontWeight(QFont::DemiBold);
    m_comment.setFontItalic(true);
    setPalette(QGuiApplication::palette());
}

void YamlHighlighter::setPalette(const QPalette& palette) {
    using theme::Tone;
    const QColor key = theme::color(Tone::YamlKey, palette);
    if (key == keyColor() && m_comment.foreground().style() != Qt::NoBrush) return;
    m_key.setForeground(key);
    m_comment.setForeground(theme::color(Tone::YamlComment, palette));
    m_string.setForeground(theme::color(Tone::YamlString, palette));
    m_number.setForeground(theme::color(Tone::YamlNumber, palette));
    m_keyword.setForeground(theme::color(Tone::YamlKeyword, palette));
    rehighlight();
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
