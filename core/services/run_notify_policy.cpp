// RunNotifyPolicy: one notification per run and kind (per key for NaN), only for changes
// observed live; a stall is measured on the local clock from when progress was last seen.
#include "run_notify_policy.h"

#include <QCoreApplication>
#include <QSettings>

#include <algorithm>
#include <cmath>
#include <utility>

namespace tb {
namespace {

// The notifications' texts (RunNotifyPolicy's own name is taken by the class).
struct RunNotify {
    Q_DECLARE_TR_FUNCTIONS(RunNotify)
};

// Where AlertChoices keeps each choice in QSettings.
const std::pair<const char*, bool AlertChoices::*> kKindKeys[] = {
    {"alerts/finished", &AlertChoices::finished},
    {"alerts/failed", &AlertChoices::failed},
    {"alerts/notFinite", &AlertChoices::notFinite},
    {"alerts/stalled", &AlertChoices::stalled}};
const char* const kStallKey = "alerts/stallMinutes";

}  // namespace

bool AlertChoices::wants(RunNotification::Kind kind) const {
    switch (kind) {
        case RunNotification::Kind::Finished:
            return finished;
        case RunNotification::Kind::Failed:
        case RunNotification::Kind::Lost:
            return failed;
        case RunNotification::Kind::NotFinite:
            return notFinite;
        case RunNotification::Kind::Stalled:
            return stalled;
    }
    return true;
}

AlertChoices AlertChoices::load() {
    const QSettings settings;
    AlertChoices choices;
    for (const auto& [key, flag] : kKindKeys)
        choices.*flag = settings.value(QLatin1String(key), true).toBool();
    choices.stallMinutes =
        qBound(0, settings.value(QLatin1String(kStallKey), 0).toInt(), 7 * 24 * 60);
    return choices;
}

void AlertChoices::save() const {
    QSettings settings;
    for (const auto& [key, flag] : kKindKeys) settings.setValue(QLatin1String(key), this->*flag);
    settings.setValue(QLatin1String(kStallKey), stallMinutes);
}

QList<RunNotification> RunNotifyPolicy::review(const RunInfo& run, qint64 nowMs, bool reachable) {
    QList<RunNotification> out;
    const auto before = m_states.constFind(run.id);
    const bool ended =
        before != m_states.constEnd() && !isFinalState(*before) && isFinalState(run.state);
    auto changed = stateChanged(run.id, run.label(), run.state);
    if (!run.sweepId.isEmpty()) {
        // A sweep's trials finish by the dozen: one notification for the sweep instead (a failed
        // or lost trial is still news on its own).
        m_sweepOf.insert(run.id, run.sweepId);
        if (!isFinalState(run.state)) m_sweepsAnnounced.remove(run.sweepId);
        if (changed && changed->kind == RunNotification::Kind::Finished) changed.reset();
        if (changed) out.append(*changed);
        if (ended) {
            if (auto n = sweepEnded(run.sweepId, run.id)) out.append(*n);
        }
    } else if (changed) {
        out.append(*changed);
    }
    // Runs over before this session started keep their old NaNs to themselves.
    const bool live = run.state == RunState::Running || run.state == RunState::Starting;
    if (live || ended || !out.isEmpty()) {
        for (const QString& key : run.nonFiniteKeys) {
            if (auto n = metricValue(run.id, key, std::nan(""))) out.append(*n);
        }
    }
    if (auto n = checkStall(run, nowMs, reachable)) out.append(*n);
    return out;
}

std::optional<RunNotification> RunNotifyPolicy::stateChanged(const QString& runId,
                                                             const QString& name, RunState state) {
    if (!name.isEmpty()) m_names.insert(runId, name);
    const auto previous = m_states.constFind(runId);
    const bool seenActive = previous != m_states.constEnd() && !isFinalState(*previous);
    m_states.insert(runId, state);
    if (!seenActive || !isFinalState(state)) return std::nullopt;
    const QString who = label(runId);
    switch (state) {
        case RunState::Finished:
            return wanted(RunNotification{RunNotification::Kind::Finished,
                                          RunNotify::tr("Run finished"),
                                          RunNotify::tr("%1 finished.").arg(who), runId});
        case RunState::Failed:
            return wanted(RunNotification{
                RunNotification::Kind::Failed, RunNotify::tr("Run failed"),
                RunNotify::tr("%1 failed. Its output.log says why.").arg(who), runId});
        case RunState::Lost:
            return wanted(RunNotification{
                RunNotification::Kind::Lost, RunNotify::tr("Run lost"),
                RunNotify::tr("%1 stopped reporting and its process is gone.").arg(who), runId});
        default:
            return std::nullopt;  // stopped: the user asked for it, no need to tell them
    }
}

std::optional<RunNotification> RunNotifyPolicy::sweepEnded(const QString& sweepId,
                                                           const QString& lastRun) {
    if (m_sweepsAnnounced.contains(sweepId)) return std::nullopt;
    int trials = 0;
    int finished = 0;
    for (auto it = m_sweepOf.constBegin(); it != m_sweepOf.constEnd(); ++it) {
        if (it.value() != sweepId) continue;
        const RunState state = m_states.value(it.key(), RunState::Queued);
        if (!isFinalState(state)) return std::nullopt;
        ++trials;
        finished += state == RunState::Finished ? 1 : 0;
    }
    m_sweepsAnnounced.insert(sweepId);
    return wanted(
        RunNotification{RunNotification::Kind::Finished, RunNotify::tr("Sweep finished"),
                        RunNotify::tr("Sweep %1: %2 of %3 trials finished.")
                            .arg(sweepId, QString::number(finished), QString::number(trials)),
                        lastRun});
}

std::optional<RunNotification> RunNotifyPolicy::metricValue(const QString& runId,
                                                            const QString& key, double value) {
    if (std::isfinite(value)) return std::nullopt;
    const QString warned = runId + QLatin1Char('\n') + key;
    if (m_nonFiniteWarned.contains(warned)) return std::nullopt;
    m_nonFiniteWarned.insert(warned);
    // The trainer writes NaN and infinity alike as null: without a sign it is "NaN or infinite".
    const QString what = std::isinf(value) ? RunNotify::tr("infinite") : RunNotify::tr("NaN");
    const QString title = RunNotify::tr("%1 is not a number").arg(key);
    //: %1 is a run, %2 a metric key, %3 "NaN" or "infinite"
    const QString text = RunNotify::tr("%1: %2 became %3.").arg(label(runId), key, what);
    return wanted(RunNotification{RunNotification::Kind::NotFinite, title, text, runId});
}

qint64 RunNotifyPolicy::stallThresholdMs(const RunInfo& run, int stallMinutes) {
    if (stallMinutes > 0) return qint64(stallMinutes) * 60 * 1000;
    const double gapMs = run.medianRecordGap * 1000.0;
    if (!(gapMs > 0) || !std::isfinite(gapMs)) return kMinStallMs;
    return std::max(kMinStallMs, qint64(std::min(gapMs * kStallGaps, 1e15)));
}

std::optional<RunNotification> RunNotifyPolicy::checkStall(const RunInfo& run, qint64 nowMs,
                                                           bool reachable) {
    if (run.state != RunState::Running || std::isnan(run.lastRecordTime)) {
        m_progress.remove(run.id);  // before the first record or after the end: no clock runs
        return std::nullopt;
    }
    auto it = m_progress.find(run.id);
    // A host coming back says nothing about the time it was away: its clock starts again.
    if (it == m_progress.end() || it->lastRecordTime != run.lastRecordTime || !reachable) {
        const bool stalled =
            it != m_progress.end() && it->stalled && it->lastRecordTime == run.lastRecordTime;
        m_progress.insert(run.id, {run.lastRecordTime, nowMs, stalled});
        return std::nullopt;
    }
    const qint64 quietMs = nowMs - it->seenAtMs;
    if (it->stalled || quietMs < stallThresholdMs(run, m_choices.stallMinutes)) return std::nullopt;
    it->stalled = true;
    m_names.insert(run.id, run.label());
    const int minutes = int(quietMs / 60000);
    const double heartbeatAgeMs =
        std::isnan(run.heartbeat) ? -1 : double(nowMs) - run.heartbeat * 1000.0;
    const QString why =
        heartbeatAgeMs >= 0 && heartbeatAgeMs <= double(kFreshHeartbeatMs)
            ? RunNotify::tr(
                  "its process still reports (heartbeat %1 s ago): it may hang in data "
                  "loading, a deadlock or a slow evaluation.")
                  .arg(QString::number(qint64(heartbeatAgeMs / 1000)))
            : RunNotify::tr("and no heartbeat either: the process may hang or be paused.");
    //: %1 is a run, %2 minutes, %3 one of the two reasons ("its process still reports ...")
    const QString text = RunNotify::tr("%1 wrote no metrics for %2 min; %3")
                             .arg(label(run.id), QString::number(minutes), why);
    return wanted(RunNotification{RunNotification::Kind::Stalled, RunNotify::tr("Run stalled"),
                                  text, run.id});
}

}  // namespace tb
