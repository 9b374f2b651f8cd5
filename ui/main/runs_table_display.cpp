// Runs table model: display text, state icons and colours, sort keys, and a sweep's group row.
#include <QPainter>

#include <cmath>

#include "core/services/sweep_axes.h"
#include "remote/hosts/cost_meter.h"
#include "runs_table_model.h"
#include "ui/style/column_title.h"
#include "ui/style/painted_icon.h"
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

// "sweep-grid · 12-06 18:32": sweep ids are made like run ids, from the spec's file name. To
// the minute, so the name fits its column in bold; the tooltip has the whole id.
QString sweepTitle(const QString& sweepId) {
    const QDateTime created =
        QDateTime::fromString(sweepId.left(15), QStringLiteral("yyyyMMdd-HHmmss"));
    const QString name = sweepId.mid(16);
    if (!created.isValid() || name.isEmpty()) return sweepId;
    return name + QStringLiteral(" · ") + created.toString(QStringLiteral("MM-dd HH:mm"));
}

}  // namespace

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
    return paintedIcon(stateColor(state), [state](QPainter& painter) {
        if (state == RunState::Running || state == RunState::Starting) {
            painter.drawPolygon(QPolygonF({QPointF(3, 2), QPointF(12, 7), QPointF(3, 12)}));
        } else if (state == RunState::Stopped) {
            painter.drawRect(3, 3, 8, 8);
        } else {
            painter.drawEllipse(2, 2, 10, 10);
        }
    });
}

QVariant RunsTableModel::display(const RunInfo& run, int column) const {
    switch (column) {
        case Name:
            // Inside its sweep's group a trial is its number and what it varies.
            if (!run.sweepId.isEmpty())
                return QStringLiteral("#%1 %2").arg(run.sweepTrial + 1).arg(run.sweepLabel);
            return run.label();
        case State:
            if (run.state == RunState::Queued && !run.queueReason.isEmpty())
                return tr("queued · %1").arg(queueReasonText(run.queueReason));
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

// Running while any trial runs, else queued while any waits, else the best final state.
RunState RunsTableModel::groupState(const Row& group) const {
    bool queued = false;
    bool failed = false;
    for (int i : group.trials) {
        const RunState state = m_catalog->runs()[i].state;
        if (state == RunState::Running || state == RunState::Starting) return RunState::Running;
        queued = queued || state == RunState::Queued;
        failed = failed || state == RunState::Failed || state == RunState::Lost;
    }
    if (queued) return RunState::Queued;
    return failed ? RunState::Failed : RunState::Finished;
}

RunsTableModel::GroupFacts RunsTableModel::groupFacts(const Row& group) const {
    const auto& runs = m_catalog->runs();
    GroupFacts facts;
    facts.note = sweepNote(group.sweepId);
    for (int i : group.trials) {
        const RunInfo& run = runs[i];
        if (!facts.note.known) {  // until the sweep's folder is read: the trials' own states
            facts.note.done += isFinalState(run.state) ? 1 : 0;
            facts.note.running +=
                run.state == RunState::Running || run.state == RunState::Starting ? 1 : 0;
        }
        if (run.started.isValid() && (!facts.started.isValid() || run.started < facts.started))
            facts.started = run.started;
        if (run.ended.isValid() && (!facts.ended.isValid() || run.ended > facts.ended))
            facts.ended = run.ended;
        facts.live = facts.live || !isFinalState(run.state);
        if (hostPrice(run) > 0 && run.started.isValid())
            facts.cost += costOf(hostPrice(run), costSeconds(run));
        if (!std::isnan(run.bestValAcc) && !(run.bestValAcc <= facts.bestAcc))
            facts.bestAcc = run.bestValAcc;
    }
    if (facts.started.isValid()) {
        const QDateTime end =
            facts.live || !facts.ended.isValid() ? QDateTime::currentDateTime() : facts.ended;
        facts.seconds = facts.started.secsTo(end);
    }
    return facts;
}

QVariant RunsTableModel::groupDisplay(const Row& group, int column) const {
    const auto& runs = m_catalog->runs();
    const int total = int(group.trials.size());
    const GroupFacts facts = groupFacts(group);
    const SweepNote& note = facts.note;
    switch (column) {
        case Name:
            return sweepTitle(group.sweepId);
        case State: {
            QString text = tr("%1/%2 done").arg(note.done).arg(total);
            if (note.running > 0) text += tr(", %1 running").arg(note.running);
            if (note.cancelled > 0) text += tr(", %1 cancelled").arg(note.cancelled);
            return text;
        }
        case Target:
            return group.trials.isEmpty() ? QVariant() : display(runs[group.trials[0]], Target);
        case Started:
            return facts.started.isValid() ? facts.started.toString("yyyy-MM-dd HH:mm") : QString();
        case Duration:
            return facts.started.isValid() ? formatDuration(facts.seconds) : QString();
        case Progress:
            return note.metric.isEmpty() || std::isnan(note.best)
                       ? QString()
                       : tr("best %1 %2").arg(note.metric, metricText(note.best));
        case BestValAcc:
            return std::isnan(facts.bestAcc) ? QString()
                                             : QString::number(facts.bestAcc * 100, 'f', 2) + " %";
        case Cost:
            return facts.cost > 0
                       ? QString::fromUtf8(kDefaultCurrency) + QString::number(facts.cost, 'f', 2)
                       : QString();
    }
    return {};
}

QVariant RunsTableModel::groupData(const Row& group, int column, int role) const {
    switch (role) {
        case Qt::DisplayRole:
            return groupDisplay(group, column);
        case Qt::DecorationRole:
            return column == State ? QVariant(stateIcon(groupState(group))) : QVariant();
        case Qt::ForegroundRole:
            return column == State ? QVariant(stateColor(groupState(group))) : QVariant();
        case Qt::FontRole:
            if (column == Name) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::ToolTipRole:
            return column == Name ? tr("Sweep %1: select it to compare its trials and overlay "
                                       "their curves")
                                        .arg(group.sweepId)
                                  : QVariant();
        case RunIdRole:
            return QString();
        case SweepIdRole:
            return group.sweepId;
        case SortRole: {
            const GroupFacts facts = groupFacts(group);
            switch (column) {
                case Name:
                    return group.sweepId;
                case Started:
                    return facts.started;
                case Duration:
                    return facts.seconds;
                case Progress:
                    return facts.note.best;
                case BestValAcc:
                    return facts.bestAcc;
                case Cost:
                    return facts.cost;
                default:
                    return groupDisplay(group, column);
            }
        }
    }
    return {};
}

// Slurm's most common reasons in words; the rest as Slurm says them.
QString RunsTableModel::queueReasonText(const QString& reason) {
    if (reason == QLatin1String("Resources")) return tr("nodes busy");
    if (reason == QLatin1String("Priority")) return tr("behind other jobs");
    if (reason == QLatin1String("None")) return tr("submitted");
    return reason;
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
    static const char* const names[] = {
        QT_TR_NOOP("Name"),       QT_TR_NOOP("State"),        QT_TR_NOOP("Target"),
        QT_TR_NOOP("Started"),    QT_TR_NOOP("Duration"),     QT_TR_NOOP("Epoch / step"),
        QT_TR_NOOP("Train loss"), QT_TR_NOOP("Best val acc"), QT_TR_NOOP("Parent"),
        QT_TR_NOOP("Cost"),       QT_TR_NOOP("Shutdown")};
    return columnTitle(staticMetaObject, names, section, orientation, role);
}

}  // namespace tb
