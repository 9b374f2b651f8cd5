#pragma once
// The runs table's filter and sort: the filter box's words against each run's fields, a sweep's
// group kept when one of its trials matches, a sweep's trials kept in trial order.

#include <QSortFilterProxyModel>

namespace tb {

class RunCatalog;

// Matches the filter text against name, id, state, target, tags, note and the sweep: a group
// shows when it or one of its trials matches, with all its trials when it matches itself.
class RunsFilterModel : public QSortFilterProxyModel {
public:
    RunsFilterModel(RunCatalog* catalog, QObject* parent);

    void setFilterText(const QString& text);

protected:
    // A sweep's trials stay in trial order under the default sorts (by start, by name), either
    // way round: the order of the sweep file, not of which slot came free first.
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    RunCatalog* m_catalog;
    QString m_text;
};

}  // namespace tb
