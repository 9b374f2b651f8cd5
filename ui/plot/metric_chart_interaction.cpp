// MetricChart interaction and axes: keys, hover read-out, checkpoint clicks, tickers, menu.
#include <qcustomplot.h>

#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QToolTip>

#include <cmath>

#include "core/metrics/run_metrics.h"
#include "core/services/lod_query.h"
#include "metric_chart.h"

namespace tb {

namespace {
constexpr double kMarkerHitPixels = 10;

QString number(double v) {
    return std::isfinite(v) ? QString::number(v, 'g', 6) : QStringLiteral("–");
}
}  // namespace

void MetricChart::applyAxes() {
    QSharedPointer<QCPAxisTicker> ticker;
    if (m_settings.logX) {
        ticker.reset(new QCPAxisTickerLog);
    } else if (m_settings.axis == XAxis::WallTime) {
        auto* dateTicker = new QCPAxisTickerDateTime;
        dateTicker->setDateTimeFormat(QStringLiteral("HH:mm\nMMM d"));
        ticker.reset(dateTicker);
    } else if (m_settings.axis == XAxis::TimeSinceStart) {
        auto* timeTicker = new QCPAxisTickerTime;
        timeTicker->setTimeFormat(QStringLiteral("%h:%m:%s"));
        ticker.reset(timeTicker);
    } else {
        ticker.reset(new QCPAxisTicker);
    }
    m_fitting = true;
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setScaleType(m_settings.logX ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    m_plot->yAxis->setScaleType(m_settings.logY ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    m_plot->yAxis->setTicker(m_settings.logY ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog)
                                             : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    static const char* const labels[] = {QT_TR_NOOP("step"), QT_TR_NOOP("epoch"),
                                         QT_TR_NOOP("wall time"), QT_TR_NOOP("time since start")};
    m_plot->xAxis->setLabel(tr(labels[int(m_settings.axis)]));
    m_fitting = false;
}

bool MetricChart::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_plot) {
        if (event->type() == QEvent::KeyPress && handleKey(static_cast<QKeyEvent*>(event)->key()))
            return true;
        if (event->type() == QEvent::Leave) hideHover();
    }
    return QWidget::eventFilter(watched, event);
}

bool MetricChart::handleKey(int key) {
    switch (key) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomBy(0.8);
            return true;
        case Qt::Key_Minus:
            zoomBy(1.25);
            return true;
        case Qt::Key_Left:
            panBy(-0.1, 0);
            return true;
        case Qt::Key_Right:
            panBy(0.1, 0);
            return true;
        case Qt::Key_Up:
            panBy(0, 0.1);
            return true;
        case Qt::Key_Down:
            panBy(0, -0.1);
            return true;
        case Qt::Key_0:
        case Qt::Key_Home:
            resetView();
            return true;
        default:
            return false;
    }
}

void MetricChart::userMovedView() {
    m_follow = false;
}

void MetricChart::resetView() {
    m_follow = true;
    refreshData();
}

void MetricChart::zoomBy(double factor) {
    m_plot->xAxis->scaleRange(factor);  // about the centre, in log space on a log axis
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricChart::panBy(double fractionX, double fractionY) {
    for (auto [axis, fraction] :
         {std::pair{m_plot->xAxis, fractionX}, std::pair{m_plot->yAxis, fractionY}}) {
        if (fraction == 0) continue;
        const QCPRange r = axis->range();
        if (axis->scaleType() == QCPAxis::stLogarithmic) {
            const double f = std::pow(r.upper / r.lower, fraction);
            axis->setRange(r.lower * f, r.upper * f);
        } else {
            axis->moveRange(r.size() * fraction);
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString MetricChart::hoverText(double x) const {
    QString html = QStringLiteral("<table>");
    for (const Curve& c : m_curves) {
        RunMetrics* metrics = m_runs[c.run].metrics;
        const SeriesStore& store = metrics->store();
        const auto series = store.findSeries(c.key.toStdString());
        if (series < 0) continue;
        const SeriesView view = store.view(std::size_t(series), m_settings.axis);
        const std::size_t i = nearestIndex(view, x);
        if (i >= view.size()) continue;
        QString smoothed;
        if (m_settings.smoothing > 0) {
            const EmaSmoother& ema = metrics->smoother(std::size_t(series), m_settings.smoothing);
            if (i < ema.size())
                smoothed = QStringLiteral(" (smoothed %1)").arg(number(ema.value(i)));
        }
        html += QStringLiteral(
                    "<tr><td><span style='color:%1'>&#9632;</span> %2 · %3</td>"
                    "<td align=right><b>%4</b>%5</td><td>step %6</td></tr>")
                    .arg(m_runs[c.run].colour.name(), m_runs[c.run].run.label.toHtmlEscaped(),
                         c.key.toHtmlEscaped(), number(view.y(i)), smoothed,
                         QString::number(store.step(view.recordAt(i)), 'f', 0));
    }
    return html + QStringLiteral("</table>");
}

void MetricChart::showHover(const QPoint& pos) {
    if (!m_plot->axisRect()->rect().contains(pos)) {
        hideHover();
        return;
    }
    const double x = m_plot->xAxis->pixelToCoord(pos.x());
    m_cursor->point1->setCoords(x, 0);
    m_cursor->point2->setCoords(x, 1);
    m_cursor->setVisible(true);
    QToolTip::showText(m_plot->mapToGlobal(pos), hoverText(x), m_plot);
    m_plot->replot(QCustomPlot::rpQueuedReplot);  // many moves, one repaint
}

void MetricChart::hideHover() {
    if (!m_cursor->visible()) return;
    m_cursor->setVisible(false);
    QToolTip::hideText();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricChart::onRelease(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton ||
        (event->pos() - m_pressPos).manhattanLength() > 3)  // a drag, not a click
        return;
    const Marker* best = nullptr;
    double bestDistance = kMarkerHitPixels;
    for (const Marker& m : std::as_const(m_markers)) {
        const double dx = m_plot->xAxis->coordToPixel(m.x) - event->pos().x();
        const double dy = m_plot->yAxis->coordToPixel(m.y) - event->pos().y();
        const double d = std::hypot(dx, dy);
        if (d <= bestDistance) bestDistance = d, best = &m;
    }
    if (best) Q_EMIT checkpointClicked(m_runs[best->run].run.id, best->path);
}

void MetricChart::showContextMenu(const QPoint& pos) {
    QMenu menu(this);
    menu.addAction(tr("Reset view (0)"), this, &MetricChart::resetView);
    menu.addSeparator();
    const QString base = m_family;
    auto exportAs = [this, base](const QString& filter, const QString& suffix, bool csv) {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export chart"), base + "." + suffix, filter);
        if (path.isEmpty()) return;
        const bool ok = csv ? exportCsv(path) : exportImage(path);
        if (!ok)
            QMessageBox::warning(this, tr("Export failed"),
                                 tr("Could not write %1. Check that the folder exists and is "
                                    "writable.")
                                     .arg(path));
    };
    menu.addAction(tr("Export PNG…"), this, [=] { exportAs("PNG image (*.png)", "png", false); });
    menu.addAction(tr("Export SVG…"), this, [=] { exportAs("SVG image (*.svg)", "svg", false); });
    menu.addAction(tr("Export PDF…"), this, [=] { exportAs("PDF (*.pdf)", "pdf", false); });
    menu.addAction(tr("Export data as CSV…"), this, [=] { exportAs("CSV (*.csv)", "csv", true); });
    menu.exec(m_plot->mapToGlobal(pos));
}

}  // namespace tb
