// PaintedIcon: the small coloured marks the tables draw beside a cell (state dots, the best star).
#pragma once

#include <QColor>
#include <QIcon>

#include <functional>

class QPainter;

namespace tb {

// A 14×14 icon on a transparent ground: `draw` paints its shape, antialiased, filled with
// `fill` and without an outline.
QIcon paintedIcon(const QColor& fill, const std::function<void(QPainter& painter)>& draw);

}  // namespace tb
