// PanelProbe: tells when each point of the ChartPanel's runs has been drawn by every chart.
#pragma once

#include <QHash>
#include <QList>

#include <vector>

class QCustomPlot;

namespace tb {

class ChartPanel;
class LatencyLog;
class RunMetrics;

// A point counts as plotted at the end of the first redraw (MetricChart::redrawn: a full replot
// or the curves' layer alone drawn into the plot's buffers; the blit to the window follows in
// the next paint event) of
// every chart whose data refresh included it. What a refresh included is snapshotted when the
// panel says its charts are taking the runs' data (ChartPanel::refreshStarted): the records each
// run's store held at that instant.
class PanelProbe {
public:
    PanelProbe(ChartPanel* panel, QList<RunMetrics*> runs, LatencyLog* log);
    // Hooks the charts that exist now; call once they all do (after the first data).
    void attach();
    int chartCount() const { return int(m_charts.size()); }

private:
    struct ChartState {
        std::vector<std::size_t> pending;  // per run: records included by the last refresh
        std::vector<std::size_t> drawn;    // per run: records included by the last replot
    };
    void onRefresh();
    void onReplot(QCustomPlot* plot);

    ChartPanel* m_panel;
    QList<RunMetrics*> m_runs;
    LatencyLog* m_log;
    QHash<QCustomPlot*, ChartState> m_charts;
    std::vector<std::size_t> m_done;  // per run: records already logged
};

}  // namespace tb
