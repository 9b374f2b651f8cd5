// Tone styles: a widget's style sheet coloured by a theme tone, redone when the palette changes.
#pragma once

#include <QString>

#include "theme.h"

class QWidget;

namespace tb::theme {

// Sets `widget`'s style sheet to `css` with %1 replaced by the tone's colour, %2 by its notice
// background and %3 by its notice text ("color: %1;", "border: 2px solid %1;"), and sets it
// again whenever the palette changes, so that a theme switch recolours it.
void setToneStyle(QWidget* widget, Tone tone, const QString& css);
// Plain text of the tone, optionally with more declarations ("font-weight: bold;").
void setTextTone(QWidget* widget, Tone tone, const QString& moreCss = {});
// Back to no style sheet and no tone.
void clearToneStyle(QWidget* widget);

}  // namespace tb::theme
