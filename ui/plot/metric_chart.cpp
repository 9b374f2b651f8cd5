// MetricChart: graphs per (run, key), LOD refresh on every view change, fitting and markers.
#include "plot/metric_chart.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <cmath>
#include <limits>

#include "metrics/run_metrics.h"
#include "plot/lod_query.h"
#include "plot/metric_family.h"

namespace tb {

namespace {
void setPoints(QCPGraph* graph, const std::vector<LodPoint>& points) {
    QVector<QCPGraphData> data(qsizetype(points.size()));
    for (std::size_t i = 0; i < points.size(); ++i) data[qsizetype(i)] = {points[i].x, points[i].y};
    graph->data()->set(data, true);  // sorted: LOD points come in index order, x sorted
}

// Index of the series point at or just before `record` (size() when none).
std::size_t pointAtRecord(const SeriesView& view, std::size_t record) {
    std::size_t lo = 0, hi = view.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (view.recordAt(mid) <= record)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == 0 ? view.size() : lo - 1;
}
}  // namespace

MetricChart::MetricChart(QString family, QWidget* parent)
    : QWidget(parent), m_family(std::move(family)), m_plot(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(220);

    m_plot->plotLayout()->insertRow(0);
    auto* title =
        new QCPTextElement(m_plot, familyTitle(m_family), QFont(font().family(), 10, QFont::Bold));
    m_plot->plotLayout()->addElement(0, 0, title);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), 8));
    m_plot->legend->setBrush(QColor(255, 255, 255, 210));
    m_plot->legend->setBorderPen(QPen(QColor(200, 200, 200)));
    const bool rising = m_family == "acc" || m_family == "accuracy";
    m_plot->axisRect()->insetLayout()->setInsetAlignment(
        0, Qt::AlignRight | (rising ? Qt::AlignBottom : Qt::AlignTop));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // A wide pen on one long polyline makes Qt stroke and fill a self-overlapping polygon:
    // 0.5 s a frame for noisy data at 2 points per column. Segment by segment it is ~1 ms.
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    // Antialiased curves cost 2-3x per replot with many overlaid runs (bench/live: 16 % -> 8 %
    // of a core); at two points per pixel column the jaggies barely show.
    m_plot->setNotAntialiasedElements(QCP::aePlottables);
    m_plot->setFocusPolicy(Qt::StrongFocus);
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    m_plot->installEventFilter(this);

    m_cursor = new QCPItemStraightLine(m_plot);
    m_cursor->setPen(QPen(QColor(120, 120, 120), 1, Qt::DotLine));
    m_cursor->setVisible(false);
    m_cursor->setSelectable(false);

    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        if (!m_fitting) userMovedView();
        updateLod();
    });
    connect(m_plot->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        if (!m_fitting) userMovedView();
    });
    // The axis rect has its final width only after layout: a resize is caught here.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        if (m_plot->axisRect()->width() != m_lodColumns) updateLod();
    });
    connect(m_plot, &QCustomPlot::mousePress, this,
            [this](QMouseEvent* event) { m_pressPos = event->pos(); });
    connect(m_plot, &QCustomPlot::mouseRelease, this, &MetricChart::onRelease);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (event->buttons() == Qt::NoButton) showHover(event->pos());
    });
    connect(m_plot, &QWidget::customContextMenuRequested, this, &MetricChart::showContextMenu);
    applyAxes();
}

MetricChart::~MetricChart() = default;

void MetricChart::setContent(const QList<PlottedRun>& runs, const QStringList& keys) {
    m_runs = runs;
    m_keys = keys;
    rebuildGraphs();
    refreshData();
}

void MetricChart::rebuildGraphs() {
    m_plot->clearGraphs();
    m_curves.clear();
    m_markerGraphs.clear();
    for (int r = 0; r < m_runs.size(); ++r) {
        const QColor colour = m_runs[r].colour;
        for (const QString& key : m_keys) {
            QCPGraph* raw = m_plot->addGraph();
            QColor faint = colour;
            faint.setAlpha(70);
            raw->setPen(QPen(faint, 1));
            raw->removeFromLegend();
            QCPGraph* main = m_plot->addGraph();
            main->setPen(QPen(colour, 1, splitPenStyle(splitOf(key))));
            // The chart's title names the family; the entry needs only run and split.
            const QString split = splitOf(key);
            main->setName(split.isEmpty() || m_keys.size() == 1
                              ? m_runs[r].run.label
                              : m_runs[r].run.label + QStringLiteral(" · ") + split);
            for (auto [graph, role] : {std::pair{raw, "raw"}, std::pair{main, "main"}}) {
                graph->setProperty("tbRun", m_runs[r].run.id);
                graph->setProperty("tbKey", key);
                graph->setProperty("tbRole", QString::fromLatin1(role));
                graph->setSelectable(QCP::stNone);
            }
            m_curves.append({r, key, raw, main});
        }
    }
    // Added last so they are drawn over every curve.
    for (int r = 0; r < m_runs.size(); ++r) {
        QCPGraph* markers = m_plot->addGraph();
        markers->setLineStyle(QCPGraph::lsNone);
        markers->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond,
                                                 QPen(m_runs[r].colour.darker(140), 1.5),
                                                 QBrush(Qt::white), 10));
        markers->removeFromLegend();
        markers->setProperty("tbRun", m_runs[r].run.id);
        markers->setProperty("tbRole", QStringLiteral("checkpoints"));
        m_markerGraphs.append(markers);
    }
}

