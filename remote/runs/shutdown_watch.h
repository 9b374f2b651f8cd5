#pragma once
// ShutdownWatch: the app's side of "shut the host down when this run ends" — arms and cancels
// the on-box countdown of remote runs (ShutdownControl) and keeps each one's state, read now
// and then and counted down locally in between, for the runs table, hosts table and banner.

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include "shutdown_commands.h"

namespace tb {

class HostConnection;
class HostsController;
class RunCatalog;
class ShutdownControl;

class ShutdownWatch : public QObject {
    Q_OBJECT

public:
    ShutdownWatch(HostsController* hosts, RunCatalog* catalog, QObject* parent = nullptr);

    // Arms the remote run: after it ends, `delaySeconds()` of countdown, then the host's
    // shutdownCommand. Not a remote run: failed() says so.
    void arm(const QString& runId);
    // Arms a sweep on `host` (its folder there): the countdown starts when its queue drains or
    // it is cancelled. Tracked under sweepKey(SWEEP_ID).
    void armSweep(const QString& host, const QString& sweepId, const QString& sweepDir);
    // The key a sweep is tracked under, and the sweep id in a key ("" for a run's key).
    static QString sweepKey(const QString& sweepId);
    static QString sweepOfKey(const QString& key);
    // Arms the run once the catalog lists it (a launch's answer comes before the host's scan).
    void armWhenListed(const QString& runId);
    void cancel(const QString& runId);
    // Reads a remote run's state once (armed elsewhere: the CLI, another session of the app).
    void lookAt(const QString& runId);

    // Armed, counting down or running the command: something the user may still cancel.
    bool isPending(const QString& runId) const;
    bool isTracked(const QString& runId) const { return m_runs.contains(runId); }
    bool isCancelling(const QString& runId) const;
    QString hostOf(const QString& runId) const;
    ShutdownState state(const QString& runId) const;
    // "shutdown armed", "host shuts down in 4:32", "shutdown cancelled" ...; empty: none.
    QString text(const QString& runId) const;
    QString toolTip(const QString& runId) const;
    // The host's most urgent pending shutdown ("shuts down in 4:32"); empty: none.
    QString hostText(const QString& host) const;
    // The pending run (on `host`, or any) whose command runs soonest; empty: none.
    QString mostUrgentRun(const QString& host = {}) const;
    // Seconds left of a counting run, counted on from the last reading.
    qint64 secondsLeft(const QString& runId) const;

    int delaySeconds() const { return m_delaySeconds; }
    void setDelaySeconds(int seconds) { m_delaySeconds = seconds; }
    // How often the watcher on the box looks at status.json (tests use 1 s).
    void setWatcherPollSeconds(int seconds) { m_watcherPollSeconds = seconds; }
    // How often the app reads the state of pending shutdowns.
    void setReadIntervalMs(int ms) { m_readIntervalMs = ms; }

Q_SIGNALS:
    // Text of these runs changed (also once a second while one counts down).
    void changed(const QStringList& runIds);
    void failed(const QString& message);
    void statusMessage(const QString& message);
    // The box says a watched run has ended (its shutdown counts down or ran) while the catalog
    // still lists it running: the host's runs want a scan before the box goes away.
    void runEndedOnHost(const QString& host);

private:
    void armAt(const QString& key, const QString& host, const QString& dir);

    struct Watched {
        QString host;
        QString dir;
        ShutdownControl* control = nullptr;
        QPointer<HostConnection> connection;  // the control's session belongs to it
        ShutdownState state;
        QElapsedTimer readAt;  // when `state` was read
        bool requestInFlight = false;
        bool arming = false;
        bool cancelling = false;
        bool lookOnly = false;  // looked at, never armed here: dropped when there is nothing
        QString error;
    };

    Watched* watched(const QString& runId);
    ShutdownControl* controlFor(const QString& runId, Watched& run);
    void onFinished(const QString& runId, int request, const ShutdownState& state);
    void onFailed(const QString& runId, const QString& message);
    void onRunsListed();
    void lookAtRecentRuns();
    void onHostsChanged();
    void tick();
    void readDue();
    bool runHasEnded(const QString& runId) const;

    HostsController* m_hosts;
    RunCatalog* m_catalog;
    QHash<QString, Watched> m_runs;
    QHash<QString, QElapsedTimer> m_armWhenListed;  // run id -> since the launch answered
    QSet<QString> m_lookedAt;                       // runs whose state was read once
    QTimer m_tick;
    QElapsedTimer m_sinceRead;
    int m_delaySeconds = kDefaultShutdownDelaySeconds;
    int m_watcherPollSeconds = 5;
    int m_readIntervalMs = 5000;
};

}  // namespace tb
