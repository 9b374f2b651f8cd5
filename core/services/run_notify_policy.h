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

// What the user wants to hear about (View → Alerts), remembered in QSettings under alerts/.
struct AlertChoices {
    bool finished = true;   // runs, and sweeps whose last trial ended
    bool failed = true;     // failed or lost
    bool notFinite = true;  // a metric became NaN or infinite
    bool stalled = true;
    int stallMinutes = 0;  // 0: automatic (kStallGaps median gaps, at least kMinStallMs)

    bool wants(RunNotification::Kind kind) const;
    static AlertChoices load();
    void save() const;
};

// Only transitions seen by this session count: runs already finished when the app starts
// (the catalog reports them all at once) must not produce a burst of notifications.
class RunNotifyPolicy {
public:
    // Automatically a run stalls after three of its median gaps between records without a new
    // one, and never before five minutes.
    static constexpr qint64 kMinStallMs = 5 * 60 * 1000;
    static constexpr int kStallGaps = 3;
    // A heartbeat no older than this says the process still reports while its metrics stopped.
    static constexpr qint64 kFreshHeartbeatMs = 2 * 60 * 1000;

    // Everything one look at a run can raise, in order: its final state, metrics that turned
    // NaN or infinite, a stall. `nowMs` is the local clock (ms since the epoch); `reachable` is
    // false while a remote run's host is not connected (its numbers are not news then).
    QList<RunNotification> review(const RunInfo& run, qint64 nowMs, bool reachable = true);

    // A kind turned off is still tracked (a run that failed while it was off is not news when
    // it is turned on again), only not reported: every notification passes wanted().
    void setChoices(const AlertChoices& choices) { m_choices = choices; }
    const AlertChoices& choices() const { return m_choices; }

    std::optional<RunNotification> stateChanged(const QString& runId, const QString& name,
                                                RunState state);
    // Any key: a NaN or infinite value is reported once per run and key.
    std::optional<RunNotification> metricValue(const QString& runId, const QString& key,
                                               double value);
    // No new record for stallThresholdMs while the run is running: one alert, and another only
    // after records came again and stopped again.
    std::optional<RunNotification> checkStall(const RunInfo& run, qint64 nowMs, bool reachable);
    // How long `run` may go without a record before it counts as stalled: `stallMinutes` when
    // the user set it (> 0), else kStallGaps of its median gaps, at least kMinStallMs.
    static qint64 stallThresholdMs(const RunInfo& run, int stallMinutes = 0);

private:
    struct Progress {
        double lastRecordTime = 0;  // the newest record's "time" when last seen to change
        qint64 seenAtMs = 0;        // local clock when it was last seen to change
        bool stalled = false;       // an alert went out and no record came since
    };
    QString label(const QString& runId) const { return m_names.value(runId, runId); }
    std::optional<RunNotification> wanted(std::optional<RunNotification> n) const {
        return n && m_choices.wants(n->kind) ? n : std::nullopt;
    }

    AlertChoices m_choices;

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
