// ansi_format: the xterm 256-colour palette, with the first 16 tuned for a dark log view.
#include "ansi_format.h"

#include <QFont>

namespace tb {

QColor ansiColor(const AnsiColor& color, const QColor& fallback) {
    static const QRgb basic[16] = {0x3b3b3b, 0xe05561, 0x8cc265, 0xd18f52, 0x4aa5f0, 0xc162de,
                                   0x42b3c2, 0xd7dae0, 0x767676, 0xff616e, 0xa5e075, 0xf0a45d,
                                   0x4dc4ff, 0xde73ff, 0x4cd1e0, 0xe6e6e6};
    switch (color.kind) {
        case AnsiColor::Kind::Default:
            return fallback;
        case AnsiColor::Kind::Rgb:
            return QColor::fromRgb(QRgb(color.value));
        case AnsiColor::Kind::Indexed:
            break;
    }
    const int i = int(color.value);
    if (i < 16) return QColor::fromRgb(basic[i]);
    if (i < 232) {  // 6×6×6 cube
        static const int level[6] = {0, 95, 135, 175, 215, 255};
        const int c = i - 16;
        return QColor(level[c / 36], level[(c / 6) % 6], level[c % 6]);
    }
    const int gray = 8 + (i - 232) * 10;
    return QColor(gray, gray, gray);
}

QTextCharFormat ansiFormat(const AnsiStyle& style) {
    QTextCharFormat format;
    QColor fg = ansiColor(style.foreground, kLogForeground);
    QColor bg = ansiColor(style.background, QColor());
    if (style.inverse) {
        const QColor oldFg = fg;
        fg = bg.isValid() ? bg : kLogBackground;
        bg = oldFg;
    }
    // Bold black text would vanish on the dark background; a terminal brightens it.
    if (style.bold && style.foreground.kind == AnsiColor::Kind::Indexed &&
        style.foreground.value < 8)
        fg = ansiColor({AnsiColor::Kind::Indexed, style.foreground.value + 8}, fg);
    format.setForeground(fg);
    if (bg.isValid()) format.setBackground(bg);
    if (style.bold) format.setFontWeight(QFont::Bold);
    format.setFontItalic(style.italic);
    format.setFontUnderline(style.underline);
    return format;
}

}  // namespace tb
