// MetricChart::placeLegend: the legend goes to the corner of the axes that hides the least.
#include <qcustomplot.h>

#include <array>

#include "plot/metric_chart.h"

namespace tb {

// Scored by the curve points each corner would cover, a curve's newest point counting as much
// as any number of others: live data grows at the right, and that is what a person watches.
// Ties keep the legend where it is, so it does not hop about as points arrive.
void MetricChart::placeLegend() {
    QCPLayoutInset* inset = m_plot->axisRect()->insetLayout();
    const QRect area = m_plot->axisRect()->rect();
    const QSize size = m_plot->legend->minimumOuterSizeHint();
    if (area.isEmpty() || size.isEmpty()) return;
    constexpr std::array<Qt::Alignment::Int, 4> kCorners = {
        Qt::AlignRight | Qt::AlignTop, Qt::AlignRight | Qt::AlignBottom,
        Qt::AlignLeft | Qt::AlignTop, Qt::AlignLeft | Qt::AlignBottom};
    const auto cornerRect = [&](Qt::Alignment corner) {
        const int x = corner & Qt::AlignLeft ? area.left() : area.right() - size.width();
        const int y = corner & Qt::AlignTop ? area.top() : area.bottom() - size.height();
        return QRect(QPoint(x, y), size);
    };
    constexpr qint64 kNewest = qint64(1) << 40;
    std::array<qint64, 4> score{};
    for (std::size_t c = 0; c < kCorners.size(); ++c) {
        const QRect rect = cornerRect(Qt::Alignment(kCorners[c]));
        for (const Curve& curve : std::as_const(m_curves)) {
            for (std::size_t i = 0; i < curve.mainPoints.size(); ++i) {
                const LodPoint& point = curve.mainPoints[i];
                const QPoint pixel(int(m_plot->xAxis->coordToPixel(point.x)),
                                   int(m_plot->yAxis->coordToPixel(point.y)));
                if (rect.contains(pixel)) score[c] += i + 1 == curve.mainPoints.size() ? kNewest : 1;
            }
        }
    }
    const Qt::Alignment current = inset->insetAlignment(0);
    std::size_t best = 0;
    for (std::size_t c = 0; c < kCorners.size(); ++c) {
        if (score[c] < score[best]) best = c;
    }
    for (std::size_t c = 0; c < kCorners.size(); ++c) {
        if (Qt::Alignment(kCorners[c]) == current && score[c] == score[best]) best = c;
    }
    if (Qt::Alignment(kCorners[best]) != current)
        inset->setInsetAlignment(0, Qt::Alignment(kCorners[best]));
}

}  // namespace tb
