// AnsiParser: terminal output line → plain text plus styled spans (SGR kept, the rest stripped).
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace tb {

struct AnsiColor {
    enum class Kind : quint8 { Default, Indexed, Rgb };
    Kind kind = Kind::Default;
    quint32 value = 0;  // palette index 0..255, or 0xRRGGBB
    bool operator==(const AnsiColor&) const = default;
};

struct AnsiStyle {
    AnsiColor foreground;
    AnsiColor background;
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool inverse = false;
    bool operator==(const AnsiStyle&) const = default;
    bool isPlain() const { return *this == AnsiStyle(); }
};

struct AnsiSpan {
    int start = 0;
    int length = 0;
    AnsiStyle style;
};

struct StyledLine {
    QString text;
    QList<AnsiSpan> spans;  // only the styled parts; plain text has none
};

// Styles carry over from line to line like in a terminal, so the parser is a value with
// state: copy it to try a line (a partial one) without committing to it.
class AnsiParser {
public:
    // One line without '\n'. A '\r' inside it returns to column 0: progress bars redraw
    // themselves that way, so the line collapses to its last non-empty state.
    StyledLine parseLine(QStringView line);
    const AnsiStyle& style() const { return m_style; }

private:
    void parseSegment(QStringView segment, StyledLine* out);
    void applySgr(QStringView params);

    AnsiStyle m_style;
};

}  // namespace tb
