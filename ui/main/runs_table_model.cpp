// Runs table model: display text, state icons and colours, sort keys.
#include "runs_table_model.h"

#include <QPainter>
#include <QPixmap>

#include <cmath>

#include "remote/hosts/cost_meter.h"
#include "ui/style/theme.h"

namespace tb {
namespace {

QString formatDuration(qint64 seconds) {
    if (seconds < 0) return {};
    if (seconds < 3600)
        return QString("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QChar('0'));
    return QString("%1:%2:%3")
        .arg(seconds / 3600)
        .arg(seconds / 60 % 60, 2, 10, QChar('0'))
        .arg(seconds % 60, 2, 10, QChar('0'));
}

}  // namespace

RunsTableModel::RunsTableModel(RunCatalog* catalog, QObject* parent)
    : QAbstractTableModel(parent), m_catalog(catalog) {
    connect(catalog, &RunCatalog::runsReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(catalog, &RunCatalog::runsUpdated, this, &RunsTableModel::onRunsUpdated);
}

int RunsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_catalog->runs().size());
}

int RunsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunsTableModel::runIdAt(int row) const {
    const auto& runs = m_catalog->runs();
    return row >= 0 && row < runs.size() ? runs[row].id : QString();
}

int RunsTableModel::rowOf(const QString& runId) const {
    const auto& runs = m_catalog->runs();
    for (int i = 0; i < runs.size(); ++i) {
        if (runs[i].id == runId) return i;
    }
    return -1;
}

void RunsTableModel::shutdownNotesChanged(const QStringList& runIds) {
    for (const QString& id : runIds) {
        const int row = rowOf(id);
        if (row >= 0) Q_EMIT dataChanged(index(row, Shutdown), index(row, Shutdown));
    }
}

double RunsTableModel::hostPrice(const RunInfo& run) const {
    return m_hostPrice && m_catalog->isRemote(run) ? m_hostPrice(run.target) : 0.0;
}

double RunsTableModel::costSeconds(const RunInfo& run) const {
    const auto epoch = [](const QDateTime& time) {
        return time.isValid() ? time.toMSecsSinceEpoch() / 1000.0 : 0.0;
    };
    return runSeconds(epoch(run.started), epoch(run.ended), epoch(QDateTime::currentDateTime()));
}

void RunsTableModel::onRunsUpdated(const QStringList& ids) {
    int first = rowCount(), last = -1;
    for (const QString& id : ids) {
        const int row = rowOf(id);
        if (row < 0) continue;
        first = std::min(first, row);
        last = std::max(last, row);
    }
    if (last >= first) Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

// From the application's palette: a theme switch repaints the table, which asks again.
QColor RunsTableModel::stateColor(RunState state) {
    using theme::Tone;
    switch (state) {
        case RunState::Queued:
            return theme::color(Tone::Muted);
        case RunState::Starting:
        case RunState::Running:
            return theme::color(Tone::Info);
        case RunState::Finished:
            return theme::color(Tone::Success);
        case RunState::Failed:
            return theme::color(Tone::Error);
        case RunState::Stopped:
            return theme::color(Tone::Warning);
        case RunState::Lost:
            return theme::color(Tone::Lost);
    }
    return theme::color(Tone::Muted);
}

QIcon RunsTableModel::stateIcon(RunState state) {
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(stateColor(state));
    if (state == RunState::Running || state == RunState::Starting) {
        painter.drawPolygon(QPolygonF({QPointF(3, 2), QPointF(12, 7), QPointF(3, 12)}));
    } else if (state == RunState::Stopped) {
        painter.drawRect(3, 3, 8, 8);
    } else {
        painter.drawEllipse(2, 2, 10, 10);
    }
    return QIcon(pixmap);
}

QVariant RunsTableModel::display(const RunInfo& run, int column) const {
    switch (column) {
        case Name:
            return run.label();
        case State:
            return stateText(run.state);
        case Target: {
            const QString note = m_catalog->hostNote(run.target);
            const QString where = run.target == QLatin1String("local") ? tr("local") : run.target;
            return note.isEmpty() ? where : where + " (" + note + ")";
        }
        case Started:
            return run.started.isValid() ? run.started.toString("yyyy-MM-dd HH:mm") : QString();
        case Duration:
            return formatDuration(run.durationSeconds(QDateTime::currentDateTime()));
        case Progress:
            return QString("%1 / %2").arg(run.epoch).arg(run.step);
        case TrainLoss:
            return std::isnan(run.lastTrainLoss) ? QString()
                                                 : QString::number(run.lastTrainLoss, 'g', 4);
        case BestValAcc:
            return std::isnan(run.bestValAcc)
                       ? QString()
                       : QString::number(run.bestValAcc * 100, 'f', 2) + " %";
        case Lineage:
            return run.parentRun.isEmpty() ? QString() : "↳ " + run.parentRun;
        case Cost: {
            // Only remote runs on a host with a price: no made-up zero for the others.
            const double price = hostPrice(run);
            if (!(price > 0) || !run.started.isValid()) return QString();
            return QString::fromUtf8(kDefaultCurrency) +
                   QString::number(costOf(price, costSeconds(run)), 'f', 2);
        }
        case Shutdown:
            return m_shutdownNotes ? m_shutdownNotes(run.id).text : QString();
    }
    return {};
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const RunInfo& run = m_catalog->runs()[index.row()];
    switch (role) {
        case Qt::DisplayRole:
            return display(run, index.column());
        case Qt::DecorationRole:
            return index.column() == State ? QVariant(stateIcon(run.state)) : QVariant();
        case Qt::ForegroundRole:
            return index.column() == State ? QVariant(stateColor(run.state)) : QVariant();
        case Qt::ToolTipRole:
            if (index.column() == Name) {
                return run.id +
                       (run.tags.isEmpty() ? QString() : "\ntags: " + run.tags.join(", ")) +
                       (run.note.isEmpty() ? QString() : "\n" + run.note);
            }
            if (index.column() == Shutdown && m_shutdownNotes)
                return m_shutdownNotes(run.id).toolTip;
            if (index.column() == Cost && !display(run, Cost).toString().isEmpty())
                return formatRunCost(hostPrice(run), costSeconds(run));
            if (index.column() == Target && m_catalog->isRemote(run))
                return tr("On host %1, in %2").arg(run.target, run.dir);
            return index.column() == State && !run.message.isEmpty() ? run.message : QVariant();
        case RunIdRole:
            return run.id;
        case ShutdownPendingRole:
            return m_shutdownNotes && m_shutdownNotes(run.id).pending;
        case SortRole:
            switch (index.column()) {
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
                    return display(run, index.column());
            }
    }
    return {};
}

QString RunsTableModel::stateText(RunState state) {
    switch (state) {
        case RunState::Queued:
            return tr("queued");
        case RunState::Starting:
            return tr("starting");
        case RunState::Running:
            return tr("running");
        case RunState::Finished:
            return tr("finished");
        case RunState::Failed:
            return tr("failed");
        case RunState::Stopped:
            return tr("stopped");
        case RunState::Lost:
            return tr("lost");
    }
    return QString::fromLatin1(runStateName(state).data());
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    static const char* const names[] = {
        QT_TR_NOOP("Name"),       QT_TR_NOOP("State"),        QT_TR_NOOP("Target"),
        QT_TR_NOOP("Started"),    QT_TR_NOOP("Duration"),     QT_TR_NOOP("Epoch / step"),
        QT_TR_NOOP("Train loss"), QT_TR_NOOP("Best val acc"), QT_TR_NOOP("Parent"),
        QT_TR_NOOP("Cost"),       QT_TR_NOOP("Shutdown")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

}  // namespace tb
