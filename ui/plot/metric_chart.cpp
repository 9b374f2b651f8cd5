// MetricChart: graphs per (run, key), LOD refresh on every view change, fitting and markers.
#include "metric_chart.h"

#include <qcustomplot.h>

#include <QSet>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

#include "core/metrics/run_metrics.h"
#include "core/services/lod_query.h"
#include "metric_family.h"

namespace tb {

namespace {
void setPoints(QCPGraph* graph, const std::vector<LodPoint>& points) {
    QVector<QCPGraphData> data(qsizetype(points.size()));
    for (std::size_t i = 0; i < points.size(); ++i) data[qsizetype(i)] = {points[i].x, points[i].y};
    graph->data()->set(data, true);  // sorted: LOD points come in index order, x sorted
    // A lone point draws no line (a script that logs once per trial): a dot shows it.
    graph->setScatterStyle(points.size() == 1 ? QCPScatterStyle(QCPScatterStyle::ssDisc, 7)
                                              : QCPScatterStyle());
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
    m_title =
        new QCPTextElement(m_plot, familyTitle(m_family), QFont(font().family(), 10, QFont::Bold));
    m_plot->plotLayout()->addElement(0, 0, m_title);
    // The legend moves to the corner of the axes where it covers the fewest points and none of
    // the newest (placeLegend).
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), 8));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignRight | Qt::AlignTop);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // A wide pen on one long polyline makes Qt stroke and fill a self-overlapping polygon:
    // 0.5 s a frame for noisy data at 2 points per column. Segment by segment it is ~1 ms.
    m_plot->setPlottingHint(QCP::phFastPolylines, false);
    // Antialiased curves cost 2-3x per replot with many overlaid runs (bench/live: 16 % -> 8 %
    // of a core); at two points per pixel column the jaggies barely show.
    m_plot->setNotAntialiasedElements(QCP::aePlottables);
    // The curves get a paint buffer of their own, so that new points redraw them alone. The
    // overlay layer (unused here) shares the axes' buffer: one full-size blit less per paint.
    m_plot->layer(QStringLiteral("main"))->setMode(QCPLayer::lmBuffered);
    m_plot->layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);
    m_plot->setFocusPolicy(Qt::StrongFocus);
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    m_plot->installEventFilter(this);

    m_cursor = new QCPItemStraightLine(m_plot);
    m_cursor->setVisible(false);
    m_cursor->setSelectable(false);

    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        // fitAll() sets both axes and then refreshes the LOD once itself.
        if (m_fitting) return;
        userMovedView();
        updateLod();
    });
    connect(m_plot->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        if (!m_fitting) userMovedView();
    });
    // The axis rect has its final width only after layout: a resize is caught here.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        if (m_plot->axisRect()->width() != m_lodColumns) updateLod();
    });
    // A zoom, a pan or a resize moves the points under the legend: look again before drawing.
    connect(m_plot, &QCustomPlot::beforeReplot, this, &MetricChart::placeLegend);
    connect(m_plot, &QCustomPlot::afterReplot, this, [this] {
        m_drawnFrame = currentFrame();
        Q_EMIT redrawn();
    });
    connect(m_plot, &QCustomPlot::mousePress, this,
            [this](QMouseEvent* event) { m_pressPos = event->pos(); });
    connect(m_plot, &QCustomPlot::mouseRelease, this, &MetricChart::onRelease);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (event->buttons() == Qt::NoButton) showHover(event->pos());
    });
    connect(m_plot, &QWidget::customContextMenuRequested, this, &MetricChart::showContextMenu);
    applyAxes();
    applyPalette();
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
    m_lodWindow = {};
    m_curves.clear();
    m_markerGraphs.clear();
    m_styleGraphs.clear();
    // Every raw curve first, so that no run's faint curve is drawn over another's main one.
    // Pens and brushes come from colourGraphs(), which a palette change calls again.
    for (int r = 0; r < m_runs.size(); ++r) {
        for (const QString& key : m_keys) {
            QCPGraph* raw = m_plot->addGraph();
            raw->removeFromLegend();
            m_curves.append({r, key, raw, nullptr});
        }
    }
    for (Curve& c : m_curves) {
        QCPGraph* main = m_plot->addGraph();
        c.main = main;
        // The chart's title names the family, so an entry needs only what tells its curve
        // apart: the split when one run is shown. With several runs the panel's run key above
        // the charts names the colours, and the legend keeps to the line styles (below).
        const QString split = splitOf(c.key);
        main->setName(split.isEmpty() ? m_runs[c.run].run.label : splitTitle(split));
        for (auto [graph, role] : {std::pair{c.raw, "raw"}, std::pair{main, "main"}}) {
            graph->setProperty("tbRun", m_runs[c.run].run.id);
            graph->setProperty("tbKey", c.key);
            graph->setProperty("tbRole", QString::fromLatin1(role));
            graph->setSelectable(QCP::stNone);
            // The points are already ~2 per pixel column: QCustomPlot's own sampling pass
            // would only cost time.
            graph->setAdaptiveSampling(false);
        }
    }
    // Several runs: one grey entry per split (train solid, val dashed) instead of runs x splits
    // entries, which covered most of a small chart. These graphs hold no data.
    if (m_runs.size() > 1 && m_keys.size() > 1) {
        for (const QString& key : std::as_const(m_keys)) {
            QCPGraph* style = m_plot->addGraph();
            style->setName(splitOf(key).isEmpty() ? key : splitTitle(splitOf(key)));
            style->setProperty("tbKey", key);
            style->setProperty("tbRole", QStringLiteral("style"));
            style->setSelectable(QCP::stNone);
            style->removeFromLegend();
            m_styleGraphs.append(style);
        }
    }
    // Added last so they are drawn over every curve.
    for (int r = 0; r < m_runs.size(); ++r) {
        QCPGraph* markers = m_plot->addGraph();
        markers->setLineStyle(QCPGraph::lsNone);
        markers->removeFromLegend();
        markers->setProperty("tbRun", m_runs[r].run.id);
        markers->setProperty("tbRole", QStringLiteral("checkpoints"));
        m_markerGraphs.append(markers);
    }
    colourGraphs();
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
        m_refreshPending = true;  // hidden: do it when shown
        return;
    }
    m_refreshPending = false;
    QSet<QString> presentKeys;
    const bool byStyle = m_runs.size() > 1;
    for (const Curve& c : std::as_const(m_curves)) {
        const bool present = m_runs[c.run].metrics->store().findSeries(c.key.toStdString()) >= 0;
        if (present) presentKeys.insert(c.key);
        showInLegend(c.main, present && !byStyle);
    }
    for (QCPGraph* style : std::as_const(m_styleGraphs))
        showInLegend(style, presentKeys.contains(style->property("tbKey").toString()));
    if (m_follow)
        fitAll();
    else
        updateLod();
    updateMarkers();
    replotData();
}

