#pragma once
// SweepComparePanel: one sweep's trials side by side — a sortable table (exportable as CSV) and
// a parallel-coordinates chart, the best trial marked in both. It renders a SweepReport and
// reports what the user asks for; it starts, stops and reads nothing itself.

#include <QString>
#include <QWidget>

#include "core/protocol/result.h"
#include "core/services/sweep_status.h"

class QAction;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace tb {

class ParallelChart;
class SweepCompareModel;

class SweepComparePanel : public QWidget {
    Q_OBJECT

public:
    explicit SweepComparePanel(QWidget* parent = nullptr);

    // nullptr: no sweep shown (a hint says how to pick one).
    void setReport(const SweepReport* report);
    QString sweepId() const { return m_sweepId; }
    // Marks the trial in the table and the chart without emitting trialSelected.
    void selectTrial(const QString& runId);
    QString selectedTrial() const;

    // The table as shown (its sort order), a header line, then one line per trial.
    QString csv() const;
    Result<void> exportCsv(const QString& path) const;
    QAction* exportAction() const { return m_exportAction; }

    SweepCompareModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    ParallelChart* chart() const { return m_chart; }
    QLabel* title() const { return m_title; }

Q_SIGNALS:
    void trialSelected(const QString& runId);
    void forkRequested(const QString& runId);
    void cancelTrialRequested(const QString& sweepId, int trial);  // 1-based
    void cancelSweepRequested(const QString& sweepId);
    void addTrialsRequested(const QString& sweepId);

private:
    void showContextMenu(const QPoint& position);
    void onTableSelection();
    void updateChart();
    void updateTitle();
    void chooseExportFile();

    SweepCompareModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    ParallelChart* m_chart;
    QLabel* m_title;
    QLabel* m_legend;
    QAction* m_exportAction;
    QPushButton* m_addButton;
    QString m_sweepId;
    bool m_selecting = false;  // selectTrial in progress: no trialSelected
};

}  // namespace tb
