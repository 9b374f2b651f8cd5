#pragma once
// The runs table: one row per run of the RunCatalog, with a Column enum (qBittorrent style).

#include <QAbstractTableModel>
#include <QIcon>

#include <functional>

#include "core/runs/run_catalog.h"

namespace tb {

class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Name,
        State,
        Target,
        Started,
        Duration,
        Progress,
        TrainLoss,
        BestValAcc,
        Lineage,
        Cost,
        Shutdown,
        ColumnCount
    };
    // ShutdownPendingRole: true while a shutdown is armed or counting down for the run's host.
    enum Role { RunIdRole = Qt::UserRole + 1, SortRole, ShutdownPendingRole };

    explicit RunsTableModel(RunCatalog* catalog, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    // A state as the table shows it (translated).
    static QString stateText(RunState state);

    // A host's price per hour (0: none) for the Cost column of its runs; local runs cost nothing
    // shown.
    void setHostPrice(std::function<double(const QString& host)> price) {
        m_hostPrice = std::move(price);
    }
    // What the Shutdown column says for a run, and whether that shutdown is still ahead.
    struct ShutdownNote {
        QString text;
        QString toolTip;
        bool pending = false;
    };
    void setShutdownNotes(std::function<ShutdownNote(const QString& runId)> notes) {
        m_shutdownNotes = std::move(notes);
    }
    void shutdownNotesChanged(const QStringList& runIds);

    QString runIdAt(int row) const;
    int rowOf(const QString& runId) const;

    static QIcon stateIcon(RunState state);
    static QColor stateColor(RunState state);

private:
    void onRunsUpdated(const QStringList& ids);
    QVariant display(const RunInfo& run, int column) const;
    double hostPrice(const RunInfo& run) const;
    double costSeconds(const RunInfo& run) const;

    RunCatalog* m_catalog;
    std::function<double(const QString& host)> m_hostPrice;
    std::function<ShutdownNote(const QString& runId)> m_shutdownNotes;
};

}  // namespace tb
