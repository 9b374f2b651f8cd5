// MetricChart: one QCustomPlot showing one metric family of several runs at screen resolution.
#pragma once

#include <QList>
#include <QPoint>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QWidget>

#include "chart_run.h"
#include "core/metrics/min_max_lod.h"

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPTextElement;
class QMouseEvent;

namespace tb {

// Every (run, key) pair has two graphs: the raw curve, faint, and the main curve (the EMA
// when smoothing is on, else the raw curve itself), which alone has a legend entry (one run
// shown; with several, the legend shows the line style of each split instead). Graph data
// is never the series itself: it is re-queried from the runs' MinMaxLod whenever the visible
// x range or the plot width changes, so drawing costs O(width) whatever the run's length.
class MetricChart : public QWidget {
    Q_OBJECT
public:
    MetricChart(QString family, QWidget* parent = nullptr);
    ~MetricChart() override;

    QString family() const { return m_family; }
    QCustomPlot* plot() const { return m_plot; }

    void setContent(const QList<PlottedRun>& runs, const QStringList& keys);
    void setSettings(const ChartSettings& settings);
    // New points or checkpoints: extend, refit while following the data, queue a replot.
    void refreshData();
    void resetView();  // fit everything and follow new data again

    bool exportImage(const QString& path);  // .png, .svg or .pdf
    bool exportCsv(const QString& path) const;

Q_SIGNALS:
    void checkpointClicked(QString runId, QString checkpointPath);
    // The plot's buffers hold the current data: after a full replot, or after new points were
    // drawn into the curves' layer alone.
    void redrawn();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;  // a palette change recolours the chart
    void showEvent(QShowEvent* event) override;

private:
    struct Curve {
        int run;
        QString key;
        QCPGraph* raw;
        QCPGraph* main;
        // What the graphs hold, kept so that new data extends them instead of re-querying.
        std::vector<LodPoint> rawPoints;
        std::vector<LodPoint> mainPoints;
        quint64 generation = 0;  // of the run's metrics when the points were taken
    };
    // The view the curves' points were taken for; new data in the same view only extends them.
    struct LodWindow {
        double x0 = 0, x1 = 0;
        int columns = 0;
        ChartSettings settings;
        bool operator==(const LodWindow&) const = default;
    };
    struct Marker {
        int run;
        double x;
        double y;
        QString path;
    };
    // What the axes, ticks and legend show; while it stays the same, new data needs only the
    // curves' layer redrawn.
    struct Frame {
        double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
        int legendItems = 0;
        int legendCorner = 0;
        QSize size;
        bool operator==(const Frame&) const = default;
    };
    Frame currentFrame() const;
    void replotData();
    void rebuildGraphs();
    void applyPalette();  // background, axes, grid, title, legend and cursor from palette()
    void colourGraphs();  // the curves' pens, mixed against the palette's base
    void applyAxes();
    void updateLod();
    void updateMarkers();
    void placeLegend();
    void showInLegend(QCPGraph* graph, bool shown);
    void fitAll();
    // The x axis' upper end when following data that spans [lo, hi]: `rooms` times the room
    // left for new data on the right.
    double roomyUpper(double lo, double hi, double rooms) const;
    void userMovedView();
    void zoomBy(double factor);
    void panBy(double fractionX, double fractionY);
    bool handleKey(int key);
    void showHover(const QPoint& pos);
    void hideHover();
    void onRelease(QMouseEvent* event);
    void showContextMenu(const QPoint& pos);
    QString hoverText(double x) const;

    QString m_family;
    QCustomPlot* m_plot;
    QList<PlottedRun> m_runs;
    QStringList m_keys;
    ChartSettings m_settings;
    QList<Curve> m_curves;
    QList<QCPGraph*> m_markerGraphs;
    QList<QCPGraph*> m_styleGraphs;  // legend entries for the line styles when runs > 1
    QList<Marker> m_markers;
    QCPItemStraightLine* m_cursor = nullptr;
    QCPTextElement* m_title = nullptr;
    QPoint m_pressPos;
    int m_lodColumns = 0;
    LodWindow m_lodWindow;  // columns == 0: none yet
    // The y extent of the points the last updateLod() added; only they can push the curves
    // out of a y range that held them before. Unknown after a full query.
    double m_newYLow = 0, m_newYHigh = 0;
    bool m_lodExtendedOnly = false;
    Frame m_drawnFrame;      // as of the last full replot
    bool m_follow = true;    // refit on new data until the user zooms or pans
    bool m_fitting = false;  // our own range changes are not the user's
    bool m_lodDirty = false;
    // New data or settings arrived while hidden: refit and redraw when shown. Kept apart from
    // m_lodDirty, which the layout pass of the show itself clears by refreshing the LOD alone.
    bool m_refreshPending = false;
};

}  // namespace tb
