// Sparkline: filled line; x is wall-clock time, the newest reading at the right edge.
#include "sparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace tb {

Sparkline::Sparkline(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void Sparkline::setWindowSeconds(int seconds) {
    m_windowMs = qMax<qint64>(seconds, 2) * 1000;
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

void Sparkline::addValue(double value, qint64 timeMs) {
    if (!m_points.empty() && timeMs < m_points.back().timeMs) return;
    m_points.push_back({timeMs, value});
    while (m_points.front().timeMs < timeMs - m_windowMs) m_points.pop_front();
    if (isVisible())  // hidden panels skip the repaint
        update();
}

void Sparkline::clear() {
    m_points.clear();
    update();
}

void Sparkline::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(1, 1, -1, -1);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(palette().color(QPalette::Base));
    p.drawRoundedRect(r, 3, 3);
    if (m_points.empty()) return;
    const qint64 newest = m_points.back().timeMs;
    auto xOf = [&](qint64 t) { return r.right() - r.width() * double(newest - t) / m_windowMs; };
    auto yOf = [&](double v) {
        const double t = (qBound(m_min, v, m_max) - m_min) / (m_max - m_min);
        return r.bottom() - t * (r.height() - 2) - 1;
    };
    QColor fill = m_color;
    fill.setAlpha(60);
    QPainterPath line;
    QPainterPath area;
    bool open = false;
    double lastX = 0;
    qint64 lastT = 0;
    auto closeArea = [&] {
        if (!open) return;
        area.lineTo(lastX, r.bottom());
        area.closeSubpath();
        open = false;
    };
    for (const Point& point : m_points) {
        if (!std::isfinite(point.value) || (open && point.timeMs - lastT > kGapMs)) closeArea();
        if (!std::isfinite(point.value)) continue;
        const double x = xOf(point.timeMs);
        const double y = yOf(point.value);
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
        lastT = point.timeMs;
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
