// SweepComparePanel: table and chart kept on the same trial; CSV as the table shows it.
#include "sweep_compare_panel.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "core/services/sweep_axes.h"
#include "core/services/sweep_watch.h"
#include "sweep_compare_model.h"
#include "ui/plot/parallel_chart.h"

namespace tb {

namespace {

QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

}  // namespace

SweepComparePanel::SweepComparePanel(QWidget* parent)
    : QWidget(parent),
      m_model(new SweepCompareModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)),
      m_chart(new ParallelChart(this)),
      m_title(new QLabel(this)),
      m_legend(new QLabel(this)),
      m_exportAction(new QAction(tr("Export Sweep as CSV…"), this)),
      m_addButton(new QPushButton(tr("Add Trials…"), this)) {
    setObjectName(QStringLiteral("sweepComparePanel"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SweepCompareModel::SortRole);
    m_table->setObjectName(QStringLiteral("sweepTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    // Fitted once per sweep shown, not on every refresh: measuring 200 rows' cells each second
    // would cost more than the refresh itself (bench_sweep_ui).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    connect(m_model, &QAbstractItemModel::modelReset, m_table,
            &QTableView::resizeColumnsToContents);
    m_table->setAlternatingRowColors(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_title->setObjectName(QStringLiteral("sweepTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = m_legend->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_legend->setFont(small);
    m_legend->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_exportAction->setObjectName(QStringLiteral("exportSweepCsv"));
    m_exportAction->setEnabled(false);
    connect(m_exportAction, &QAction::triggered, this, &SweepComparePanel::chooseExportFile);
    auto* exportButton = new QPushButton(m_exportAction->text(), this);
    exportButton->setObjectName(QStringLiteral("exportSweepButton"));
    connect(exportButton, &QPushButton::clicked, m_exportAction, &QAction::trigger);
    connect(m_exportAction, &QAction::enabledChanged, exportButton, &QWidget::setEnabled);
    exportButton->setEnabled(false);
    m_addButton->setObjectName(QStringLiteral("addTrialsButton"));
    m_addButton->setToolTip(tr("Queue more trials in this sweep, numbered after its last"));
    connect(m_addButton, &QPushButton::clicked, this,
            [this] { Q_EMIT addTrialsRequested(m_sweepId); });

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SweepComparePanel::onTableSelection);
    connect(m_table, &QWidget::customContextMenuRequested, this,
            &SweepComparePanel::showContextMenu);
    connect(m_chart, &ParallelChart::lineClicked, this, [this](const QString& runId) {
        selectTrial(runId);
        Q_EMIT trialSelected(runId);
    });

    auto* top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_addButton);
    top->addWidget(exportButton);
    auto* chartSide = new QWidget(this);
    auto* chartLayout = new QVBoxLayout(chartSide);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_chart, 1);
    chartLayout->addWidget(m_legend);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(chartSide);
    // Half each: the table's own width hint would leave the chart a sliver.
    m_table->setMinimumWidth(200);
    split->setSizes({1000, 1000});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    setReport(nullptr);
}

void SweepComparePanel::setReport(const SweepReport* report) {
    const QString keep = selectedTrial();
    m_sweepId = report ? report->id : QString();
    m_model->setReport(report ? *report : SweepReport{});
    m_exportAction->setEnabled(report != nullptr);
    m_addButton->setEnabled(report && report->takesMoreTrials());
    updateTitle();
    updateChart();
    if (!keep.isEmpty()) selectTrial(keep);
}

void SweepComparePanel::updateTitle() {
    const SweepReport& report = m_model->report();
    if (m_sweepId.isEmpty()) {
        m_title->setText(tr("Select a sweep in the runs table to compare its trials."));
        m_legend->clear();
        return;
    }
    QString text = tr("<b>%1</b>: %2/%3 done")
                       .arg(m_sweepId.toHtmlEscaped())
                       .arg(report.count(TrialQueueState::Done))
                       .arg(report.trials.size());
    if (const int running = report.count(TrialQueueState::Running); running > 0)
        text += tr(", %1 running").arg(running);
    if (const int queued = report.count(TrialQueueState::Queued); queued > 0)
        text += tr(", %1 queued").arg(queued);
    if (report.bestRow >= 0) {
        const SweepTrialRow& best = report.trials[report.bestRow];
        // The keys that differ over the whole sweep: a trial's own label names only those that
        // differ within its spec (an added spec may keep one fixed).
        QStringList values;
        for (const QString& key : m_model->keys())
            values << key + QLatin1Char('=') + best.values.value(key);
        text += tr(" · best %1 %2 (trial %3: %4)")
                    .arg(report.metric.toHtmlEscaped(), metricText(best.best))
                    .arg(best.trial + 1)
                    .arg((values.isEmpty() ? best.label : values.join(QLatin1Char(' ')))
                             .toHtmlEscaped());
    }
    m_title->setText(text);
    m_legend->setText(tr("Colour by %1: green best, red worst, grey none yet. Click a line to "
                         "select its trial.")
                          .arg(report.metric));
    m_legend->setToolTip(m_legend->text());
}

void SweepComparePanel::updateChart() {
    const SweepReport& report = m_model->report();
    const ParallelLayout layout = parallelLayout(report, m_model->keys());
    QList<ParallelChart::Line> lines;
    lines.reserve(report.trials.size());
    for (int i = 0; i < report.trials.size(); ++i) {
        const SweepTrialRow& row = report.trials[i];
        lines.append({row.run, QStringLiteral("#%1 %2").arg(row.trial + 1).arg(row.label),
                      layout.positions[i], layout.score[i]});
    }
    const QString best = report.bestRow >= 0 ? report.trials[report.bestRow].run : QString();
    m_chart->setData(layout.axes, lines, best);
}

QString SweepComparePanel::selectedTrial() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(SweepCompareModel::RunIdRole).toString();
}

void SweepComparePanel::selectTrial(const QString& runId) {
    m_selecting = true;
    const int row = m_model->rowOf(runId);
    if (row < 0) {
        m_table->clearSelection();
    } else {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        m_table->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(index);
    }
    m_chart->setSelected(row < 0 ? QString() : runId);
    m_selecting = false;
}

void SweepComparePanel::onTableSelection() {
    const QString runId = selectedTrial();
    m_chart->setSelected(runId);
    if (!m_selecting && !runId.isEmpty()) Q_EMIT trialSelected(runId);
}

void SweepComparePanel::showContextMenu(const QPoint& position) {
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid() || m_sweepId.isEmpty()) return;
    const int row = m_proxy->mapToSource(index).row();
    const SweepTrialRow& trial = m_model->report().trials[row];
    const QString sweep = m_sweepId;
    QMenu menu(this);
    QAction* fork = menu.addAction(tr("Fork from best checkpoint…"), this,
                                   [this, run = trial.run] { Q_EMIT forkRequested(run); });
    fork->setObjectName(QStringLiteral("forkFromBest"));
    fork->setEnabled(trial.info.state != RunState::Queued);
    QAction* cancel = menu.addAction(tr("Cancel trial"), this, [this, sweep, n = trial.trial] {
        Q_EMIT cancelTrialRequested(sweep, n + 1);
    });
    cancel->setObjectName(QStringLiteral("cancelTrial"));
    cancel->setEnabled(trial.queue == TrialQueueState::Queued ||
                       trial.queue == TrialQueueState::Running);
    QAction* all = menu.addAction(tr("Cancel sweep"), this,
                                  [this, sweep] { Q_EMIT cancelSweepRequested(sweep); });
    all->setObjectName(QStringLiteral("cancelSweep"));
    all->setEnabled(!sweepSettled(m_model->report()));
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

QString SweepComparePanel::csv() const {
    QStringList lines;
    QStringList header;
    for (int c = 0; c < m_proxy->columnCount(); ++c)
        header << csvField(m_proxy->headerData(c, Qt::Horizontal).toString());
    header << tr("Run") << tr("Best trial");
    lines << header.join(QLatin1Char(','));
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        QStringList fields;
        for (int c = 0; c < m_proxy->columnCount(); ++c)
            fields << csvField(m_proxy->index(r, c).data().toString());
        const QModelIndex first = m_proxy->index(r, 0);
        fields << csvField(first.data(SweepCompareModel::RunIdRole).toString())
               << (first.data(SweepCompareModel::BestTrialRole).toBool() ? QStringLiteral("yes")
                                                                         : QString());
        lines << fields.join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

Result<void> SweepComparePanel::exportCsv(const QString& path) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv().toUtf8()) < 0 || !file.commit())
        return fail("cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    return {};
}

void SweepComparePanel::chooseExportFile() {
    if (m_sweepId.isEmpty()) return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export sweep"), m_sweepId + QStringLiteral(".csv"), tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    if (auto written = exportCsv(path); !written)
        QMessageBox::warning(this, tr("Export failed"), QString::fromStdString(written.error()));
}

}  // namespace tb
