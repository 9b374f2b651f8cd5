// MetricChart::placeLegend: the legend goes to the corner of the axes that hides the least.
#include <qcustomplot.h>

#include <array>

#include "metric_chart.h"

namespace tb {

// Scored by the curve points each corner would cover, a curve's newest point counting as much
// as any number of others: live data grows at the right, and that is what a person watches.
// Ties keep the legend where it is, so it does not hop about as points arrive. A lone curve
// needs no legend (the title names it), and where every corner would hide a newest point the
// chart is too small for one: hovering names the curves instead.
void MetricChart::placeLegend() {
    QCPLegend* legend = m_plot->legend;
    QCPLayoutInset* inset = m_plot->axisRect()->insetLayout();
    const QRect area = m_plot->axisRect()->rect();
    const QSize size = legend->minimumOuterSizeHint();
    if (legend->itemCount() < 2 || area.isEmpty() || size.isEmpty()) {
        legend->setVisible(legend->itemCount() >= 2);
        return;
    }
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
    for (const Curve& curve : std::as_const(m_curves)) {
        const QCPGraphDataContainer& data = *curve.main->data();
        for (auto point = data.constBegin(); point != data.constEnd(); ++point) {
            const QPoint pixel = curve.main->coordsToPixels(point->key, point->value).toPoint();
            const qint64 weight = point + 1 == data.constEnd() ? kNewest : 1;
            for (std::size_t c = 0; c < kCorners.size(); ++c)
                if (cornerRect(Qt::Alignment(kCorners[c])).contains(pixel)) score[c] += weight;
        }
    }
    const Qt::Alignment current = inset->insetAlignment(0);
    std::size_t best = 0;
    for (std::size_t c = 0; c < kCorners.size(); ++c) {
        if (score[c] < score[best] ||
            (score[c] == score[best] && Qt::Alignment(kCorners[c]) == current))
            best = c;
    }
    legend->setVisible(score[best] < kNewest);
    if (Qt::Alignment(kCorners[best]) != current)
        inset->setInsetAlignment(0, Qt::Alignment(kCorners[best]));
}

}  // namespace tb
