#pragma once
// Table model over a CheckpointCatalog: epoch, step, time, metrics, size, verification.

#include <QAbstractTableModel>

namespace tb {

class CheckpointCatalog;

class CheckpointTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Epoch, Step, Time, ValLoss, ValAcc, Size, Check, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1 };

    explicit CheckpointTableModel(CheckpointCatalog* catalog, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    CheckpointCatalog* m_catalog;
};

}  // namespace tb