void MetricChart::showInLegend(QCPGraph* graph, bool shown) {
    if (shown == bool(m_plot->legend->itemWithPlottable(graph))) return;
    if (shown)
        graph->addToLegend();
    else
        graph->removeFromLegend();
}

MetricChart::Frame MetricChart::currentFrame() const {
    const QCPRange x = m_plot->xAxis->range(), y = m_plot->yAxis->range();
    return {x.lower,
            x.upper,
            y.lower,
            y.upper,
            m_plot->legend->itemCount(),
            int(m_plot->axisRect()->insetLayout()->insetAlignment(0)) |
                (m_plot->legend->visible() ? 0x10000 : 0),
            m_plot->size()};
}

void MetricChart::replotData() {
    placeLegend();
    if (currentFrame() != m_drawnFrame) {
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    // Same axes, ticks and legend: only the curves' buffer is redrawn (a resized plot, whose
    // buffers are stale, makes the layer fall back to a full replot itself).
    m_plot->layer(QStringLiteral("main"))->replot();
    Q_EMIT redrawn();
}

void MetricChart::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_refreshPending || m_lodDirty) refreshData();
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
    const LodWindow window{range.lower, range.upper, columns, m_settings};
    const bool sameWindow = window == m_lodWindow;
    m_lodWindow = window;
    m_lodExtendedOnly = sameWindow;
    m_newYLow = std::numeric_limits<double>::infinity();
    m_newYHigh = -std::numeric_limits<double>::infinity();
    const double weight = m_settings.smoothing;
    for (Curve& c : m_curves) {
        RunMetrics* metrics = m_runs[c.run].metrics;
        const auto series = metrics->store().findSeries(c.key.toStdString());
        const bool extend = sameWindow && c.generation == metrics->generation();
        c.generation = metrics->generation();
        if (series < 0) {
            c.rawPoints.clear();
            c.mainPoints.clear();
            c.raw->data()->clear();
            c.main->data()->clear();
            continue;
        }
        const SeriesView view = metrics->store().view(std::size_t(series), m_settings.axis);
        auto query = [&](std::vector<LodPoint>& points, const MinMaxLod& lod,
                         const PointSource& source) {
            std::size_t firstNew = 0;
            if (extend)
                firstNew = extendVisiblePoints(points, lod, source, range.lower, range.upper,
                                               columns, m_settings.logX);
            else
                points =
                    visiblePoints(lod, source, range.lower, range.upper, columns, m_settings.logX);
            if (firstNew == 0) m_lodExtendedOnly = false;
            for (std::size_t i = firstNew; i < points.size(); ++i) {
                if (!std::isfinite(points[i].y)) continue;
                m_newYLow = std::min(m_newYLow, points[i].y);
                m_newYHigh = std::max(m_newYHigh, points[i].y);
            }
        };
        query(c.rawPoints, metrics->lod(std::size_t(series)), view);
        c.raw->setVisible(weight > 0);
        if (weight > 0) {
            setPoints(c.raw, c.rawPoints);
            const MinMaxLod& lod = metrics->smoothedLod(std::size_t(series), weight);
            const SmoothedSeries smoothed(view, metrics->smoother(std::size_t(series), weight));
            query(c.mainPoints, lod, smoothed);
            setPoints(c.main, c.mainPoints);
        } else {
            c.mainPoints.clear();
            c.raw->data()->clear();
            setPoints(c.main, c.rawPoints);
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
    // Room on the right for the data to grow into: while it lasts the axes stay put, the
    // curves' points are only extended, and the newest point is never cut in half at the edge.
    const QCPRange x = m_plot->xAxis->range();
    const bool xHolds = x.lower == lo && hi <= x.upper && x.upper <= roomyUpper(lo, hi, 2);
    if (!xHolds) m_plot->xAxis->setRange(lo, roomyUpper(lo, hi, 1));
    updateLod();  // the LOD of the whole range holds the global extremes, so y fits them
    // While the x axis holds and only new points were added, only they can leave the y range.
    const QCPRange y = m_plot->yAxis->range();
    if (xHolds && m_lodExtendedOnly &&
        (m_newYLow > m_newYHigh || (y.contains(m_newYLow) && y.contains(m_newYHigh)))) {
        m_fitting = false;
        return;
    }
    m_plot->yAxis->rescale(true);
    const QCPRange data = m_plot->yAxis->range();
    if (xHolds && y.contains(data.lower) && y.contains(data.upper))
        m_plot->yAxis->setRange(y);
    else if (m_settings.logY)
        m_plot->yAxis->setRange(data.lower / 1.2, data.upper * 1.2);
    else if (data.size() > 0)
        m_plot->yAxis->setRange(data.lower - 0.05 * data.size(), data.upper + 0.05 * data.size());
    else
        m_plot->yAxis->setRange(data.lower - 0.5, data.upper + 0.5);
    m_fitting = false;
}

double MetricChart::roomyUpper(double lo, double hi, double rooms) const {
    constexpr double kRoom = 0.08;  // of the data's span
    return m_settings.logX ? hi * std::pow(hi / lo, kRoom * rooms) : hi + kRoom * rooms * (hi - lo);
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
