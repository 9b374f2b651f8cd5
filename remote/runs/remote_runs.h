#pragma once
// RemoteRuns: the main window's remote side. One RemoteBackend per stored host on that host's
// own connection (HostsController's; no second session), periodic scans merged into the
// RunCatalog, launch / stop / kill, and following the runs a view shows: curves into the
// metrics pool, log bytes out as a signal.

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

#include "core/protocol/result.h"

namespace tb {

class Backend;
class HostsController;
class RemoteBackend;
class RemoteFollower;
class RunCatalog;
class RunMetricsPool;
struct LaunchRequest;

class RemoteRuns : public QObject {
    Q_OBJECT

public:
    RemoteRuns(HostsController* hosts, RunCatalog* catalog, RunMetricsPool* metrics,
               QString wrapperFile, QObject* parent = nullptr);
    ~RemoteRuns() override;

    // Scans every connected host this often, and connects the hosts that were connected when
    // the app last closed, so their running runs come back by themselves.
    void start(int scanIntervalMs = 2000);
    void scanNow(const QString& host);
    // The connected hosts, remembered for the next start.
    void saveConnectedHosts() const;
    // The host's backend on its connection (listing checkpoints, resuming); null for no host.
    RemoteBackend* backend(const QString& host);

    // The Backend that RunTargets hands out for runs on `host`: launch, stop and kill through
    // this object (a scan follows each), whatever the host's connection does meanwhile.
    Backend* runsOn(const QString& host);

    // The host's backend once the host is connected (one reconnecting is waited for, up to
    // kReconnectWaitMs) and, with `needsTrainer`, its stored trainer is still there; otherwise
    // why not (Backend::kNeedsPrepare when preparing it helps).
    void whenReady(const QString& host, bool needsTrainer,
                   std::function<void(Result<RemoteBackend*>)> done);
    // Fails with Backend::kNeedsPrepare when the run needs the trainer and the host has none
    // (or the stored one is gone): "Prepare host" first.
    void launch(const QString& host, const LaunchRequest& request,
                std::function<void(Result<QString>)> done);
    HostsController* hosts() const { return m_hosts; }
    // signal: "TERM" (stop) or "KILL"; the run's host comes from the catalog.
    void signalRun(const QString& runId, const QString& signal,
                   std::function<void(Result<void>)> done);

    // Starts following the remote runs among runIds (others are ignored), at most
    // kMaxFollowedPerHost of each host (the first ones) ...
    void follow(const QStringList& runIds);
    // ... and stops following every run not in keep (its metrics leave the pool).
    void release(const QStringList& keep);
    bool isFollowing(const QString& runId) const { return m_followed.contains(runId); }
    // The newest output.log bytes of a followed run (bounded), for a log view switching to it.
    QByteArray recentLog(const QString& runId) const;

    static constexpr int kMaxFollowedPerHost = 3;
    static constexpr int kReconnectWaitMs = 30000;

Q_SIGNALS:
    void logAppended(const QString& runId, const QByteArray& bytes);
    // Some shown runs are not followed; says which and why.
    void followLimited(const QString& message);

private:
    struct Followed {
        RemoteFollower* follower = nullptr;
        QString host;
        QByteArray recentLog;
    };

    // `then` once the host is connected again; `gaveUp` when it goes offline or takes too long.
    void afterReconnect(const QString& host, std::function<void()> then,
                        std::function<void()> gaveUp);
    void onHostUpdated(const QString& host);
    void onHostsChanged();
    void scanAll();
    void keepLog(Followed& followed, const QByteArray& bytes);

    HostsController* m_hosts;
    RunCatalog* m_catalog;
    RunMetricsPool* m_metrics;
    QString m_wrapperFile;
    QHash<QString, RemoteBackend*> m_backends;          // host -> backend, children of this
    QHash<QString, std::shared_ptr<Backend>> m_runsOn;  // host -> runsOn(host)
    QHash<QString, Followed> m_followed;                // run id -> follower
    QStringList m_scanning;                             // hosts with a scan in flight
    QTimer m_scanTimer;
};

}  // namespace tb
