// Runs table model: the tree of runs and sweep groups over the catalog's list, and its roles.
#include "runs_table_model.h"

#include <cmath>

#include "remote/hosts/cost_meter.h"

namespace tb {

namespace {

constexpr quintptr kTopLevel = 0;  // internalId of a top-level row; a child's is its group row + 1

}  // namespace

RunsTableModel::RunsTableModel(RunCatalog* catalog, QObject* parent)
    : QAbstractItemModel(parent), m_catalog(catalog) {
    connect(catalog, &RunCatalog::runsReset, this, [this] {
        beginResetModel();
        rebuild();
        endResetModel();
    });
    connect(catalog, &RunCatalog::runsUpdated, this, &RunsTableModel::onRunsUpdated);
    rebuild();
}

// Newest first, as the catalog lists them; a sweep's group stands where its newest trial would.
void RunsTableModel::rebuild() {
    m_rows.clear();
    m_where.clear();
    m_groupRow.clear();
    const auto& runs = m_catalog->runs();
    for (int i = 0; i < runs.size(); ++i) {
        const RunInfo& run = runs[i];
        if (run.sweepId.isEmpty()) {
            m_where.insert(run.id, {int(m_rows.size()), -1});
            m_rows.append(Row{i, {}, {}});
            continue;
        }
        auto group = m_groupRow.constFind(run.sweepId);
        if (group == m_groupRow.constEnd()) {
            group = m_groupRow.insert(run.sweepId, int(m_rows.size()));
            m_rows.append(Row{-1, run.sweepId, {}});
        }
        m_rows[*group].trials.append(i);
    }
    for (int top : std::as_const(m_groupRow)) {
        QList<int>& trials = m_rows[top].trials;
        std::stable_sort(trials.begin(), trials.end(),
                         [&runs](int a, int b) { return runs[a].sweepTrial < runs[b].sweepTrial; });
        for (int child = 0; child < trials.size(); ++child)
            m_where.insert(runs[trials[child]].id, {top, child});
    }
}

QModelIndex RunsTableModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= ColumnCount || row < 0) return {};
    if (!parent.isValid())
        return row < m_rows.size() ? createIndex(row, column, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel || parent.row() >= m_rows.size()) return {};
    if (row >= m_rows[parent.row()].trials.size()) return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex RunsTableModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kTopLevel) return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int RunsTableModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return int(m_rows.size());
    if (parent.internalId() != kTopLevel || parent.column() != 0) return 0;
    return parent.row() < m_rows.size() ? int(m_rows[parent.row()].trials.size()) : 0;
}

int RunsTableModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

const RunInfo* RunsTableModel::runAt(const QModelIndex& index) const {
    if (!index.isValid()) return nullptr;
    const auto& runs = m_catalog->runs();
    int run = -1;
    if (index.internalId() == kTopLevel) {
        run = index.row() < m_rows.size() ? m_rows[index.row()].run : -1;
    } else {
        const int top = int(index.internalId() - 1);
        if (top < m_rows.size() && index.row() < m_rows[top].trials.size())
            run = m_rows[top].trials[index.row()];
    }
    return run >= 0 && run < runs.size() ? &runs[run] : nullptr;
}

const RunsTableModel::Row* RunsTableModel::groupAt(const QModelIndex& index) const {
    if (!index.isValid() || index.internalId() != kTopLevel || index.row() >= m_rows.size())
        return nullptr;
    const Row& row = m_rows[index.row()];
    return row.sweepId.isEmpty() ? nullptr : &row;
}

QString RunsTableModel::runIdAt(int row) const {
    const RunInfo* run = runAt(index(row, 0));
    return run ? run->id : QString();
}

int RunsTableModel::rowOf(const QString& runId) const {
    const auto where = m_where.constFind(runId);
    return where != m_where.constEnd() && where->second < 0 ? where->first : -1;
}

QModelIndex RunsTableModel::indexOf(const QString& runId, int column) const {
    const auto where = m_where.constFind(runId);
    if (where == m_where.constEnd()) return {};
    if (where->second < 0) return index(where->first, column);
    return index(where->second, column, index(where->first, 0));
}

QModelIndex RunsTableModel::sweepIndex(const QString& sweepId, int column) const {
    const auto row = m_groupRow.constFind(sweepId);
    return row == m_groupRow.constEnd() ? QModelIndex() : index(*row, column);
}

QStringList RunsTableModel::sweepRuns(const QString& sweepId) const {
    QStringList ids;
    const auto row = m_groupRow.constFind(sweepId);
    if (row == m_groupRow.constEnd()) return ids;
    for (int run : m_rows[*row].trials) ids << m_catalog->runs()[run].id;
    return ids;
}

