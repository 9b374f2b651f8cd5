// RemoteRuns: remote backends on the hosts' shared connections, scans, launches and followers.
#include "remote_runs.h"

#include <QSettings>

#include "core/metrics/run_metrics.h"
#include "core/runs/fail_text.h"
#include "core/runs/run_catalog.h"
#include "remote/hosts/hosts_controller.h"
#include "remote/ssh/remote_command.h"
#include "remote_backend.h"
#include "remote_follow.h"

namespace tb {

namespace {

constexpr qsizetype kRecentLogBytes = 1 << 20;
// OpenSSH's default MaxSessions. A followed run holds two channels; the GPU stream, scans,
// keepalives and transfers need the rest.
constexpr int kSshdMaxSessions = 10;
const QString kConnectedHostsKey = QStringLiteral("remote/connectedHosts");

QString noteFor(ConnectionState state) {
    return state == ConnectionState::Connected ? QString() : connectionStateName(state);
}

}  // namespace

RemoteRuns::RemoteRuns(HostsController* hosts, RunCatalog* catalog, RunMetricsPool* metrics,
                       QString wrapperFile, QObject* parent)
    : QObject(parent),
      m_hosts(hosts),
      m_catalog(catalog),
      m_metrics(metrics),
      m_wrapperFile(std::move(wrapperFile)) {
    connect(m_hosts, &HostsController::hostUpdated, this, &RemoteRuns::onHostUpdated);
    connect(m_hosts, &HostsController::hostsChanged, this, &RemoteRuns::onHostsChanged);
    connect(&m_scanTimer, &QTimer::timeout, this, &RemoteRuns::scanAll);
}

// Followers close their streams through their backend: they go first.
RemoteRuns::~RemoteRuns() {
    for (const Followed& followed : std::as_const(m_followed)) delete followed.follower;
    m_followed.clear();
    qDeleteAll(m_backends);
}

void RemoteRuns::start(int scanIntervalMs) {
    m_scanTimer.start(scanIntervalMs);
    const QStringList remembered = QSettings().value(kConnectedHostsKey).toStringList();
    for (const QString& host : remembered) {
        if (m_hosts->host(host)) m_hosts->connectHost(host);
    }
}

void RemoteRuns::saveConnectedHosts() const {
    QStringList connected;
    for (const QString& host : m_hosts->hostNames()) {
        if (m_hosts->state(host) == ConnectionState::Connected) connected.append(host);
    }
    QSettings().setValue(kConnectedHostsKey, connected);
}

// Made on first use; remade when the stored host changed and no follower uses the old one.
RemoteBackend* RemoteRuns::backend(const QString& host) {
    const RemoteHost* stored = m_hosts->host(host);
    if (!stored) return nullptr;
    RemoteHostSettings settings;
    settings.name = host;
    if (!stored->runsRoot.isEmpty()) settings.runsRoot = stored->runsRoot;
    settings.trainerPath = stored->trainerPath;
    settings.wrapperFile = m_wrapperFile;
    settings.slurm = stored->slurm;
    RemoteBackend* existing = m_backends.value(host);
    if (existing) {
        const RemoteHostSettings& now = existing->settings();
        const bool same = now.runsRoot == settings.runsRoot &&
                          now.trainerPath == settings.trainerPath && now.slurm == settings.slurm;
        bool inUse = false;
        for (const Followed& followed : std::as_const(m_followed))
            inUse = inUse || followed.host == host;
        if (same || inUse) return existing;
        delete m_backends.take(host);
    }
    auto* made = new RemoteBackend(m_hosts->connection(host), settings, this);
    m_backends.insert(host, made);
    return made;
}

void RemoteRuns::onHostUpdated(const QString& host) {
    const ConnectionState state = m_hosts->state(host);
    m_catalog->setHostNote(host, noteFor(state));
    if (state == ConnectionState::Connected) scanNow(host);
}

// A host removed from the list takes its backend, followers and listed runs with it.
void RemoteRuns::onHostsChanged() {
    for (const QString& host : m_backends.keys()) {
        if (m_hosts->host(host)) continue;
        for (auto it = m_followed.begin(); it != m_followed.end();) {
            if (it->host != host) {
                ++it;
                continue;
            }
            delete it->follower;
            it = m_followed.erase(it);
        }
        delete m_backends.take(host);
        m_catalog->setRemoteRuns(host, {});
    }
}

void RemoteRuns::scanAll() {
    for (const QString& host : m_hosts->hostNames()) {
        if (m_hosts->state(host) == ConnectionState::Connected) scanNow(host);
    }
}

void RemoteRuns::scanNow(const QString& host) {
    if (m_scanning.contains(host)) return;
    RemoteBackend* remote = backend(host);
    if (!remote) return;
    m_scanning.append(host);
    remote->scanAsync([this, host](Result<RemoteScan> scan) {
        m_scanning.removeAll(host);
        // A failed scan keeps the runs listed; the host's note says why they may be stale.
        if (scan && m_hosts->host(host)) m_catalog->setRemoteRuns(host, scan->runs);
    });
}

void RemoteRuns::afterReconnect(const QString& host, std::function<void()> then,
                                std::function<void()> gaveUp) {
    auto* waiter = new QObject(this);  // its connections go with it
    const auto settle = [waiter](const std::function<void()>& next) {
        if (waiter->property("settled").toBool()) return;
        waiter->setProperty("settled", true);
        waiter->deleteLater();
        next();
    };
    connect(m_hosts, &HostsController::hostUpdated, waiter,
            [this, host, then, gaveUp, settle](const QString& name) {
                if (name != host) return;
                const ConnectionState now = m_hosts->state(host);
                if (now == ConnectionState::Connected) settle(then);
                if (now == ConnectionState::Offline) settle(gaveUp);
            });
    QTimer::singleShot(kReconnectWaitMs, waiter, [gaveUp, settle] { settle(gaveUp); });
}

void RemoteRuns::whenReady(const QString& host, bool needsTrainer,
                           std::function<void(Result<RemoteBackend*>)> done) {
    RemoteBackend* remote = backend(host);
    if (!remote) return done(failText(tr("no host named %1 in the hosts list").arg(host)));
    const auto notConnected = [this, host, done] {
        done(failText(tr("host %1 is %2; connect it in the Hosts dock, then try again")
                          .arg(host, connectionStateName(m_hosts->state(host)))));
    };
    const ConnectionState state = m_hosts->state(host);
    if (state == ConnectionState::Connecting || state == ConnectionState::Reconnecting) {
        // A link coming back (a cut, the laptop waking): go on once it is back.
        return afterReconnect(
            host, [this, host, needsTrainer, done] { whenReady(host, needsTrainer, done); },
            notConnected);
    }
    if (state != ConnectionState::Connected) return notConnected();
    const auto ready = [this, host, done] {
        RemoteBackend* now = backend(host);
        if (!now) return done(failText(tr("host %1 was removed").arg(host)));
        done(now);
    };
    if (!needsTrainer) return ready();
    const QString trainer = m_hosts->host(host)->trainerPath;
    if (trainer.isEmpty()) {
        return done(failText(
            tr("host %1 has no trainer yet; prepare it (Hosts dock, Prepare host…)").arg(host),
            Backend::kNeedsPrepare));
    }
    // A cheap look that the stored trainer is still there (a fresh instance, a cleaned cache).
    const RemoteCommand check =
        RemoteCommand(QStringLiteral("test")).arg(QStringLiteral("-x")).arg(trainer);
    remote->execAsync(check, [host, trainer, ready, done](const ExecResult& result) {
        if (!result.ok() || result.exitStatus == 0) return ready();  // a link error: launch says
        done(
            failText(tr("the trainer %1 is gone from host %2; prepare it again").arg(trainer, host),
                     Backend::kNeedsPrepare));
    });
}

void RemoteRuns::launch(const QString& host, const LaunchRequest& request,
                        std::function<void(Result<QString>)> done) {
    whenReady(host, request.needsTrainer(),
              [this, host, request, done](Result<RemoteBackend*> ready) {
                  if (!ready) return done(ready.failure());
                  (*ready)->launchAsync(request, [this, host, done](Result<QString> launched) {
                      if (launched) scanNow(host);
                      done(std::move(launched));
                  });
              });
}

namespace {

// A stored host as a Backend: RemoteRuns' launch (with its trainer check) and signals.
class HostRunsBackend : public Backend {
public:
    HostRunsBackend(RemoteRuns* runs, QString host) : m_runs(runs), m_host(std::move(host)) {}
    void launchAsync(const LaunchRequest& request, Done<QString> done) override {
        m_runs->launch(m_host, request, std::move(done));
    }
    void stopAsync(const QString& runId, Done<void> done) override {
        m_runs->signalRun(runId, QStringLiteral("TERM"), std::move(done));
    }
    void killAsync(const QString& runId, Done<void> done) override {
        m_runs->signalRun(runId, QStringLiteral("KILL"), std::move(done));
    }
    void configAsync(const QString& runId, Done<QByteArray> done) override {
        RemoteBackend* remote = m_runs->backend(m_host);
        if (!remote) return done(failText(RemoteRuns::tr("host %1 was removed").arg(m_host)));
        remote->configAsync(runId, std::move(done));
    }

private:
    RemoteRuns* m_runs;
    QString m_host;
};

}  // namespace

Backend* RemoteRuns::runsOn(const QString& host) {
    if (!m_hosts->host(host)) return nullptr;
    std::shared_ptr<Backend>& made = m_runsOn[host];
    if (!made) made = std::make_shared<HostRunsBackend>(this, host);
    return made.get();
}

void RemoteRuns::signalRun(const QString& runId, const QString& signal,
                           std::function<void(Result<void>)> done) {
    const RunInfo* run = m_catalog->find(runId);
    RemoteBackend* remote = run && m_catalog->isRemote(*run) ? backend(run->target) : nullptr;
    if (!remote) return done(failText(tr("run %1 is not a remote run").arg(runId)));
    const QString host = run->target;
    remote->signalAsync(runId, signal, [this, host, done](Result<void> sent) {
        scanNow(host);
        done(std::move(sent));
    });
}

void RemoteRuns::follow(const QStringList& runIds) {
    QHash<QString, int> perHost;  // the shown runs of each host so far, in the views' order
    QStringList skipped;
    for (const QString& id : runIds) {
        const RunInfo* run = m_catalog->find(id);
        if (!run || !m_catalog->isRemote(*run)) continue;
        if (++perHost[run->target] > kMaxFollowedPerHost) {
            if (!m_followed.contains(id)) skipped.append(id);
            continue;
        }
        if (m_followed.contains(id)) continue;
        RemoteBackend* remote = backend(run->target);
        if (!remote) continue;
        RunMetrics* metrics = m_metrics->openFed(id);
        auto* follower = new RemoteFollower(remote, id, metrics, this);  // its lines go to metrics
        connect(follower, &RemoteFollower::logAppended, this, [this, id](const QByteArray& bytes) {
            auto it = m_followed.find(id);
            if (it != m_followed.end()) keepLog(*it, bytes);
            Q_EMIT logAppended(id, bytes);
        });
        m_followed.insert(id, {follower, run->target, {}});
        follower->start();
    }
    if (!skipped.isEmpty()) {
        Q_EMIT followLimited(
            tr("Not following %1: at most %2 runs per host stream at once (each takes two of the "
               "%3 channels sshd allows a connection). Deselect one to follow another.")
                .arg(skipped.join(QStringLiteral(", ")), QString::number(kMaxFollowedPerHost),
                     QString::number(kSshdMaxSessions)));
    }
}

void RemoteRuns::release(const QStringList& keep) {
    for (auto it = m_followed.begin(); it != m_followed.end();) {
        if (keep.contains(it.key())) {
            ++it;
            continue;
        }
        delete it->follower;
        m_metrics->close(it.key());
        it = m_followed.erase(it);
    }
}

QByteArray RemoteRuns::recentLog(const QString& runId) const {
    return m_followed.value(runId).recentLog;
}

// Keeps the last kRecentLogBytes, cut at a line start so a view never begins mid-line.
void RemoteRuns::keepLog(Followed& followed, const QByteArray& bytes) {
    followed.recentLog += bytes;
    if (followed.recentLog.size() <= kRecentLogBytes) return;
    qsizetype cut = followed.recentLog.size() - kRecentLogBytes;
    const qsizetype newline = followed.recentLog.indexOf('\n', cut);
    cut = newline < 0 ? cut : newline + 1;
    followed.recentLog.remove(0, cut);
}

}  // namespace tb
