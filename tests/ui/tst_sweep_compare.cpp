// A sweep's trials compared, on a runs root that holds a finished 6-trial sweep (written as the
// scheduler leaves it) and one run outside it: the runs table shows the sweep as one group row
// with its trials as children; the comparison table sorts and exports CSV with the right rows;
// a click on a parallel-coordinates line selects that trial; in the main window, selecting the
// group overlays every trial's curves and a click on a line selects the trial in the runs table.
#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "core/runs/run_catalog.h"
#include "core/runs/workspace.h"
#include "core/services/sweep_status.h"
#include "tests/support/run_test_support.h"
#include "tests/support/sweep_fixture.h"
#include "ui/main/main_window.h"
#include "ui/main/runs_panel.h"
#include "ui/main/runs_table_model.h"
#include "ui/plot/chart_panel.h"
#include "ui/plot/parallel_chart.h"
#include "ui/sweep/sweep_compare_model.h"
#include "ui/sweep/sweep_compare_panel.h"

using namespace tb;

namespace {

// Three quarters of the way from the second axis to the metric axis, where each trial's line is
// apart from every other (each has its own metric), from the plot's own coordinate mapping once
// its layout has settled.
void clickLine(ParallelChart* chart, const QString& runId) {
    QTRY_COMPARE(chart->lineAt(chart->pointOf(runId, 1.75)), runId);
    const QPointF point = chart->pointOf(runId, 1.75);
    QTest::mouseClick(chart->plotWidget(), Qt::LeftButton, {}, point.toPoint());
}

}  // namespace

class SweepCompareTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runsTableShowsTheSweepAsAGroup();
    void filterKeepsTheGroupOfAMatchingTrial();
    void tableSortsAndExportsCsv();
    void clickOnALineSelectsItsTrial();
    void windowOverlaysTheGroupAndFollowsTheChart();
    void windowStartsOnTheNewestSweepsGroup();

private:
    QTemporaryDir m_dir;
    QString m_root;
    test::SyntheticSweep m_sweep;
    QStringList m_trials;
};

void SweepCompareTest::initTestCase() {
    QCoreApplication::setOrganizationName("trainbench-test-sweep-compare");
    QSettings().clear();
    m_root = m_dir.filePath("runs");
    seedWorkspace(m_root);
    m_trials = test::writeSyntheticSweep(m_root, m_sweep);
    test::writeLocalRun(m_root, "20261206-130000-cifar", R"({"state":"finished"})");
}

void SweepCompareTest::runsTableShowsTheSweepAsAGroup() {
    RunCatalog catalog(m_root);
    catalog.refresh();
    RunsPanel panel(&catalog);
    RunsTableModel* model = panel.model();
    QCOMPARE(model->rowCount(), 2);  // the plain run and the sweep's group
    const QModelIndex group = model->sweepIndex(m_sweep.id);
    QVERIFY(group.isValid());
    QCOMPARE(model->rowCount(group), 6);
    for (int i = 0; i < 6; ++i) {
        const QModelIndex child = model->index(i, RunsTableModel::Name, group);
        QCOMPARE(child.data(RunsTableModel::RunIdRole).toString(), m_trials[i]);
        QVERIFY2(child.data().toString().startsWith(QStringLiteral("#%1 lr=").arg(i + 1)),
                 qPrintable(child.data().toString()));
    }
    QCOMPARE(model->index(group.row(), RunsTableModel::State).data().toString(),
             QStringLiteral("6/6 done"));

    QSignalSpy sweeps(&panel, &RunsPanel::currentSweepChanged);
    QSignalSpy selection(&panel, &RunsPanel::selectionChanged);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTreeView* view = panel.view();
    QModelIndex shown;  // the group as the view shows it (sorted, newest first)
    for (int r = 0; r < view->model()->rowCount(); ++r)
        if (view->model()->index(r, 0).data(RunsTableModel::SweepIdRole) == m_sweep.id)
            shown = view->model()->index(r, 0);
    QVERIFY(shown.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(shown).center());
    QTRY_COMPARE(panel.selectedRunIds(), m_trials);  // the group stands for its trials
    // Newest first at the top level, but a sweep's trials in trial order (they started in it).
    for (int r = 0; r < 6; ++r)
        QCOMPARE(view->model()->index(r, 0, shown).data(RunsTableModel::RunIdRole).toString(),
                 m_trials[r]);
    QCOMPARE(sweeps.count(), 1);
    QCOMPARE(sweeps.last().first().toString(), m_sweep.id);
    QVERIFY(!selection.isEmpty());
    // A trial's row belongs to the same sweep: the panel's sweep does not change.
    panel.selectRun(m_trials[2]);
    QCOMPARE(panel.selectedRunIds(), QStringList{m_trials[2]});
    QVERIFY(view->isExpanded(shown));
    QCOMPARE(panel.currentSweepId(), m_sweep.id);
    QCOMPARE(sweeps.count(), 1);
    panel.selectRun("20261206-130000-cifar");
    QCOMPARE(panel.currentSweepId(), QString());
}

