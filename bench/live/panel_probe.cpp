// PanelProbe: panel refreshes snapshot the store sizes, afterReplot turns them into latencies.
#include "panel_probe.h"

#include <qcustomplot.h>

#include <algorithm>

#include "core/metrics/run_metrics.h"
#include "latency_log.h"
#include "ui/plot/chart_panel.h"
#include "ui/plot/metric_chart.h"

namespace tb {

PanelProbe::PanelProbe(ChartPanel* panel, QList<RunMetrics*> runs, LatencyLog* log)
    : m_panel(panel), m_runs(std::move(runs)), m_log(log), m_done(std::size_t(m_runs.size()), 0) {
}

void PanelProbe::attach() {
    // Everything read before attaching is warm-up: start counting from the current store ends.
    for (int r = 0; r < m_runs.size(); ++r)
        m_done[std::size_t(r)] = m_runs[r]->store().recordCount();
    for (const QString& family : m_panel->families()) {
        QCustomPlot* plot = m_panel->plot(family);
        if (!plot || m_charts.contains(plot)) continue;
        ChartState state;
        state.pending = m_done;
        state.drawn = m_done;
        m_charts.insert(plot, state);
        auto* chart = qobject_cast<MetricChart*>(plot->parentWidget());
        if (!chart) qFatal("bench_live: a plot outside a MetricChart");
        QObject::connect(chart, &MetricChart::redrawn, plot, [this, plot] { onReplot(plot); });
    }
    QObject::connect(m_panel, &ChartPanel::refreshStarted, m_panel, [this] { onRefresh(); });
}

void PanelProbe::onRefresh() {
    for (ChartState& state : m_charts)
        for (int r = 0; r < m_runs.size(); ++r)
            state.pending[std::size_t(r)] = m_runs[r]->store().recordCount();
}

void PanelProbe::onReplot(QCustomPlot* plot) {
    const double now = wallNow();
    ChartState& state = m_charts[plot];
    state.drawn = state.pending;
    for (int r = 0; r < m_runs.size(); ++r) {
        const auto run = std::size_t(r);
        std::size_t everywhere = state.drawn[run];
        for (const ChartState& other : std::as_const(m_charts))
            everywhere = std::min(everywhere, other.drawn[run]);
        const SeriesStore& store = m_runs[r]->store();
        for (std::size_t record = m_done[run]; record < everywhere; ++record)
            m_log->record(store.time(record), now);
        m_done[run] = std::max(m_done[run], everywhere);
    }
}

}  // namespace tb
