// ansi_format: AnsiStyle → QTextCharFormat, with terminal colours picked for the log's palette.
#pragma once

#include <QColor>
#include <QPalette>
#include <QTextCharFormat>

#include "core/services/ansi_parser.h"

namespace tb {

// The 16 basic colours differ between a dark and a light background (white text on a light
// log would vanish); the 256-colour cube and true colours are taken as the program sent them.
QColor ansiColor(const AnsiColor& color, const QColor& fallback, bool darkBackground);
// Default colours are left unset, so that the text takes the view's palette and follows it.
QTextCharFormat ansiFormat(const AnsiStyle& style, const QPalette& palette);

}  // namespace tb
