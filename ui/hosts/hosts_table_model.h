#pragma once
// HostsTableModel: one row per stored host — name, address, connection state, GPUs, price.

#include <QAbstractTableModel>
#include <QIcon>

#include "remote/host_connection.h"
#include "remote/host_probe_report.h"

namespace tb {

class HostsController;

class HostsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Address, State, Gpus, Price, ColumnCount };
    enum Role { HostNameRole = Qt::UserRole + 1 };

    explicit HostsTableModel(HostsController* controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    QString hostNameAt(int row) const;
    int rowOf(const QString& name) const;

    static QColor stateColor(ConnectionState state);
    static QIcon stateIcon(ConnectionState state);

private:
    QVariant display(int row, int column) const;
    QVariant toolTip(int row, int column) const;
    void onHostUpdated(const QString& name);

    HostsController* m_controller;
};

// "2 × NVIDIA A100 80GB" for the hosts table; "none" when the probe saw no GPU.
QString gpuSummary(const HostReport& report);

}  // namespace tb
