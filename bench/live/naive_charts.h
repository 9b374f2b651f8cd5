// NaiveCharts: the reference, re-reading every whole metrics file on a 250 ms tick.
#pragma once

#include <QList>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <vector>

class QCustomPlot;

namespace tb {

class LatencyLog;

// What a first version without an incremental reader or a level-of-detail store would do: each
// tick re-reads each file, parses every line with QJsonDocument, hands all points of every
// curve to QCustomPlot (one graph per run and key, no smoothing) and replots synchronously.
// A point counts as plotted when the tick that first read it has replotted every chart.
class NaiveCharts : public QWidget {
public:
    NaiveCharts(QStringList metricsFiles, LatencyLog* log, QWidget* parent = nullptr);

    void start(int intervalMs);

private:
    void tick();

    QStringList m_files;
    LatencyLog* m_log;
    QList<QCustomPlot*> m_plots;  // one per key below
    QStringList m_keys;
    std::vector<qsizetype> m_done;  // per run: lines already logged
    QTimer m_timer;
};

}  // namespace tb
