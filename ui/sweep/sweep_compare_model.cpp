// SweepCompareModel: display and sort keys of the trial rows; numbers sort as numbers, a trial
// without a value sorts after every trial with one.
#include "sweep_compare_model.h"

#include <QFont>
#include <QIcon>
#include <QPainter>

#include <cmath>
#include <limits>

#include "core/services/sweep_axes.h"
#include "remote/hosts/cost_meter.h"
#include "ui/style/painted_icon.h"
#include "ui/style/theme.h"

namespace tb {

namespace {

// A five-pointed star in the theme's warning tone (amber in both themes).
QIcon bestIcon() {
    return paintedIcon(theme::color(theme::Tone::Warning), [](QPainter& painter) {
        QPolygonF star;
        for (int i = 0; i < 10; ++i) {
            const double radius = i % 2 == 0 ? 6.5 : 2.8;
            const double angle = -M_PI / 2 + i * M_PI / 5;
            star << QPointF(7 + radius * std::cos(angle), 7 + radius * std::sin(angle));
        }
        painter.drawPolygon(star);
    });
}

}  // namespace

SweepCompareModel::SweepCompareModel(QObject* parent) : QAbstractTableModel(parent) {
}

void SweepCompareModel::setReport(const SweepReport& report) {
    const QStringList keys = variedKeys(report);
    if (keys != m_keys || report.metric != m_report.metric ||
        report.trials.size() != m_report.trials.size()) {
        beginResetModel();
        m_report = report;
        m_keys = keys;
        endResetModel();
        return;
    }
    m_report = report;
    if (!m_report.trials.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void SweepCompareModel::setPrice(double perHour) {
    m_price = perHour;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, column(Cost)), index(rowCount() - 1, column(Cost)));
}

int SweepCompareModel::rowOf(const QString& runId) const {
    for (int i = 0; i < m_report.trials.size(); ++i)
        if (m_report.trials[i].run == runId) return i;
    return -1;
}

int SweepCompareModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_report.trials.size());
}

int SweepCompareModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : column(FixedCount);
}

QString SweepCompareModel::stateOf(const SweepTrialRow& row) const {
    switch (row.queue) {
        case TrialQueueState::Queued:
            return tr("queued");
        case TrialQueueState::Cancelled:
            return tr("cancelled");
        default:
            break;
    }
    if (m_stateText) return m_stateText(row.info.state);
    const std::string_view name = runStateName(row.info.state);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

double SweepCompareModel::costOfRow(const SweepTrialRow& row) const {
    const auto epoch = [](const QDateTime& time) {
        return time.isValid() ? time.toMSecsSinceEpoch() / 1000.0 : 0.0;
    };
    if (!row.info.started.isValid()) return 0;
    return costOf(m_price, runSeconds(epoch(row.info.started), epoch(row.info.ended),
                                      epoch(QDateTime::currentDateTime())));
}

QVariant SweepCompareModel::display(const SweepTrialRow& row, int column) const {
    if (column == 0) return row.trial + 1;
    if (column <= m_keys.size()) return row.values.value(m_keys[column - 1]);
    switch (Fixed(column - 1 - m_keys.size())) {
        case Best:
            return metricText(row.best);
        case Last:
            return metricText(row.last);
        case Epochs:
            return row.epochs > 0 ? QVariant(row.epochs) : QVariant(QString());
        case Duration:
            return row.info.started.isValid()
                       ? formatUptime(
                             double(row.info.durationSeconds(QDateTime::currentDateTime())))
                       : QString();
        case State:
            return stateOf(row);
        case Cost: {
            const double cost = costOfRow(row);
            return cost > 0 ? QString::fromUtf8(kDefaultCurrency) + QString::number(cost, 'f', 2)
                            : QString();
        }
        case FixedCount:
            break;
    }
    return {};
}

// Missing values sort last whichever way the column is sorted ascending.
QVariant SweepCompareModel::sortKey(const SweepTrialRow& row, int column) const {
    constexpr double kMissing = std::numeric_limits<double>::max();
    const auto number = [&](double value) { return std::isnan(value) ? kMissing : value; };
    if (column == 0) return row.trial;
    if (column <= m_keys.size()) {
        bool ok = false;
        const QString text = row.values.value(m_keys[column - 1]);
        const double value = text.toDouble(&ok);
        return ok ? QVariant(value) : QVariant(text);
    }
    switch (Fixed(column - 1 - m_keys.size())) {
        case Best:
            return number(row.best);
        case Last:
            return number(row.last);
        case Epochs:
            return row.epochs;
        case Duration:
            return row.info.durationSeconds(QDateTime::currentDateTime());
        case Cost:
            return costOfRow(row);
        default:
            return display(row, column);
    }
}

QVariant SweepCompareModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const SweepTrialRow& row = m_report.trials[index.row()];
    const bool best = index.row() == m_report.bestRow;
    switch (role) {
        case Qt::DisplayRole:
            return display(row, index.column());
        case Qt::DecorationRole:
            // A star on the best trial's number: seen whatever the sort.
            return index.column() == 0 && best ? QVariant(bestIcon()) : QVariant();
        case Qt::FontRole:
            if (best) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::ToolTipRole:
            return best ? tr("Best trial by %1 (%2)")
                              .arg(m_report.metric, m_report.maximize ? tr("higher is better")
                                                                      : tr("lower is better"))
                        : QVariant(row.label);
        case Qt::TextAlignmentRole:
            return index.column() == 0 || index.column() > m_keys.size()
                       ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant();
        case RunIdRole:
            return row.run;
        case TrialRole:
            return row.trial;
        case BestTrialRole:
            return best;
        case SortRole:
            return sortKey(row, index.column());
    }
    return {};
}

QVariant SweepCompareModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    if (section == 0) return tr("Trial");
    if (section <= m_keys.size()) return m_keys[section - 1];
    switch (Fixed(section - 1 - m_keys.size())) {
        case Best:
            return tr("Best %1").arg(m_report.metric);
        case Last:
            return tr("Final %1").arg(m_report.metric);
        case Epochs:
            return tr("Epochs");
        case Duration:
            return tr("Duration");
        case State:
            return tr("State");
        case Cost:
            return tr("Cost");
        case FixedCount:
            break;
    }
    return {};
}

}  // namespace tb