RunsTableModel::SweepNote RunsTableModel::sweepNote(const QString& sweepId) const {
    return m_sweepNotes ? m_sweepNotes(sweepId) : SweepNote{};
}

void RunsTableModel::shutdownNotesChanged(const QStringList& runIds) {
    for (const QString& id : runIds) {
        const QModelIndex cell = indexOf(id, Shutdown);
        if (cell.isValid()) Q_EMIT dataChanged(cell, cell);
    }
}

void RunsTableModel::sweepNotesChanged(const QStringList& sweepIds) {
    for (const QString& id : sweepIds) {
        const QModelIndex first = sweepIndex(id, 0);
        if (first.isValid()) Q_EMIT dataChanged(first, sweepIndex(id, ColumnCount - 1));
    }
}

double RunsTableModel::hostPrice(const RunInfo& run) const {
    const QString host = m_catalog->hostOf(run);
    return m_hostPrice && !host.isEmpty() ? m_hostPrice(host) : 0.0;
}

double RunsTableModel::costSeconds(const RunInfo& run) const {
    const auto epoch = [](const QDateTime& time) {
        return time.isValid() ? time.toMSecsSinceEpoch() / 1000.0 : 0.0;
    };
    return runSeconds(epoch(run.started), epoch(run.ended), epoch(QDateTime::currentDateTime()));
}

// One dataChanged per run outside a sweep, one per group for its trials and one for its row.
void RunsTableModel::onRunsUpdated(const QStringList& ids) {
    QList<int> groups;
    for (const QString& id : ids) {
        const auto where = m_where.constFind(id);
        if (where == m_where.constEnd()) continue;
        if (where->second < 0) {
            Q_EMIT dataChanged(index(where->first, 0), index(where->first, ColumnCount - 1));
        } else if (!groups.contains(where->first)) {
            groups << where->first;
        }
    }
    for (int top : std::as_const(groups)) {
        const QModelIndex group = index(top, 0);
        Q_EMIT dataChanged(group, index(top, ColumnCount - 1));
        const int last = rowCount(group) - 1;
        Q_EMIT dataChanged(index(0, 0, group), index(last, ColumnCount - 1, group));
    }
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
    if (const Row* group = groupAt(index)) return groupData(*group, index.column(), role);
    const RunInfo* run = runAt(index);
    return run ? runData(*run, index.column(), role) : QVariant();
}

QVariant RunsTableModel::runData(const RunInfo& run, int column, int role) const {
    switch (role) {
        case Qt::DisplayRole:
            return display(run, column);
        case Qt::DecorationRole:
            return column == State ? QVariant(stateIcon(run.state)) : QVariant();
        case Qt::ForegroundRole:
            return column == State ? QVariant(stateColor(run.state)) : QVariant();
        case Qt::ToolTipRole:
            if (column == Name) {
                return run.id +
                       (run.tags.isEmpty() ? QString() : "\ntags: " + run.tags.join(", ")) +
                       (run.note.isEmpty() ? QString() : "\n" + run.note) +
                       (run.code.isEmpty() ? QString() : "\n" + tr("code: %1").arg(run.code));
            }
            if (column == Shutdown && m_shutdownNotes) return m_shutdownNotes(run.id).toolTip;
            if (column == Cost && !display(run, Cost).toString().isEmpty())
                return formatRunCost(hostPrice(run), costSeconds(run));
            if (column == Target && !m_catalog->hostOf(run).isEmpty())
                return tr("On host %1, in %2").arg(run.target, run.dir);
            return column == State && !run.message.isEmpty() ? run.message : QVariant();
        case RunIdRole:
            return run.id;
        case SweepIdRole:
            return run.sweepId;
        case ShutdownPendingRole:
            return m_shutdownNotes && m_shutdownNotes(run.id).pending;
        case SortRole:
            switch (column) {
                case Name:
                    return run.sweepId.isEmpty() ? display(run, Name) : QVariant(run.sweepTrial);
                case Started:
                    return run.started;
                case Duration:
                    return run.durationSeconds(QDateTime::currentDateTime());
                case Progress:
                    return run.step;
                case TrainLoss:
                    return run.lastTrainLoss;
                case BestValAcc:
                    return run.bestValAcc;
                case Cost:
                    return costOf(hostPrice(run), costSeconds(run));
                default:
                    return display(run, column);
            }
    }
    return {};
}

}  // namespace tb
