// NaiveCharts: whole-file QJsonDocument parsing and raw QCustomPlot data, as a reference.
#include "naive_charts.h"

#include <qcustomplot.h>
#include <QFile>
#include <QGridLayout>
#include <QJsonDocument>
#include <QJsonObject>

#include "latency_log.h"

namespace tb {

NaiveCharts::NaiveCharts(QStringList metricsFiles, LatencyLog* log, QWidget* parent)
    : QWidget(parent),
      m_files(std::move(metricsFiles)),
      m_log(log),
      m_keys{"train/loss", "train/acc", "lr", "samples_per_sec"},
      m_done(std::size_t(m_files.size()), 0) {
    auto* grid = new QGridLayout(this);
    for (int k = 0; k < m_keys.size(); ++k) {
        auto* plot = new QCustomPlot(this);
        plot->plotLayout()->insertRow(0);
        plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, m_keys[k]));
        for (int r = 0; r < m_files.size(); ++r)
            plot->addGraph()->setPen(QPen(QColor::fromHsv(r * 36, 200, 200), 1.5));
        grid->addWidget(plot, k / 2, k % 2);
        m_plots.append(plot);
    }
    connect(&m_timer, &QTimer::timeout, this, &NaiveCharts::tick);
}

void NaiveCharts::start(int intervalMs) {
    m_timer.start(intervalMs);
}

void NaiveCharts::tick() {
    std::vector<std::vector<double>> written(std::size_t(m_files.size()));
    for (int r = 0; r < m_files.size(); ++r) {
        QFile file(m_files[r]);
        if (!file.open(QIODevice::ReadOnly)) continue;
        const QByteArray all = file.readAll();
        QList<QVector<double>> steps(m_keys.size()), values(m_keys.size());
        qsizetype start = 0;
        for (qsizetype end = all.indexOf('\n'); end >= 0; end = all.indexOf('\n', start)) {
            const QJsonObject line = QJsonDocument::fromJson(all.mid(start, end - start)).object();
            start = end + 1;
            const double step = line.value("step").toDouble();
            for (int k = 0; k < m_keys.size(); ++k) {
                const QJsonValue value = line.value(m_keys[k]);
                if (!value.isDouble()) continue;
                steps[k].append(step);
                values[k].append(value.toDouble());
            }
            written[std::size_t(r)].push_back(line.value("time").toDouble());
        }
        for (int k = 0; k < m_keys.size(); ++k)
            m_plots[k]->graph(r)->setData(steps[k], values[k], true);
    }
    for (QCustomPlot* plot : std::as_const(m_plots)) {
        plot->rescaleAxes();
        plot->replot();
    }
    const double now = wallNow();
    for (std::size_t r = 0; r < written.size(); ++r) {
        for (std::size_t i = std::size_t(m_done[r]); i < written[r].size(); ++i)
            m_log->record(written[r][i], now);
        m_done[r] = qsizetype(std::max(written[r].size(), std::size_t(m_done[r])));
    }
}

}  // namespace tb
