// AnsiParser: ECMA-48 escape handling for log display: SGR applied, CSI/OSC/others dropped.
#include "ansi_parser.h"

namespace tb {
namespace {

constexpr char16_t kEsc = 0x1b;
constexpr char16_t kBel = 0x07;

// Index just past the escape sequence starting at `i` (which holds ESC); `line.size()` when
// the sequence is cut off at the end of the text.
qsizetype skipEscape(QStringView s, qsizetype i, QStringView* csiParams, char16_t* csiFinal) {
    if (i + 1 >= s.size()) return s.size();
    const char16_t kind = s[i + 1].unicode();
    if (kind == '[') {
        qsizetype j = i + 2;
        while (j < s.size() && !(s[j].unicode() >= 0x40 && s[j].unicode() <= 0x7e)) ++j;
        if (j >= s.size()) return s.size();
        *csiParams = s.sliced(i + 2, j - i - 2);
        *csiFinal = s[j].unicode();
        return j + 1;
    }
    if (kind == ']' || kind == 'P' || kind == '_' || kind == '^') {
        // OSC (titles, hyperlinks) and string commands end with BEL or ESC '\'.
        for (qsizetype j = i + 2; j < s.size(); ++j) {
            if (s[j].unicode() == kBel) return j + 1;
            if (s[j].unicode() == kEsc && j + 1 < s.size() && s[j + 1] == u'\\') return j + 2;
        }
        return s.size();
    }
    // Two-byte escapes (ESC 7, ESC =, ...), plus charset selection which takes one more.
    if (kind == '(' || kind == ')' || kind == '#') return qMin(i + 3, s.size());
    return i + 2;
}

// The on/off attributes: each has one SGR code that sets it and one that clears it.
struct SgrFlag {
    int on;
    int off;
    bool AnsiStyle::*member;
};

constexpr SgrFlag kSgrFlags[] = {{1, 22, &AnsiStyle::bold},
                                 {3, 23, &AnsiStyle::italic},
                                 {4, 24, &AnsiStyle::underline},
                                 {7, 27, &AnsiStyle::inverse}};

const SgrFlag* sgrFlag(int code) {
    for (const SgrFlag& flag : kSgrFlags) {
        if (code == flag.on || code == flag.off) return &flag;
    }
    return nullptr;
}

}  // namespace

StyledLine AnsiParser::parseLine(QStringView line) {
    StyledLine out;
    // Segments before the last non-empty one are overwritten on a terminal; they are still
    // parsed so that colour changes inside them carry over.
    QList<QStringView> segments;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == u'\r') {
            segments.append(line.sliced(start, i - start));
            start = i + 1;
        }
    }
    qsizetype shown = segments.size() - 1;
    while (shown > 0 && segments[shown].isEmpty()) --shown;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        StyledLine scratch;
        parseSegment(segments[i], i == shown ? &out : &scratch);
    }
    return out;
}

void AnsiParser::parseSegment(QStringView s, StyledLine* out) {
    auto appendText = [&](QStringView text) {
        if (text.isEmpty()) return;
        const int at = int(out->text.size());
        out->text += text;
        if (m_style.isPlain()) return;
        if (!out->spans.isEmpty()) {
            AnsiSpan& last = out->spans.last();
            if (last.start + last.length == at && last.style == m_style) {
                last.length += int(text.size());
                return;
            }
        }
        out->spans.append({at, int(text.size()), m_style});
    };
    qsizetype runStart = 0;
    qsizetype i = 0;
    while (i < s.size()) {
        const char16_t c = s[i].unicode();
        if (c != kEsc && (c >= 0x20 || c == '\t') && !(c >= 0x7f && c < 0xa0)) {
            ++i;
            continue;
        }
        appendText(s.sliced(runStart, i - runStart));
        if (c == kEsc) {
            QStringView params;
            char16_t final = 0;
            i = skipEscape(s, i, &params, &final);
            if (final == 'm') applySgr(params);
        } else {
            ++i;  // other C0/C1 controls (backspace, bell) have no place in a log view
        }
        runStart = i;
    }
    appendText(s.sliced(runStart));
}

void AnsiParser::applySgr(QStringView params) {
    QList<int> codes;
    for (QStringView p : params.split(u';')) {
        // "38:2::r:g:b" colon forms are rare; treat sub-parameters like separate codes.
        for (QStringView sub : p.split(u':')) codes.append(sub.isEmpty() ? 0 : sub.toInt());
    }
    if (codes.isEmpty()) codes.append(0);
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const int c = codes[i];
        if (c == 0) {
            m_style = AnsiStyle();
        } else if (const SgrFlag* flag = sgrFlag(c)) {
            m_style.*flag->member = c == flag->on;
        } else if ((c >= 30 && c <= 37) || (c >= 90 && c <= 97)) {
            m_style.foreground = {AnsiColor::Kind::Indexed, quint32(c >= 90 ? c - 82 : c - 30)};
        } else if ((c >= 40 && c <= 47) || (c >= 100 && c <= 107)) {
            m_style.background = {AnsiColor::Kind::Indexed, quint32(c >= 100 ? c - 92 : c - 40)};
        } else if (c == 39) {
            m_style.foreground = {};
        } else if (c == 49) {
            m_style.background = {};
        } else if ((c == 38 || c == 48) && i + 1 < codes.size()) {
            AnsiColor color;
            if (codes[i + 1] == 5 && i + 2 < codes.size()) {
                color = {AnsiColor::Kind::Indexed, quint32(qBound(0, codes[i + 2], 255))};
                i += 2;
            } else if (codes[i + 1] == 2 && i + 4 < codes.size()) {
                const auto part = [&](qsizetype k) { return quint32(qBound(0, codes[k], 255)); };
                color = {AnsiColor::Kind::Rgb, part(i + 2) << 16 | part(i + 3) << 8 | part(i + 4)};
                i += 4;
            } else {
                break;  // malformed extended colour: ignore the rest rather than misread it
            }
            (c == 38 ? m_style.foreground : m_style.background) = color;
        }
        // Blink, conceal, fonts and the like: dropped, a log view has no use for them.
    }
}

}  // namespace tb
