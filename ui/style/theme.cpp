// Theme: two hand-picked variants per tone, each ≥ 4.5:1 against its theme's base and window.
#include "theme.h"

#include <QGuiApplication>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace tb::theme {
namespace {

struct Variants {
    QRgb light;
    QRgb dark;
};

// One row per tone, in the order of the Tone enum.
constexpr Variants kVariants[] = {
    {0xc62828, 0xff7b72},  // Error
    {0x2a7230, 0x7ee787},  // Success
    {0x975400, 0xf0b050},  // Warning
    {0x1565c0, 0x6cb6ff},  // Info
    {0x5f5f5f, 0xa8a8a8},  // Muted
    {0x6a1b9a, 0xd2a8ff},  // Lost
    {0x1f4e9c, 0x79c0ff},  // YamlKey
    {0x5c6570, 0x9ea7b3},  // YamlComment
    {0x0a6e35, 0xa5d6a7},  // YamlString
    {0xa34a00, 0xf0a45d},  // YamlNumber
    {0x8e24aa, 0xd2a8ff},  // YamlKeyword
};
// YamlKeyword is the last tone: one added to the enum needs its row here.
static_assert(std::size(kVariants) == std::size_t(Tone::YamlKeyword) + 1);

Variants variants(Tone tone) {
    const auto row = std::size_t(tone);
    return row < std::size(kVariants) ? kVariants[row] : Variants{0x000000, 0xffffff};
}

double channel(double c) {
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c) {
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

}  // namespace

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor color(Tone tone, const QPalette& palette) {
    const Variants v = variants(tone);
    return QColor::fromRgb(isDark(palette) ? v.dark : v.light);
}

QColor color(Tone tone) {
    return color(tone, QGuiApplication::palette());
}

QColor noticeBackground(Tone tone, const QPalette& palette) {
    return mix(palette.color(QPalette::Base), color(tone, palette), isDark(palette) ? 0.18 : 0.12);
}

QColor noticeText(Tone tone, const QPalette& palette) {
    // Darker than the plain tone on light themes, lighter on dark ones: the tinted background
    // takes some of the contrast away.
    const QColor text = color(tone, palette);
    return isDark(palette) ? mix(text, Qt::white, 0.35) : text.darker(150);
}

QColor problemLineBackground(const QPalette& palette) {
    return mix(palette.color(QPalette::Base), color(Tone::Error, palette), 0.15);
}

QColor searchHitBackground(const QPalette& palette) {
    return isDark(palette) ? QColor(0x80, 0x6a, 0x00) : QColor(0xff, 0xe0, 0x82);
}

QColor mix(const QColor& a, const QColor& b, double towardB) {
    const double t = std::clamp(towardB, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette() {
    const QColor window(0x2d, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdc, 0xdc, 0xdc);
    const QColor disabled(0x80, 0x80, 0x80);
    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x28, 0x29, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3c, 0x40));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8c, 0x8c));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x38, 0x38, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x7b, 0x72));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4f));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x3e, 0x42));
    p.setColor(QPalette::Mid, QColor(0x5a, 0x5a, 0x60));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xd2, 0xa8, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4a, 0x4f));
    return p;
}

QPalette lightPalette() {
    const QColor window(0xef, 0xef, 0xef);
    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf5, 0xf5));
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(0x6e, 0x6e, 0x6e));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
    p.setColor(QPalette::ToolTipText, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

}  // namespace tb::theme
