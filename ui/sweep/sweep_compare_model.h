#pragma once
// The trials of one sweep side by side: the keys that differ, the metric's best and final value,
// epochs, duration, state and cost; the best trial marked. Columns depend on the sweep, so they
// are numbered at run time: the trial, one per varied key, then the Column enum's fixed ones.

#include <QAbstractTableModel>
#include <QStringList>

#include <functional>

#include "core/services/sweep_status.h"

namespace tb {

class SweepCompareModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Fixed { Best, Last, Epochs, Duration, State, Cost, FixedCount };
    enum Role { RunIdRole = Qt::UserRole + 1, SortRole, TrialRole, BestTrialRole };

    explicit SweepCompareModel(QObject* parent = nullptr);

    // Replaces the rows; the columns change only when the varied keys do.
    void setReport(const SweepReport& report);
    const SweepReport& report() const { return m_report; }
    const QStringList& keys() const { return m_keys; }
    // Price per hour of the sweep's target (0: none, the Cost column stays blank).
    void setPrice(double perHour);
    // How a run state reads (the runs table's words, so both say the same).
    void setStateText(std::function<QString(RunState)> text) { m_stateText = std::move(text); }

    int column(Fixed fixed) const { return 1 + int(m_keys.size()) + int(fixed); }
    int rowOf(const QString& runId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(const SweepTrialRow& row, int column) const;
    QVariant sortKey(const SweepTrialRow& row, int column) const;
    QString stateOf(const SweepTrialRow& row) const;
    double costOfRow(const SweepTrialRow& row) const;

    SweepReport m_report;
    QStringList m_keys;
    double m_price = 0;
    std::function<QString(RunState)> m_stateText;
};

}  // namespace tb
