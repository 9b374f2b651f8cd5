// RunNotifyPolicy: one notification per run and kind, only for changes observed live.
#include "run_notify_policy.h"

#include <QObject>

#include <cmath>

namespace tb {

std::optional<RunNotification> RunNotifyPolicy::stateChanged(const QString& runId,
                                                             const QString& name, RunState state) {
    if (!name.isEmpty()) m_names.insert(runId, name);
    const auto previous = m_states.constFind(runId);
    const bool seenActive = previous != m_states.constEnd() && !isFinalState(*previous);
    m_states.insert(runId, state);
    if (!seenActive || !isFinalState(state)) return std::nullopt;
    const QString label = m_names.value(runId, runId);
    switch (state) {
        case RunState::Finished:
            return RunNotification{RunNotification::Kind::Finished, QObject::tr("Run finished"),
                                   QObject::tr("%1 finished.").arg(label)};
        case RunState::Failed:
            return RunNotification{RunNotification::Kind::Failed, QObject::tr("Run failed"),
                                   QObject::tr("%1 failed. Its output.log says why.").arg(label)};
        case RunState::Lost:
            return RunNotification{
                RunNotification::Kind::Lost, QObject::tr("Run lost"),
                QObject::tr("%1 stopped reporting and its process is gone.").arg(label)};
        default:
            return std::nullopt;  // stopped: the user asked for it, no need to tell them
    }
}

std::optional<RunNotification> RunNotifyPolicy::metricValue(const QString& runId,
                                                            const QString& key, double value) {
    if (std::isfinite(value) || !key.contains(QLatin1String("loss"), Qt::CaseInsensitive))
        return std::nullopt;
    if (m_lossWarned.contains(runId)) return std::nullopt;
    m_lossWarned.insert(runId);
    const QString label = m_names.value(runId, runId);
    const QString what = std::isnan(value) ? QStringLiteral("NaN") : QStringLiteral("infinite");
    return RunNotification{RunNotification::Kind::LossNotFinite, QObject::tr("Loss diverged"),
                           QObject::tr("%1: %2 became %3.").arg(label, key, what)};
}

}  // namespace tb
