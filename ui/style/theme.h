// Theme: every colour the app draws itself, picked for contrast against the current palette.
#pragma once

#include <QColor>
#include <QPalette>

namespace tb::theme {

// What a colour means; each has a light-theme and a dark-theme variant.
enum class Tone {
    Error,    // failed runs, error messages
    Success,  // finished runs, "connected", good checks
    Warning,  // stopped runs, hints
    Info,     // running runs, connecting hosts
    Muted,    // queued runs, offline hosts, secondary notes
    Lost,     // runs whose process vanished
    YamlKey,
    YamlComment,
    YamlString,
    YamlNumber,
    YamlKeyword,
};

// Qt 6.4 has no colour-scheme hint: a palette whose window is dark is a dark theme.
bool isDark(const QPalette& palette);
QColor color(Tone tone, const QPalette& palette);
// A colour as `color` but from the application's palette (models, which have no widget).
QColor color(Tone tone);

// Background and text of a notice box (form errors, GPU hints) of the given tone.
QColor noticeBackground(Tone tone, const QPalette& palette);
QColor noticeText(Tone tone, const QPalette& palette);
// Background of a whole line marked as a problem (the YAML editor's error lines) and of a
// search hit in the log.
QColor problemLineBackground(const QPalette& palette);
QColor searchHitBackground(const QPalette& palette);

// `a` mixed with `b`: 0 gives a, 1 gives b.
QColor mix(const QColor& a, const QColor& b, double towardB);
// WCAG 2 contrast ratio, 1 (none) to 21 (black on white).
double contrastRatio(const QColor& a, const QColor& b);

// The palettes the View → Theme menu applies (with the Fusion style).
QPalette darkPalette();
QPalette lightPalette();

}  // namespace tb::theme
