// ansi_format: AnsiStyle → QTextCharFormat with a terminal palette for a dark background.
#pragma once

#include <QColor>
#include <QTextCharFormat>

#include "services/ansi_parser.h"

namespace tb {

inline const QColor kLogBackground(0x1e, 0x1f, 0x22);
inline const QColor kLogForeground(0xd4, 0xd4, 0xd4);

QColor ansiColor(const AnsiColor& color, const QColor& fallback);
QTextCharFormat ansiFormat(const AnsiStyle& style);

}  // namespace tb
