// bench_sweep_ui: the window's side of a 200-trial sweep. The sweep's folder is written
// synthetically (sweep.json, the queue's markers, 200 run folders with metrics), read once by
// readSweep, then timed: the comparison table's refresh (SweepCompareModel behind the sorting
// proxy, painted) against a QStandardItemModel filled with the same cells in the same view, and
// the parallel-coordinates chart (ParallelChart::setData and a bare replot) against QCustomPlot
// fed the same polylines raw, one graph each. Goal: under 50 ms each.
#include <qcustomplot.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

#include "core/services/sweep_axes.h"
#include "core/services/sweep_status.h"
#include "tests/support/sweep_fixture.h"
#include "ui/plot/parallel_chart.h"
#include "ui/sweep/sweep_compare_model.h"
#include "ui/sweep/sweep_compare_panel.h"

using namespace tb;

namespace {

// Median of `rounds` runs of `step`, in ms.
double medianMs(int rounds, const std::function<void()>& step) {
    std::vector<double> times;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        step();
        times.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// What the user sees after a refresh: the view laid out and painted now.
void paint(QTableView& view) {
    QCoreApplication::processEvents();
    view.viewport()->repaint();
}

struct TableFigures {
    double resetMs, updateMs, referenceMs;
};

TableFigures timeTable(const SweepReport& report, int rounds) {
    // The panel's own table, as the Sweep dock shows it (its chart is not part of this).
    SweepComparePanel panel;
    panel.resize(1400, 600);
    panel.show();
    SweepCompareModel& model = *panel.model();
    QTableView& view = *panel.table();
    model.setReport(report);
    view.sortByColumn(model.column(SweepCompareModel::Best), Qt::AscendingOrder);
    paint(view);
    // Reset: another sweep shown (its columns may differ); update: the same sweep read again.
    const double reset = medianMs(rounds, [&] {
        model.setReport(SweepReport{});
        model.setReport(report);
        paint(view);
    });
    const double update = medianMs(rounds, [&] {
        model.setReport(report);
        paint(view);
    });
    // The same cells as text items, sorted by the same column, in the same view.
    QStandardItemModel items;
    QSortFilterProxyModel itemsProxy;
    itemsProxy.setSourceModel(&items);
    view.setModel(&itemsProxy);
    const int columns = model.columnCount();
    const double reference = medianMs(rounds, [&] {
        items.clear();
        items.setRowCount(model.rowCount());
        items.setColumnCount(columns);
        for (int r = 0; r < model.rowCount(); ++r)
            for (int c = 0; c < columns; ++c) {
                auto* item = new QStandardItem(model.index(r, c).data().toString());
                item->setData(model.index(r, c).data(SweepCompareModel::SortRole), Qt::UserRole);
                items.setItem(r, c, item);
            }
        itemsProxy.setSortRole(Qt::UserRole);
        view.sortByColumn(model.column(SweepCompareModel::Best), Qt::AscendingOrder);
        paint(view);
    });
    return {reset, update, reference};
}

struct ChartFigures {
    double setDataMs, refreshMs, replotMs, rawSetDataMs, rawReplotMs;
};

ChartFigures timeChart(const SweepReport& report, int rounds) {
    const QStringList keys = variedKeys(report);
    const ParallelLayout layout = parallelLayout(report, keys);
    QList<ParallelChart::Line> lines;
    for (int i = 0; i < report.trials.size(); ++i)
        lines.append(
            {report.trials[i].run, report.trials[i].label, layout.positions[i], layout.score[i]});
    const QString best = report.trials[report.bestRow].run;
    ParallelChart chart;
    chart.resize(900, 500);
    chart.show();
    QCoreApplication::processEvents();
    auto* plot = qobject_cast<QCustomPlot*>(chart.plotWidget());
    chart.setData(layout.axes, lines, best);
    // A new sweep shown (graphs made) and the same sweep read again (graphs kept).
    const double setData = medianMs(rounds, [&] {
        chart.setData({}, {}, {});
        chart.setData(layout.axes, lines, best);
    });
    const double refresh = medianMs(rounds, [&] { chart.setData(layout.axes, lines, best); });
    const double replot = medianMs(rounds, [&] { plot->replot(); });

    // QCustomPlot fed the same polylines raw: one graph each, default pens, no axes of ours.
    QCustomPlot raw;
    raw.resize(900, 500);
    raw.show();
    QCoreApplication::processEvents();
    const int n = int(layout.axes.size());
    QVector<double> xs(n);
    for (int i = 0; i < n; ++i) xs[i] = i;
    const auto feed = [&] {
        raw.clearGraphs();
        for (const ParallelChart::Line& line : lines)
            raw.addGraph()->setData(xs, line.positions, true);
        raw.xAxis->setRange(0, n - 1);
        raw.yAxis->setRange(0, 1);
        raw.replot();
    };
    feed();
    const double rawSetData = medianMs(rounds, feed);
    const double rawReplot = medianMs(rounds, [&] { raw.replot(); });
    return {setData, refresh, replot, rawSetData, rawReplot};
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int trials = argc > 1 ? std::atoi(argv[1]) : 200;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 20;
    QTemporaryDir dir;
    test::SyntheticSweep sweep;
    sweep.trials = trials;
    sweep.records = 50;
    QElapsedTimer timer;
    timer.start();
    test::writeSyntheticSweep(dir.filePath("runs"), sweep);
    const double written = timer.nsecsElapsed() / 1e6;
    timer.restart();
    auto report = readSweep(dir.filePath("runs"), sweep.id);
    const double read = timer.nsecsElapsed() / 1e6;
    if (!report || report->trials.size() != trials || report->bestRow < 0) {
        std::fprintf(stderr, "bench_sweep_ui: the synthetic sweep did not read back\n");
        return 1;
    }
    std::printf(
        "bench_sweep_ui: %d trials x %d records, written in %.0f ms, readSweep %.1f ms "
        "(SweepWatch's worker thread); median of %d rounds\n",
        trials, sweep.records, written, read, rounds);
    const TableFigures table = timeTable(*report, rounds);
    std::printf(
        "comparison table (%d rows, painted): reset %.2f ms, update %.2f ms; "
        "QStandardItemModel with the same cells %.2f ms; ratio %.2fx (reset) %.2fx "
        "(update); goal < 50 ms\n",
        trials, table.resetMs, table.updateMs, table.referenceMs, table.referenceMs / table.resetMs,
        table.referenceMs / table.updateMs);
    const ChartFigures chart = timeChart(*report, rounds);
    std::printf(
        "parallel coordinates (%d lines, 900x500): new sweep %.2f ms, refresh %.2f ms, replot "
        "%.2f ms; QCustomPlot raw, one graph per line: fed %.2f ms, replot %.2f ms; ratio %.2fx "
        "(new) %.2fx (refresh) %.2fx (replot); goal < 50 ms\n",
        trials, chart.setDataMs, chart.refreshMs, chart.replotMs, chart.rawSetDataMs,
        chart.rawReplotMs, chart.rawSetDataMs / chart.setDataMs,
        chart.rawSetDataMs / chart.refreshMs, chart.rawReplotMs / chart.replotMs);
    return 0;
}
