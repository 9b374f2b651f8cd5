// RunsFilterModel: the runs table's filter words and its order within a sweep's group.
#include "runs_filter_model.h"

#include "core/runs/run_catalog.h"
#include "runs_table_model.h"

namespace tb {

RunsFilterModel::RunsFilterModel(RunCatalog* catalog, QObject* parent)
    : QSortFilterProxyModel(parent), m_catalog(catalog) {
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void RunsFilterModel::setFilterText(const QString& text) {
    m_text = text;
    invalidateFilter();
}

bool RunsFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const int column = left.column();
    if (left.parent().isValid() &&
        (column == RunsTableModel::Started || column == RunsTableModel::Name)) {
        const bool before = left.row() < right.row();  // the model keeps trial order
        return sortOrder() == Qt::AscendingOrder ? before : !before;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool RunsFilterModel::filterAcceptsRow(int row, const QModelIndex& parent) const {
    if (m_text.isEmpty()) return true;
    const QModelIndex index = sourceModel()->index(row, 0, parent);
    // A host about to shut down stays in view whatever the filter says.
    if (index.data(RunsTableModel::ShutdownPendingRole).toBool()) return true;
    const RunInfo* run = m_catalog->find(index.data(RunsTableModel::RunIdRole).toString());
    const QStringList fields =
        run ? QStringList{run->name,
                          run->id,
                          QString::fromLatin1(runStateName(run->state).data()),
                          run->target,
                          run->tags.join(' '),
                          run->note,
                          run->sweepLabel}
            : QStringList{index.data(RunsTableModel::SweepIdRole).toString(),
                          index.data().toString()};
    for (const QString& word : m_text.split(' ', Qt::SkipEmptyParts)) {
        bool found = false;
        for (const QString& field : fields)
            found = found || field.contains(word, Qt::CaseInsensitive);
        if (!found) return false;
    }
    return true;
}

}  // namespace tb
