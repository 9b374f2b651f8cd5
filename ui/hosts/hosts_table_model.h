#pragma once
// HostsTableModel: one row per stored host — name, address, connection state, GPUs, price,
// uptime and cost so far, and a pending shutdown.

#include <QAbstractTableModel>
#include <QIcon>

#include <functional>

#include "remote/hosts/host_probe_report.h"
#include "remote/ssh/host_connection.h"

namespace tb {

class HostsController;
class HostUptimeMeter;

class HostsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Address, State, Gpus, Price, Uptime, Cost, Shutdown, ColumnCount };
    enum Role { HostNameRole = Qt::UserRole + 1 };

    explicit HostsTableModel(HostsController* controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    QString hostNameAt(int row) const;
    int rowOf(const QString& name) const;

    HostUptimeMeter* uptimeMeter() const { return m_uptime; }
    // What the Shutdown column says for a host ("shuts down in 4:32"); empty: nothing pending.
    void setShutdownNotes(std::function<QString(const QString& host)> notes);
    void shutdownNotesChanged();

    static QColor stateColor(ConnectionState state);
    static QIcon stateIcon(ConnectionState state);

private:
    QVariant display(int row, int column) const;
    QVariant toolTip(int row, int column) const;
    void onHostUpdated(const QString& name);
    void columnsChanged(int first, int last);

    HostsController* m_controller;
    HostUptimeMeter* m_uptime;
    std::function<QString(const QString& host)> m_shutdownNotes;
};

// "2 × NVIDIA A100 80GB" for the hosts table; "none" when the probe saw no GPU.
QString gpuSummary(const HostReport& report);

}  // namespace tb