void SweepCompareTest::filterKeepsTheGroupOfAMatchingTrial() {
    RunCatalog catalog(m_root);
    catalog.refresh();
    RunsPanel panel(&catalog);
    QTest::keyClicks(panel.filterEdit(), "kind=adam");
    QAbstractItemModel* shown = panel.view()->model();
    QCOMPARE(shown->rowCount(), 1);  // the plain run is out, the group stays
    const QModelIndex group = shown->index(0, 0);
    QCOMPARE(group.data(RunsTableModel::SweepIdRole).toString(), m_sweep.id);
    // Only trials 5 and 6 use adam in the fixture (kind changes every four trials).
    QStringList names;
    for (int r = 0; r < shown->rowCount(group); ++r)
        names << shown->index(r, 0, group).data().toString();
    names.sort();
    QCOMPARE(names, (QStringList{"#5 lr=0.1 kind=adam", "#6 lr=0.03 kind=adam"}));
}

void SweepCompareTest::tableSortsAndExportsCsv() {
    auto report = readSweep(m_root, m_sweep.id);
    QVERIFY(report);
    SweepComparePanel panel;
    panel.resize(1000, 400);
    panel.setReport(&*report);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    SweepCompareModel* model = panel.model();
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(model->keys(), (QStringList{"optim.kind", "optim.lr"}));
    QCOMPARE(
        model->headerData(model->column(SweepCompareModel::Best), Qt::Horizontal, Qt::DisplayRole)
            .toString(),
        QStringLiteral("Best val/loss"));
    // The fixture's best trial: (i * 7) % 6 == 0, i.e. trial 0, metric 0.1.
    QCOMPARE(report->bestRow, 0);

    // A click on the Best header sorts by it, another reverses it.
    QTableView* table = panel.table();
    QHeaderView* header = table->horizontalHeader();
    const int bestColumn = model->column(SweepCompareModel::Best);
    const auto clickHeader = [&] {
        const int x =
            header->sectionViewportPosition(bestColumn) + header->sectionSize(bestColumn) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    };
    clickHeader();
    QAbstractItemModel* shown = table->model();
    QList<double> values;
    for (int r = 0; r < 6; ++r) values << shown->index(r, bestColumn).data().toDouble();
    QList<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    if (values != sorted) {  // the first click may have sorted descending
        clickHeader();
        values.clear();
        for (int r = 0; r < 6; ++r) values << shown->index(r, bestColumn).data().toDouble();
    }
    QCOMPARE(values, sorted);
    QVERIFY(shown->index(0, 0).data(SweepCompareModel::BestTrialRole).toBool());

    const QString path = m_dir.filePath("sweep.csv");
    QVERIFY(panel.exportCsv(path));
    const QStringList lines =
        QString::fromUtf8(test::fileText(path)).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 7);
    QCOMPARE(lines[0], QStringLiteral("Trial,optim.kind,optim.lr,Best val/loss,Final val/loss,"
                                      "Epochs,Duration,State,Cost,Run,Best trial"));
    // In the table's order: best first, marked, with its run id.
    QCOMPARE(lines[1],
             QStringLiteral("1,sgd,0.1,0.1,0.1,5,0:10,finished,,%1,yes").arg(m_trials[0]));
    for (int r = 1; r < 6; ++r) {
        const QStringList fields = lines[r + 1].split(',');
        QCOMPARE(fields.size(), 11);
        QCOMPARE(fields[3].toDouble(), sorted[r]);
        QCOMPARE(fields[10], QString());
        QVERIFY(m_trials.contains(fields[9]));
    }
}

