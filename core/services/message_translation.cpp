// translatedMessage: see message_translation.h.
#include "message_translation.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <algorithm>
#include <string>
#include <vector>

#include "core/config/config_text.h"
#include "core/sweep/sweep_text.h"

namespace tb {
namespace {

constexpr int kMaxDepth = 4;          // patterns inside patterns ("%1 %2" > "must be %1, got %2")
constexpr int kMaxLength = 8 * 1024;  // longer texts are shown as they are
constexpr int kGenericLiteral = 2;    // patterns with no more text than this around placeholders

struct Pattern {
    const char* context = nullptr;
    const char* source = nullptr;
    QRegularExpression regex;  // the source with each %N a lazy group
    QList<int> numbers;        // the N of each group, in order
    QString messageArgs;       // the N whose arguments are messages too ("13")
    qsizetype literal = 0;     // characters that are not placeholders: more is more specific
};

Pattern compiled(const char* context, const MessagePattern& entry) {
    const char* source = entry.text;
    Pattern pattern{context, source, {}, {}, QString::fromLatin1(entry.messageArgs), 0};
    const QString text = QString::fromUtf8(source);
    static const QRegularExpression placeholder(QStringLiteral("%([1-9])"));
    QString regex;
    qsizetype at = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        regex += QRegularExpression::escape(text.mid(at, match.capturedStart() - at));
        regex += QStringLiteral("(.*?)");
        pattern.numbers.append(match.captured(1).toInt());
        pattern.literal += match.capturedStart() - at;
        at = match.capturedEnd();
    }
    regex += QRegularExpression::escape(text.mid(at));
    pattern.literal += text.size() - at;
    pattern.regex.setPattern(QRegularExpression::anchoredPattern(regex));
    pattern.regex.setPatternOptions(QRegularExpression::DotMatchesEverythingOption);
    return pattern;
}

template <size_t N>
void addAll(QList<Pattern>& out, const char* context, const MessagePattern (&entries)[N]) {
    for (const MessagePattern& entry : entries) out.append(compiled(context, entry));
}

const QList<Pattern>& patterns() {
    static const QList<Pattern> all = [] {
        QList<Pattern> out;
        addAll(out, "ConfigCheck", config_text::kAll);
        addAll(out, "SweepSpec", sweep_text::kAll);
        std::stable_sort(out.begin(), out.end(),
                         [](const Pattern& a, const Pattern& b) { return a.literal > b.literal; });
        return out;
    }();
    return all;
}

// The translated pattern filled as the std side fills the English one (fillText).
QString filled(const QString& translated, const QList<QString>& args) {
    std::vector<std::string> utf8;
    for (const QString& arg : args) utf8.push_back(arg.toStdString());
    const std::vector<std::string_view> views(utf8.begin(), utf8.end());
    return QString::fromStdString(fillText(translated.toStdString(), views));
}

QString translated(const QString& text, int depth) {
    if (depth > kMaxDepth || text.isEmpty() || text.size() > kMaxLength) return text;
    for (const Pattern& pattern : patterns()) {
        // "%1 %2" and "%1: %2" (a key and its problem) only make whole messages.
        if (depth > 0 && pattern.literal <= kGenericLiteral) continue;
        const QRegularExpressionMatch match = pattern.regex.match(text);
        if (!match.hasMatch()) continue;
        QList<QString> args;
        bool consistent = true;
        for (qsizetype g = 0; g < pattern.numbers.size(); ++g) {
            const int n = pattern.numbers[g];
            if (args.size() < n) args.resize(n);
            const QString value = match.captured(static_cast<int>(g + 1));
            if (!args[n - 1].isNull() && args[n - 1] != value) consistent = false;
            args[n - 1] = value;
        }
        if (!consistent) continue;  // "%1 ... %1" with two different texts: not this pattern
        for (qsizetype n = 1; n <= args.size(); ++n) {
            if (pattern.messageArgs.contains(QChar(char16_t(u'0' + n))))
                args[n - 1] = translated(args[n - 1], depth + 1);
        }
        return filled(QCoreApplication::translate(pattern.context, pattern.source), args);
    }
    return text;
}

}  // namespace

QString translatedMessage(const QString& english) {
    return translated(english, 0);
}

QString translatedMessage(const std::string& english) {
    return translated(QString::fromStdString(english), 0);
}

}  // namespace tb
