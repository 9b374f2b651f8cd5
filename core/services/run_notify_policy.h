// RunNotifyPolicy: decides which run events deserve a desktop notification. No widgets.
#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

#include "core/protocol/run_status.h"
#include "core/runs/run_info.h"

namespace tb {

struct RunNotification {
    enum class Kind { Finished, Failed, Lost, NotFinite, Stalled };
    Kind kind;
    QString title;
    QString text;
    QString runId;
};

// Only transitions seen by this session count: runs already finished when the app starts
// (the catalog reports them all at once) must not produce a burst of notifications.
class RunNotifyPolicy {
public:
    // A run stalls after this long without a new record, or 20 of its median gaps if longer.
    static constexpr qint64 kMinStallMs = 10 * 60 * 1000;
    static constexpr int kStallGaps = 20;
    // A heartbeat no older than this says the process still reports while its metrics stopped.
    static constexpr qint64 kFreshHeartbeatMs = 2 * 60 * 1000;

    // Everything one look at a run can raise, in order: its final state, metrics that turned
    // NaN or infinite, a stall. `nowMs` is the local clock (ms since the epoch); `reachable` is
    // false while a remote run's host is not connected (its numbers are not news then).
    QList<RunNotification> review(const RunInfo& run, qint64 nowMs, bool reachable = true);

    std::optional<RunNotification> stateChanged(const QString& runId, const QString& name,
                                                RunState state);
    // Any key: a NaN or infinite value is reported once per run and key.
    std::optional<RunNotification> metricValue(const QString& runId, const QString& key,
                                               double value);
    // No new record for kMinStallMs or kStallGaps median gaps while the run is running: one
    // alert, and another only after records came again and stopped again.
    std::optional<RunNotification> checkStall(const RunInfo& run, qint64 nowMs, bool reachable);
    // How long `run` may go without a record before it counts as stalled.
    static qint64 stallThresholdMs(const RunInfo& run);

private:
    struct Progress {
        double lastRecordTime = 0;  // the newest record's "time" when last seen to change
        qint64 seenAtMs = 0;        // local clock when it was last seen to change
        bool stalled = false;       // an alert went out and no record came since
    };
    QString label(const QString& runId) const { return m_names.value(runId, runId); }

    QHash<QString, RunState> m_states;
    QHash<QString, QString> m_names;
    QSet<QString> m_nonFiniteWarned;  // runId + '\n' + key
    QHash<QString, Progress> m_progress;
    // A sweep's trials: one notification once every trial seen has ended.
    std::optional<RunNotification> sweepEnded(const QString& sweepId, const QString& lastRun);
    QHash<QString, QString> m_sweepOf;  // runId -> sweep id
    QSet<QString> m_sweepsAnnounced;
};

}  // namespace tb
