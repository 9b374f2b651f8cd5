// HostsTableModel: text, state icons and tooltips for the hosts table.

#include "hosts_table_model.h"

#include <QPainter>

#include "remote/hosts/cost_meter.h"
#include "remote/hosts/host_draft.h"
#include "remote/hosts/host_uptime_meter.h"
#include "remote/hosts/hosts_controller.h"
#include "ui/style/column_title.h"
#include "ui/style/painted_icon.h"
#include "ui/style/theme.h"

namespace tb {

QString gpuSummary(const HostReport& report) {
    if (report.gpus.isEmpty()) return HostsTableModel::tr("none");
    QStringList parts;
    QString current;
    int count = 0;
    const auto flush = [&] {
        if (count > 0)
            parts.append(count == 1 ? current : QStringLiteral("%1 × %2").arg(count).arg(current));
    };
    for (const ProbedGpu& gpu : report.gpus) {
        const QString label =
            QStringLiteral("%1 (%2 GiB)").arg(gpu.name).arg((gpu.memoryMiB + 512) / 1024);
        if (label == current) {
            ++count;
            continue;
        }
        flush();
        current = label;
        count = 1;
    }
    flush();
    return parts.join(QStringLiteral(", "));
}

HostsTableModel::HostsTableModel(HostsController* controller, QObject* parent)
    : QAbstractTableModel(parent),
      m_controller(controller),
      m_uptime(new HostUptimeMeter(controller, this)) {
    connect(controller, &HostsController::hostsChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(controller, &HostsController::hostUpdated, this, &HostsTableModel::onHostUpdated);
    connect(m_uptime, &HostUptimeMeter::ticked, this, [this] { columnsChanged(Uptime, Cost); });
}

void HostsTableModel::setShutdownNotes(std::function<QString(const QString& host)> notes) {
    m_shutdownNotes = std::move(notes);
    shutdownNotesChanged();
}

void HostsTableModel::shutdownNotesChanged() {
    columnsChanged(Shutdown, Shutdown);
}

void HostsTableModel::columnsChanged(int first, int last) {
    if (rowCount() > 0) Q_EMIT dataChanged(index(0, first), index(rowCount() - 1, last));
}

int HostsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_controller->hosts().size());
}

int HostsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString HostsTableModel::hostNameAt(int row) const {
    const auto& hosts = m_controller->hosts();
    return row >= 0 && row < hosts.size() ? hosts[row].name : QString();
}

int HostsTableModel::rowOf(const QString& name) const {
    const auto& hosts = m_controller->hosts();
    for (int i = 0; i < hosts.size(); ++i)
        if (hosts[i].name == name) return i;
    return -1;
}

void HostsTableModel::onHostUpdated(const QString& name) {
    const int row = rowOf(name);
    if (row >= 0) Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

// From the application's palette: a theme switch repaints the table, which asks again.
QColor HostsTableModel::stateColor(ConnectionState state) {
    switch (state) {
        case ConnectionState::Connected:
            return theme::color(theme::Tone::Success);
        case ConnectionState::Connecting:
            return theme::color(theme::Tone::Info);
        case ConnectionState::Reconnecting:
            return theme::color(theme::Tone::Warning);
        case ConnectionState::Offline:
            break;
    }
    return theme::color(theme::Tone::Muted);
}

QIcon HostsTableModel::stateIcon(ConnectionState state) {
    return paintedIcon(stateColor(state),
                       [](QPainter& painter) { painter.drawEllipse(QRectF(2, 2, 10, 10)); });
}

QVariant HostsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const QString name = hostNameAt(index.row());
    switch (role) {
        case Qt::DisplayRole:
            return display(index.row(), index.column());
        case Qt::ToolTipRole:
            return toolTip(index.row(), index.column());
        case HostNameRole:
            return name;
        case Qt::DecorationRole:
            if (index.column() == State) return stateIcon(m_controller->state(name));
            return {};
        case Qt::ForegroundRole:
            if (index.column() == State) return stateColor(m_controller->state(name));
            return {};
        case Qt::TextAlignmentRole:
            if (index.column() == Price || index.column() == Uptime || index.column() == Cost)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            return {};
    }
    return {};
}

QVariant HostsTableModel::display(int row, int column) const {
    const RemoteHost& host = m_controller->hosts().at(row);
    switch (column) {
        case Name:
            return host.name;
        case Address:
            return hostAddress(host.target);
        case State: {
            const QString state = connectionStateName(m_controller->state(host.name));
            return m_controller->isProbing(host.name) ? tr("%1, probing").arg(state) : state;
        }
        case Gpus: {
            const HostReport* report = m_controller->report(host.name);
            return report ? gpuSummary(*report) : QString();
        }
        case Price:
            return host.pricePerHour > 0 ? tr("%1 /h").arg(host.pricePerHour, 0, 'f', 2)
                                         : QString();
        case Uptime: {
            const std::optional<double> up = m_uptime->uptime(host.name);
            return up ? formatUptime(*up) : QString();
        }
        case Cost: {
            // No price, or not connected: nothing at all rather than a made-up zero.
            const std::optional<double> up = m_uptime->uptime(host.name);
            if (!up || !(host.pricePerHour > 0)) return QString();
            return QString::fromUtf8(kDefaultCurrency) +
                   QString::number(costOf(host.pricePerHour, *up), 'f', 2);
        }
        case Shutdown:
            return m_shutdownNotes ? m_shutdownNotes(host.name) : QString();
    }
    return {};
}

QVariant HostsTableModel::toolTip(int row, int column) const {
    const RemoteHost& host = m_controller->hosts().at(row);
    switch (column) {
        case State:
            return m_controller->stateMessage(host.name);
        case Gpus:
            return m_controller->report(host.name) ? QVariant()
                                                   : tr("Probe the host (Ctrl+P) to see its GPUs");
        case Uptime:
            return tr("Time since the host booted (its /proc/uptime), read when it connects");
        case Cost: {
            const std::optional<double> up = m_uptime->uptime(host.name);
            if (!(host.pricePerHour > 0)) return tr("Set a price per hour (Edit…) to see the cost");
            return up ? tr("%1 since boot").arg(formatCostSoFar(host.pricePerHour, *up))
                      : tr("Connect to read how long the host has been up");
        }
        case Address:
            return host.target.jump.isEmpty()
                       ? hostAddress(host.target)
                       : tr("%1 via %2").arg(hostAddress(host.target), host.target.jump);
    }
    return {};
}

QVariant HostsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    static const char* const names[] = {
        QT_TR_NOOP("Name"),  QT_TR_NOOP("Address"), QT_TR_NOOP("State"), QT_TR_NOOP("GPUs"),
        QT_TR_NOOP("Price"), QT_TR_NOOP("Up"),      QT_TR_NOOP("Cost"),  QT_TR_NOOP("Shutdown")};
    return columnTitle(staticMetaObject, names, section, orientation, role);
}

}  // namespace tb
