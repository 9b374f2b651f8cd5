// MetricChart colours: everything but the runs' own colours comes from the widget's palette,
// so the chart reads on a dark theme and follows a theme switch.
#include <qcustomplot.h>

#include "metric_chart.h"
#include "metric_family.h"
#include "ui/style/theme.h"

namespace tb {

void MetricChart::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
        colourGraphs();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void MetricChart::applyPalette() {
    const QPalette& p = palette();
    const QColor base = p.color(QPalette::Base);
    const QColor text = p.color(QPalette::Text);
    const QColor line = theme::mix(base, text, 0.55);
    const QColor grid = theme::mix(base, text, 0.18);
    m_plot->setBackground(base);
    for (QCPAxis* axis : m_plot->axisRect()->axes()) {
        axis->setBasePen(QPen(line, 1));
        axis->setTickPen(QPen(line, 1));
        axis->setSubTickPen(QPen(line, 1));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        axis->grid()->setSubGridPen(QPen(grid, 1, Qt::DotLine));
        axis->grid()->setZeroLinePen(QPen(grid, 1));
    }
    m_title->setTextColor(text);
    QColor legendFill = base;
    legendFill.setAlpha(210);
    m_plot->legend->setBrush(legendFill);
    m_plot->legend->setBorderPen(QPen(theme::mix(base, text, 0.3)));
    m_plot->legend->setTextColor(text);
    m_cursor->setPen(QPen(theme::mix(base, text, 0.5), 1, Qt::DotLine));
}

// Faint is a mix with the background rather than alpha: opaque pixels cost less to draw, and
// under the main curves the difference does not show.
void MetricChart::colourGraphs() {
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    for (const Curve& c : std::as_const(m_curves)) {
        const QColor colour = m_runs[c.run].colour;
        c.raw->setPen(QPen(theme::mix(colour, base, 0.7), 1));
        c.main->setPen(QPen(colour, 1, splitPenStyle(splitOf(c.key))));
    }
    for (QCPGraph* style : std::as_const(m_styleGraphs)) {
        const QString key = style->property("tbKey").toString();
        style->setPen(QPen(theme::mix(base, text, 0.65), 1, splitPenStyle(splitOf(key))));
    }
    for (int r = 0; r < m_markerGraphs.size() && r < m_runs.size(); ++r) {
        const QColor colour = m_runs[r].colour;
        const QColor edge = theme::isDark(palette()) ? colour.lighter(140) : colour.darker(140);
        m_markerGraphs[r]->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(edge, 1.5), QBrush(base), 10));
    }
}

}  // namespace tb
