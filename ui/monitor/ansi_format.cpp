// ansi_format: the xterm 256-colour palette, with the first 16 tuned for dark and light logs.
#include "ansi_format.h"

#include <QFont>

#include "ui/style/theme.h"

namespace tb {

QColor ansiColor(const AnsiColor& color, const QColor& fallback, bool darkBackground) {
    static const QRgb onDark[16] = {0x5c5c5c, 0xe05561, 0x8cc265, 0xd18f52, 0x4aa5f0, 0xc162de,
                                    0x42b3c2, 0xd7dae0, 0x8a8a8a, 0xff616e, 0xa5e075, 0xf0a45d,
                                    0x4dc4ff, 0xde73ff, 0x4cd1e0, 0xe6e6e6};
    // Light: "white" becomes grey and every colour dark enough to read on white.
    static const QRgb onLight[16] = {0x000000, 0xb3261e, 0x2a7230, 0x8a5a00, 0x1a56b8, 0x8e24aa,
                                     0x00727f, 0x5f5f5f, 0x4a4a4a, 0xd32f2f, 0x2e7d32, 0x975400,
                                     0x1565c0, 0x9c27b0, 0x00838f, 0x3a3a3a};
    const QRgb* basic = darkBackground ? onDark : onLight;
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

QTextCharFormat ansiFormat(const AnsiStyle& style, const QPalette& palette) {
    const bool dark = theme::isDark(palette);
    QTextCharFormat format;
    QColor fg = ansiColor(style.foreground, QColor(), dark);
    QColor bg = ansiColor(style.background, QColor(), dark);
    if (style.inverse) {
        const QColor oldFg = fg.isValid() ? fg : palette.color(QPalette::Text);
        fg = bg.isValid() ? bg : palette.color(QPalette::Base);
        bg = oldFg;
    }
    // Bold black text would vanish on the dark background; a terminal brightens it.
    if (style.bold && style.foreground.kind == AnsiColor::Kind::Indexed &&
        style.foreground.value < 8)
        fg = ansiColor({AnsiColor::Kind::Indexed, style.foreground.value + 8}, fg, dark);
    if (fg.isValid()) format.setForeground(fg);
    if (bg.isValid()) format.setBackground(bg);
    if (style.bold) format.setFontWeight(QFont::Bold);
    format.setFontItalic(style.italic);
    format.setFontUnderline(style.underline);
    return format;
}

}  // namespace tb