void SweepCompareTest::clickOnALineSelectsItsTrial() {
    auto report = readSweep(m_root, m_sweep.id);
    QVERIFY(report);
    SweepComparePanel panel;
    panel.resize(1100, 420);
    panel.setReport(&*report);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    ParallelChart* chart = panel.chart();
    QCOMPARE(chart->lineCount(), 6);
    QSignalSpy selected(&panel, &SweepComparePanel::trialSelected);
    // Each trial's metric is its own: three quarters of the way to the metric axis, its line is
    // apart from every other one.
    const QString target = m_trials[3];
    clickLine(chart, target);
    QTRY_COMPARE(selected.count(), 1);
    QCOMPARE(selected.first().first().toString(), target);
    QCOMPARE(panel.selectedTrial(), target);
    QCOMPARE(chart->selected(), target);
    // Away from every line nothing changes.
    QTest::mouseClick(chart->plotWidget(), Qt::LeftButton, {}, QPoint(2, 2));
    QCOMPARE(selected.count(), 1);
    QCOMPARE(panel.selectedTrial(), target);
}

void SweepCompareTest::windowOverlaysTheGroupAndFollowsTheChart() {
    AppContext context;
    context.runsRoot = m_root;
    context.configsDir = seedWorkspace(m_root);
    context.binDir = test::binDir();
    context.hostsConfigDir = m_dir.filePath("config");
    MainWindow window(context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    RunsPanel* runs = window.findChild<RunsPanel*>();
    auto* compare = window.findChild<SweepComparePanel*>();
    QVERIFY(compare);
    QTRY_VERIFY(runs->model()->sweepNote(m_sweep.id).known);  // the watch has read it
    QCOMPARE(runs->model()
                 ->index(runs->model()->sweepIndex(m_sweep.id).row(), RunsTableModel::Progress)
                 .data()
                 .toString(),
             QStringLiteral("best val/loss 0.1"));
    runs->selectSweep(m_sweep.id);
    QTRY_COMPARE(window.findChild<ChartPanel*>()->runs().size(), 6);  // every trial's curves
    QTRY_COMPARE(compare->sweepId(), m_sweep.id);
    auto* dock = qobject_cast<QDockWidget*>(compare->parentWidget());
    QVERIFY(dock && dock->isVisible());
    QVERIFY(window.findChild<QAction*>("exportSweepCsv")->isEnabled());

    ParallelChart* chart = compare->chart();
    QTRY_VERIFY(chart->plotWidget()->isVisible());
    const QString target = m_trials[4];
    clickLine(chart, target);
    QTRY_COMPARE(runs->selectedRunIds(), QStringList{target});
    QCOMPARE(window.findChild<ChartPanel*>()->runs().size(), 1);
    QCOMPARE(compare->selectedTrial(), target);
    QCOMPARE(compare->sweepId(), m_sweep.id);  // a trial of the same sweep keeps it in view
}

// The newest run is a trial (a queued one may have nothing to draw): the window starts on its
// whole sweep, curves and comparison.
void SweepCompareTest::windowStartsOnTheNewestSweepsGroup() {
    QTemporaryDir dir;
    AppContext context;
    context.runsRoot = dir.filePath("runs");
    context.configsDir = seedWorkspace(context.runsRoot);
    context.binDir = test::binDir();
    context.hostsConfigDir = dir.filePath("config");
    test::writeLocalRun(context.runsRoot, "20261206-130000-cifar", R"({"state":"finished"})");
    test::SyntheticSweep newer;
    newer.id = "20261206-140000-sweep-late";
    newer.trials = 3;
    newer.running = 1;
    const QStringList trials = test::writeSyntheticSweep(context.runsRoot, newer);
    MainWindow window(context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.findChild<RunsPanel*>()->currentSweepId(), newer.id);
    QCOMPARE(window.findChild<RunsPanel*>()->selectedRunIds(), trials);
    QTRY_COMPARE(window.findChild<ChartPanel*>()->runs().size(), 3);
    QTRY_COMPARE(window.findChild<SweepComparePanel*>()->sweepId(), newer.id);
    RunsTableModel* model = window.findChild<RunsPanel*>()->model();
    QTRY_COMPARE(
        model->index(model->sweepIndex(newer.id).row(), RunsTableModel::State).data().toString(),
        QStringLiteral("2/3 done, 1 running"));
}

QTEST_MAIN(SweepCompareTest)
#include "tst_sweep_compare.moc"
