// Sparkline: filled line, x spread over the whole capacity so time runs at a steady pace.
#include "sparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace tb {

Sparkline::Sparkline(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void Sparkline::setCapacity(int values) {
    m_capacity = qMax(values, 2);
    while (int(m_values.size()) > m_capacity) m_values.pop_front();
    update();
}

void Sparkline::setRange(double min, double max) {
    m_min = min;
    m_max = max > min ? max : min + 1;
    update();
}

void Sparkline::setColor(const QColor& color) {
    m_color = color;
    update();
}

void Sparkline::addValue(double value) {
    m_values.push_back(value);
    if (int(m_values.size()) > m_capacity) m_values.pop_front();
    if (isVisible())  // hidden panels skip the repaint
        update();
}

void Sparkline::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(1, 1, -1, -1);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(palette().color(QPalette::Base));
    p.drawRoundedRect(r, 3, 3);
    if (m_values.empty()) return;
    const double step = r.width() / double(m_capacity - 1);
    // The newest value sits at the right edge; older ones extend to the left.
    const double x0 = r.right() - step * double(m_values.size() - 1);
    auto yOf = [&](double v) {
        const double t = (qBound(m_min, v, m_max) - m_min) / (m_max - m_min);
        return r.bottom() - t * (r.height() - 2) - 1;
    };
    QColor fill = m_color;
    fill.setAlpha(60);
    QPainterPath line;
    QPainterPath area;
    bool open = false;
    double lastX = x0;
    auto closeArea = [&] {
        if (!open) return;
        area.lineTo(lastX, r.bottom());
        area.closeSubpath();
        open = false;
    };
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        const double x = x0 + step * double(i);
        if (!std::isfinite(m_values[i])) {
            closeArea();
            continue;
        }
        const double y = yOf(m_values[i]);
        if (!open) {
            line.moveTo(x, y);
            area.moveTo(x, r.bottom());
            area.lineTo(x, y);
            open = true;
        } else {
            line.lineTo(x, y);
            area.lineTo(x, y);
        }
        lastX = x;
    }
    closeArea();
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawPath(area);
    p.setPen(QPen(m_color, 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawPath(line);
}

}  // namespace tb
