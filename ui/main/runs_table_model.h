#pragma once
// The runs table: one row per run of the RunCatalog, with a Column enum (qBittorrent style).
// The trials of a sweep are the children of one group row, so the table is a two-level tree.

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>

#include <functional>
#include <limits>

#include "core/runs/run_catalog.h"

namespace tb {

class RunsTableModel : public QAbstractItemModel {
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
    // RunIdRole is "" on a sweep's group row, SweepIdRole "" on a run outside a sweep.
    enum Role { RunIdRole = Qt::UserRole + 1, SortRole, ShutdownPendingRole, SweepIdRole };

    explicit RunsTableModel(RunCatalog* catalog, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    // A state as the table shows it (translated).
    static QString stateText(RunState state);
    // A scheduler's reason for holding a run back, in words ("nodes busy").
    static QString queueReasonText(const QString& reason);

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

    // What a sweep's group row says beyond its trials' own states: the queue's counts and the
    // best value of the sweep's metric (from its SweepWatch report).
    struct SweepNote {
        bool known = false;  // false: no report yet; the row counts its trials' states
        int done = 0, running = 0, queued = 0, cancelled = 0;
        QString metric;
        double best = std::numeric_limits<double>::quiet_NaN();
        QString bestRun;
    };
    void setSweepNotes(std::function<SweepNote(const QString& sweepId)> notes) {
        m_sweepNotes = std::move(notes);
    }
    void sweepNotesChanged(const QStringList& sweepIds);

    QString runIdAt(int row) const;         // a top-level run's id; "" for a group row
    int rowOf(const QString& runId) const;  // top-level row of a run outside any sweep
    QModelIndex indexOf(const QString& runId, int column = 0) const;  // any run
    QModelIndex sweepIndex(const QString& sweepId, int column = 0) const;
    QStringList sweepRuns(const QString& sweepId) const;  // its trials, in trial order
    SweepNote sweepNote(const QString& sweepId) const;

    static QIcon stateIcon(RunState state);
    static QColor stateColor(RunState state);

private:
    // A top-level row: a run (`run` >= 0, its index in the catalog) or a sweep's group.
    struct Row {
        int run = -1;
        QString sweepId;
        QList<int> trials;  // catalog indices in trial order
    };
    struct GroupFacts {  // what a group row sums up from its trials
        SweepNote note;
        QDateTime started, ended;
        qint64 seconds = 0;
        bool live = false;
        double cost = 0;
        double bestAcc = std::numeric_limits<double>::quiet_NaN();
    };
    void rebuild();
    void onRunsUpdated(const QStringList& ids);
    const RunInfo* runAt(const QModelIndex& index) const;
    const Row* groupAt(const QModelIndex& index) const;
    QVariant runData(const RunInfo& run, int column, int role) const;
    QVariant groupData(const Row& group, int column, int role) const;
    QVariant display(const RunInfo& run, int column) const;
    QVariant groupDisplay(const Row& group, int column) const;
    RunState groupState(const Row& group) const;
    GroupFacts groupFacts(const Row& group) const;
    double hostPrice(const RunInfo& run) const;
    double costSeconds(const RunInfo& run) const;

    RunCatalog* m_catalog;
    QList<Row> m_rows;
    QHash<QString, QPair<int, int>> m_where;  // run id -> (top row, child row or -1)
    QHash<QString, int> m_groupRow;           // sweep id -> top row
    std::function<double(const QString& host)> m_hostPrice;
    std::function<ShutdownNote(const QString& runId)> m_shutdownNotes;
    std::function<SweepNote(const QString& sweepId)> m_sweepNotes;
};

}  // namespace tb
