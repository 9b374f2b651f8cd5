// MetricChart export: the picture as PNG/SVG/PDF, the data behind it as CSV at full resolution.
#include <qcustomplot.h>

#include <QFile>
#include <QSaveFile>
#include <QSvgGenerator>

#include <charconv>
#include <cmath>

#include "core/metrics/run_metrics.h"
#include "metric_chart.h"

namespace tb {

namespace {
void appendNumber(QByteArray& out, double v) {
    if (!std::isfinite(v)) return;  // an empty field, as spreadsheets expect
    char buffer[32];
    // Shortest exact form, but whole numbers (steps, epochs) stay whole: not "2e+05".
    const auto result = std::abs(v) < 1e15 && v == std::trunc(v)
                            ? std::to_chars(buffer, buffer + sizeof buffer, qint64(v))
                            : std::to_chars(buffer, buffer + sizeof buffer, v);
    out.append(buffer, result.ptr - buffer);
}

QByteArray csvField(const QString& text) {
    QByteArray bytes = text.toUtf8();
    if (!bytes.contains(',') && !bytes.contains('"') && !bytes.contains('\n')) return bytes;
    return '"' + bytes.replace("\"", "\"\"") + '"';
}
}  // namespace

bool MetricChart::exportImage(const QString& path) {
    updateLod();  // the picture must show the current data even if the chart was hidden
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "png") return m_plot->savePng(path, 0, 0, 2.0);
    if (suffix == "pdf") return m_plot->savePdf(path);
    if (suffix != "svg") return false;
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(m_plot->size());
    generator.setViewBox(m_plot->rect());
    generator.setTitle(m_family);
    QCPPainter painter;
    if (!painter.begin(&generator)) return false;
    m_plot->toPainter(&painter, m_plot->width(), m_plot->height());
    return painter.end();
}

// Every point of every (run, key) on this chart, read from the store, never from the graphs
// (which hold only the LOD of the visible range).
bool MetricChart::exportCsv(const QString& path) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return false;
    QByteArray out = "run,key,step,epoch,time,value\n";
    for (const PlottedRun& run : m_runs) {
        const SeriesStore& store = run.metrics->store();
        for (const QString& key : m_keys) {
            const auto series = store.findSeries(key.toStdString());
            if (series < 0) continue;
            const SeriesView view = store.view(std::size_t(series));
            const QByteArray prefix = csvField(run.run.id) + ',' + csvField(key) + ',';
            for (std::size_t i = 0; i < view.size(); ++i) {
                const std::size_t record = view.recordAt(i);
                out += prefix;
                appendNumber(out, store.step(record));
                out += ',';
                appendNumber(out, store.epoch(record));
                out += ',';
                appendNumber(out, store.time(record));
                out += ',';
                appendNumber(out, view.y(i));
                out += '\n';
                if (out.size() > (1 << 20)) {
                    if (file.write(out) != out.size()) return false;
                    out.clear();
                }
            }
        }
    }
    if (file.write(out) != out.size()) return false;
    return file.commit();
}

}  // namespace tb
