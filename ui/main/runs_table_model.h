#pragma once
// The runs table: one row per run of the RunCatalog, with a Column enum (qBittorrent style).

#include <QAbstractTableModel>
#include <QIcon>

#include "runs/run_catalog.h"

namespace tb {

class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, State, Target, Started, Duration, Progress, TrainLoss, BestValAcc, Lineage, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1, SortRole };

    explicit RunsTableModel(RunCatalog* catalog, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    QString runIdAt(int row) const;
    int rowOf(const QString& runId) const;

    static QIcon stateIcon(RunState state);
    static QColor stateColor(RunState state);

private:
    void onRunsUpdated(const QStringList& ids);
    QVariant display(const RunInfo& run, int column) const;

    RunCatalog* m_catalog;
};

}  // namespace tb
