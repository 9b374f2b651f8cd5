// ChartPanel: live curves of the selected runs, one chart per metric family, overlaid runs.
#pragma once

#include <QHash>
#include <QList>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include "chart_run.h"

class QCustomPlot;  // qcustomplot.h stays out of this header: it needs the Qt keywords
class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QSlider;

namespace tb {

class MetricChart;
class RunMetricsPool;

// Data arrives from the pool's RunMetrics; the panel coalesces it with a single-shot timer
// (started only when none is pending) and applies it in one pass per chart, so a run that logs
// every few milliseconds costs one LOD refresh and one queued replot per interval. While the
// panel is hidden it only remembers that something changed.
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(RunMetricsPool* pool, QWidget* parent = nullptr);
    ~ChartPanel() override;

    void setRuns(const QList<ChartRun>& runs);
    const QList<ChartRun>& runs() const { return m_runs; }

    ChartSettings settings() const { return m_settings; }
    void setXAxis(XAxis axis);
    void setSmoothing(double weight);  // EMA weight in [0, 0.99]
    void setLogScale(bool logX, bool logY);

    QStringList families() const;  // in display order
    // The plot of one family, for the main window's own tools and for tests; nullptr if none.
    QCustomPlot* plot(const QString& family) const;
    bool exportImage(const QString& family, const QString& path);  // .png, .svg, .pdf
    bool exportCsv(const QString& family, const QString& path) const;
    // Applies data that arrived but waits for the coalescing timer, now.
    void flush();

Q_SIGNALS:
    void checkpointClicked(QString runId, QString checkpointPath);
    // The charts are about to take the runs' data as it is now and redraw.
    void refreshStarted();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void scheduleUpdate();
    void applyPending();
    void syncCharts(bool contentChanged);
    void applySettings();
    MetricChart* chart(const QString& family) const;

    RunMetricsPool* m_pool;
    QList<ChartRun> m_runs;
    QList<PlottedRun> m_plotted;
    ChartSettings m_settings;
    QList<MetricChart*> m_charts;             // display order
    QHash<QString, QStringList> m_chartKeys;  // family -> keys its chart was built with
    QTimer m_coalesce;
    bool m_dirty = false;

    QComboBox* m_axisBox;
    QSlider* m_smoothingSlider;
    QLabel* m_smoothingLabel;
    QCheckBox* m_logX;
    QCheckBox* m_logY;
    QGridLayout* m_grid;
    QLabel* m_emptyLabel;
    QLabel* m_runKey;  // colour -> run, shown when several runs are
};

}  // namespace tb