void MetricChart::setSettings(const ChartSettings& settings) {
    const bool axesChanged = settings.axis != m_settings.axis || settings.logX != m_settings.logX ||
                             settings.logY != m_settings.logY;
    m_settings = settings;
    if (axesChanged) {
        applyAxes();
        m_follow = true;  // the old ranges mean nothing on another axis or scale
    }
    refreshData();
}

void MetricChart::refreshData() {
    if (!isVisible()) {
        m_lodDirty = true;  // hidden: do it when shown
        return;
    }
    for (const Curve& c : std::as_const(m_curves)) {
        const bool present = m_runs[c.run].metrics->store().findSeries(c.key.toStdString()) >= 0;
        if (present != bool(m_plot->legend->itemWithPlottable(c.main))) {
            if (present)
                c.main->addToLegend();
            else
                c.main->removeFromLegend();
        }
    }
    if (m_follow)
        fitAll();
    else
        updateLod();
    updateMarkers();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricChart::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_lodDirty) refreshData();
}

void MetricChart::updateLod() {
    if (!isVisible()) {
        m_lodDirty = true;
        return;
    }
    m_lodDirty = false;
    const QCPRange range = m_plot->xAxis->range();
    int columns = m_plot->axisRect()->width();
    if (columns <= 0 || columns > m_plot->width()) columns = m_plot->width();
    m_lodColumns = m_plot->axisRect()->width();
    const double weight = m_settings.smoothing;
    for (const Curve& c : std::as_const(m_curves)) {
        RunMetrics* metrics = m_runs[c.run].metrics;
        const auto series = metrics->store().findSeries(c.key.toStdString());
        if (series < 0) {
            c.raw->data()->clear();
            c.main->data()->clear();
            continue;
        }
        const SeriesView view = metrics->store().view(std::size_t(series), m_settings.axis);
        const auto raw = visiblePoints(metrics->lod(std::size_t(series)), view, range.lower,
                                       range.upper, columns, m_settings.logX);
        c.raw->setVisible(weight > 0);
        if (weight > 0) {
            setPoints(c.raw, raw);
            const MinMaxLod& lod = metrics->smoothedLod(std::size_t(series), weight);
            const SmoothedSeries smoothed(view, metrics->smoother(std::size_t(series), weight));
            setPoints(c.main, visiblePoints(lod, smoothed, range.lower, range.upper, columns,
                                            m_settings.logX));
        } else {
            c.raw->data()->clear();
            setPoints(c.main, raw);
        }
    }
}

void MetricChart::fitAll() {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    double lo = kInf, hi = -kInf;
    auto usable = [this](double x) { return std::isfinite(x) && (!m_settings.logX || x > 0); };
    for (const Curve& c : std::as_const(m_curves)) {
        const SeriesStore& store = m_runs[c.run].metrics->store();
        const auto series = store.findSeries(c.key.toStdString());
        if (series < 0) continue;
        const SeriesView view = store.view(std::size_t(series), m_settings.axis);
        std::size_t i = 0;
        while (i < view.size() && !usable(view.x(i))) ++i;
        if (i == view.size()) continue;
        lo = std::min(lo, view.x(i));
        if (usable(view.x(view.size() - 1))) hi = std::max(hi, view.x(view.size() - 1));
        hi = std::max(hi, view.x(i));
    }
    if (!(lo <= hi)) {
        updateLod();
        return;
    }
    if (lo == hi)
        lo = m_settings.logX ? lo / 2 : lo - 0.5, hi = m_settings.logX ? hi * 2 : hi + 0.5;
    m_fitting = true;
    // A little room on the right, so the newest point and its marker are not cut in half.
    m_plot->xAxis->setRange(lo, m_settings.logX ? hi * 1.02 : hi + 0.01 * (hi - lo));
    updateLod();  // the LOD of the whole range holds the global extremes, so y fits them
    m_plot->yAxis->rescale(true);
    const QCPRange y = m_plot->yAxis->range();
    if (m_settings.logY)
        m_plot->yAxis->setRange(y.lower / 1.2, y.upper * 1.2);
    else if (y.size() > 0)
        m_plot->yAxis->setRange(y.lower - 0.05 * y.size(), y.upper + 0.05 * y.size());
    else
        m_plot->yAxis->setRange(y.lower - 0.5, y.upper + 0.5);
    m_fitting = false;
}

void MetricChart::updateMarkers() {
    m_markers.clear();
    for (int r = 0; r < m_runs.size() && r < m_markerGraphs.size(); ++r) {
        RunMetrics* metrics = m_runs[r].metrics;
        const SeriesStore& store = metrics->store();
        std::ptrdiff_t series = -1;  // markers sit on the first key of the family the run has
        for (const QString& key : std::as_const(m_keys))
            if ((series = store.findSeries(key.toStdString())) >= 0) break;
        QVector<QCPGraphData> data;
        if (series >= 0 && store.stepsNonDecreasing()) {
            const SeriesView view = store.view(std::size_t(series), m_settings.axis);
            const EmaSmoother* ema =
                m_settings.smoothing > 0
                    ? &metrics->smoother(std::size_t(series), m_settings.smoothing)
                    : nullptr;
            for (const CheckpointMark& mark : metrics->checkpoints()) {
                const std::size_t record = metrics->recordAtStep(mark.step);
                if (record >= store.recordCount()) continue;  // its metrics are not read yet
                const std::size_t i = pointAtRecord(view, record);
                if (i >= view.size()) continue;
                const double y = ema ? ema->value(i) : view.y(i);
                data.append({view.x(i), y});
                m_markers.append({r, view.x(i), y, mark.checkpointPath});
            }
        }
        m_markerGraphs[r]->data()->set(data, false);
    }
}

}  // namespace tb
