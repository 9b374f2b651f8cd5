// PaintedIcon: one way to paint the tables' marks, so that they share size and look.
#include "painted_icon.h"

#include <QPainter>
#include <QPixmap>

namespace tb {

QIcon paintedIcon(const QColor& fill, const std::function<void(QPainter& painter)>& draw) {
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        draw(painter);
    }  // the painter ends before the pixmap is copied into the icon
    return QIcon(pixmap);
}

}  // namespace tb
