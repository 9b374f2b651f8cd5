// ShutdownWatch: one ShutdownControl per watched run on its host's connection; states read
// every few seconds while something is pending and counted down locally in between.
#include "shutdown_watch.h"

#include "core/runs/run_catalog.h"
#include "remote/hosts/cost_meter.h"
#include "remote/hosts/hosts_controller.h"
#include "shutdown_control.h"

namespace tb {
namespace {

// A launch whose run never shows up in the host's scan is given up on after this long.
constexpr qint64 kListedWaitMs = 10 * 60 * 1000;
// Runs that ended this recently may still have a countdown going (armed before the app
// started, or from the CLI); older ones have long had theirs.
constexpr qint64 kRecentEndSeconds = 60 * 60;
// While a run goes on, its armed watcher is looked at this seldom; once the catalog sees the
// run end, at every read.
constexpr qint64 kWaitingReadMs = 30 * 1000;
// A sweep's entry is kept under this prefix and its id, beside the runs' ids.
const QString kSweepKeyPrefix = QStringLiteral(".sweeps/");

}  // namespace

ShutdownWatch::ShutdownWatch(HostsController* hosts, RunCatalog* catalog, QObject* parent)
    : QObject(parent), m_hosts(hosts), m_catalog(catalog) {
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ShutdownWatch::tick);
    connect(catalog, &RunCatalog::runsReset, this, &ShutdownWatch::onRunsListed);
    connect(catalog, &RunCatalog::runsUpdated, this, &ShutdownWatch::onRunsListed);
    connect(hosts, &HostsController::hostsChanged, this, &ShutdownWatch::onHostsChanged);
    m_sinceRead.start();
}

ShutdownWatch::Watched* ShutdownWatch::watched(const QString& runId) {
    const auto found = m_runs.find(runId);
    return found == m_runs.end() ? nullptr : &*found;
}

ShutdownControl* ShutdownWatch::controlFor(const QString& runId, Watched& run) {
    HostConnection* connection = m_hosts->connection(run.host);
    if (!connection) return nullptr;
    if (run.control && run.connection == connection) return run.control;
    if (run.control)
        run.control->deleteLater();  // its session went with an edited host's old connection
    run.connection = connection;
    run.control = new ShutdownControl(connection->session(), run.host, this);
    run.control->setPollSeconds(m_watcherPollSeconds);
    connect(run.control, &ShutdownControl::finished, this,
            [this, runId](ShutdownControl::Request request, const ShutdownState& state) {
                onFinished(runId, int(request), state);
            });
    connect(run.control, &ShutdownControl::failed, this,
            [this, runId](ShutdownControl::Request, const QString&, const QString& message) {
                onFailed(runId, message);
            });
    return run.control;
}

void ShutdownWatch::arm(const QString& runId) {
    const RunInfo* run = m_catalog->find(runId);
    if (!run || !m_catalog->isRemote(*run))
        return Q_EMIT failed(tr("%1 is not a run on a host: only a rented host can be shut down "
                                "when its run ends")
                                 .arg(runId));
    armAt(runId, run->target, run->dir);
}

QString ShutdownWatch::sweepKey(const QString& sweepId) {
    return kSweepKeyPrefix + sweepId;
}

QString ShutdownWatch::sweepOfKey(const QString& key) {
    return key.startsWith(kSweepKeyPrefix) ? key.mid(kSweepKeyPrefix.size()) : QString();
}

void ShutdownWatch::armSweep(const QString& host, const QString& sweepId, const QString& sweepDir) {
    armAt(sweepKey(sweepId), host, sweepDir);
}

void ShutdownWatch::armAt(const QString& key, const QString& hostName, const QString& dir) {
    const RemoteHost* host = m_hosts->host(hostName);
    if (!host) return Q_EMIT failed(tr("No stored host named %1 (run %2)").arg(hostName, key));
    if (m_hosts->state(host->name) != ConnectionState::Connected)
        return Q_EMIT failed(
            tr("%1 is %2: connect it in the Hosts dock, then arm the shutdown "
               "of %3 again")
                .arg(host->name, connectionStateName(m_hosts->state(host->name)), key));
    Watched& entry = m_runs[key];
    entry.host = host->name;
    entry.dir = dir;
    entry.lookOnly = false;
    entry.arming = true;
    entry.cancelling = false;
    entry.error.clear();
    ShutdownControl* control = controlFor(key, entry);
    if (!control) return;
    entry.requestInFlight = true;
    control->arm(entry.dir, m_delaySeconds, host->shutdownCommand);
    m_tick.start();
    Q_EMIT changed({key});
}

void ShutdownWatch::armWhenListed(const QString& runId) {
    m_armWhenListed[runId].start();
    m_tick.start();
    onRunsListed();
}

void ShutdownWatch::cancel(const QString& runId) {
    Watched* entry = watched(runId);
    if (!entry) return;
    ShutdownControl* control = controlFor(runId, *entry);
    if (!control) return;
    entry->cancelling = true;
    entry->requestInFlight = true;
    control->cancel(entry->dir);
    Q_EMIT changed({runId});
}

void ShutdownWatch::lookAt(const QString& runId) {
    if (m_runs.contains(runId)) return;
    const RunInfo* run = m_catalog->find(runId);
    if (!run || !m_catalog->isRemote(*run) ||
        m_hosts->state(run->target) != ConnectionState::Connected)
        return;
    Watched& entry = m_runs[runId];
    entry.host = run->target;
    entry.dir = run->dir;
    entry.lookOnly = true;
    if (ShutdownControl* control = controlFor(runId, entry)) {
        entry.requestInFlight = true;
        control->readState(entry.dir);
    }
}

void ShutdownWatch::onFinished(const QString& runId, int request, const ShutdownState& state) {
    Watched* entry = watched(runId);
    if (!entry) return;
    entry->requestInFlight = false;
    entry->state = state;
    entry->readAt.start();
    if (entry->lookOnly && state.phase == ShutdownPhase::None) {
        entry->control->deleteLater();
        m_runs.remove(runId);
        return;
    }
    if (request == int(ShutdownControl::Request::Arm)) {
        entry->arming = false;
        Q_EMIT statusMessage(
            tr("%1 runs `%2` %3 after %4 ends, unless cancelled")
                .arg(entry->host, state.command, formatUptime(state.delaySeconds), runId));
    }
    if (state.isFinal()) entry->cancelling = false;
    const bool ended = state.phase == ShutdownPhase::Counting ||
                       state.phase == ShutdownPhase::Executing ||
                       state.phase == ShutdownPhase::Done;
    if (ended && !runHasEnded(runId)) Q_EMIT runEndedOnHost(entry->host);
    m_tick.start();
    Q_EMIT changed({runId});
}

void ShutdownWatch::onFailed(const QString& runId, const QString& message) {
    Watched* entry = watched(runId);
    if (!entry) return;
    entry->requestInFlight = false;
    if (entry->lookOnly) {
        entry->control->deleteLater();
        m_runs.remove(runId);
        return;
    }
    entry->arming = false;
    entry->error = message;
    Q_EMIT failed(message);
    Q_EMIT changed({runId});
}

void ShutdownWatch::onRunsListed() {
    lookAtRecentRuns();
    for (auto it = m_armWhenListed.begin(); it != m_armWhenListed.end();) {
        const QString id = it.key();
        const RunInfo* run = m_catalog->find(id);
        if (!run && it->elapsed() < kListedWaitMs) {
            ++it;
            continue;
        }
        it = m_armWhenListed.erase(it);
        if (!run)
            Q_EMIT failed(tr("Run %1 never appeared in its host's list: its shutdown was not "
                             "armed (arm it from the run's menu)")
                              .arg(id));
        else if (m_catalog->isRemote(*run))
            arm(id);
    }
}

// One read per live or recently ended remote run, once its host is connected.
void ShutdownWatch::lookAtRecentRuns() {
    const QDateTime recent = QDateTime::currentDateTime().addSecs(-kRecentEndSeconds);
    for (const RunInfo& run : m_catalog->runs()) {
        if (m_lookedAt.contains(run.id) || !m_catalog->isRemote(run)) continue;
        if (isFinalState(run.state) && !(run.ended.isValid() && run.ended > recent)) continue;
        if (m_hosts->state(run.target) != ConnectionState::Connected) continue;
        m_lookedAt.insert(run.id);
        lookAt(run.id);
    }
}

void ShutdownWatch::onHostsChanged() {
    for (auto it = m_runs.begin(); it != m_runs.end();) {
        if (m_hosts->host(it->host)) {
            ++it;
            continue;
        }
        if (it->control) it->control->deleteLater();
        it = m_runs.erase(it);
    }
}

void ShutdownWatch::tick() {
    if (m_sinceRead.elapsed() >= m_readIntervalMs) readDue();
    QStringList live;
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it)
        if (isPending(it.key()) || it->cancelling) live.append(it.key());
    if (live.isEmpty() && m_armWhenListed.isEmpty()) m_tick.stop();
    if (!live.isEmpty()) Q_EMIT changed(live);
}

void ShutdownWatch::readDue() {
    m_sinceRead.start();
    for (auto it = m_runs.begin(); it != m_runs.end(); ++it) {
        Watched& entry = *it;
        if (entry.requestInFlight || !(isPending(it.key()) || entry.cancelling)) continue;
        if (m_hosts->state(entry.host) != ConnectionState::Connected) continue;
        if (entry.state.phase == ShutdownPhase::Waiting && !entry.cancelling &&
            !runHasEnded(it.key()) && entry.readAt.elapsed() < kWaitingReadMs)
            continue;  // nothing changes on the box before the run ends
        if (ShutdownControl* control = controlFor(it.key(), entry)) {
            entry.requestInFlight = true;
            control->readState(entry.dir);
        }
    }
}

bool ShutdownWatch::runHasEnded(const QString& runId) const {
    const RunInfo* run = m_catalog->find(runId);
    return !run || isFinalState(run->state);
}

bool ShutdownWatch::isPending(const QString& runId) const {
    const auto found = m_runs.constFind(runId);
    if (found == m_runs.constEnd()) return false;
    const ShutdownPhase phase = found->state.phase;
    return found->arming || phase == ShutdownPhase::Waiting || phase == ShutdownPhase::Counting ||
           phase == ShutdownPhase::Executing;
}

bool ShutdownWatch::isCancelling(const QString& runId) const {
    const auto found = m_runs.constFind(runId);
    return found != m_runs.constEnd() && found->cancelling && !found->state.isFinal();
}

QString ShutdownWatch::hostOf(const QString& runId) const {
    const auto found = m_runs.constFind(runId);
    return found == m_runs.constEnd() ? QString() : found->host;
}

ShutdownState ShutdownWatch::state(const QString& runId) const {
    return m_runs.value(runId).state;
}

qint64 ShutdownWatch::secondsLeft(const QString& runId) const {
    const auto found = m_runs.constFind(runId);
    if (found == m_runs.constEnd() || found->state.phase != ShutdownPhase::Counting) return 0;
    const qint64 elapsed = found->readAt.isValid() ? found->readAt.elapsed() / 1000 : 0;
    return std::max<qint64>(0, found->state.secondsLeft() - elapsed);
}

QString ShutdownWatch::text(const QString& runId) const {
    const auto found = m_runs.constFind(runId);
    if (found == m_runs.constEnd()) return {};
    const Watched& entry = *found;
    if (entry.arming) return tr("arming shutdown…");
    if (entry.cancelling && !entry.state.isFinal()) return tr("cancelling shutdown…");
    switch (entry.state.phase) {
        case ShutdownPhase::None:
            return entry.error.isEmpty() ? QString() : tr("shutdown not armed");
        case ShutdownPhase::Waiting:
            return tr("shutdown armed");
        case ShutdownPhase::Counting:
            return tr("host shuts down in %1").arg(formatUptime(double(secondsLeft(runId))));
        case ShutdownPhase::Executing:
            return tr("host shutting down");
        case ShutdownPhase::Cancelled:
            return tr("shutdown cancelled");
        case ShutdownPhase::Done:
            return tr("host shut down");
        case ShutdownPhase::Failed:
            return tr("shutdown failed");
    }
    return {};
}

QString ShutdownWatch::toolTip(const QString& runId) const {
    const auto found = m_runs.constFind(runId);
    if (found == m_runs.constEnd()) return {};
    if (!found->error.isEmpty()) return found->error;
    return found->host + QStringLiteral(": ") + describeShutdown(found->state);
}

QString ShutdownWatch::mostUrgentRun(const QString& host) const {
    QString best;
    int bestRank = 0;
    qint64 bestLeft = 0;
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        if ((!host.isEmpty() && it->host != host) || !isPending(it.key())) continue;
        // Counting beats running the command beats armed; among countdowns, the soonest.
        const ShutdownPhase phase = it->state.phase;
        const int rank = phase == ShutdownPhase::Counting    ? 3
                         : phase == ShutdownPhase::Executing ? 2
                                                             : 1;
        const qint64 left = secondsLeft(it.key());
        if (rank > bestRank || (rank == bestRank && rank == 3 && left < bestLeft)) {
            best = it.key();
            bestRank = rank;
            bestLeft = left;
        }
    }
    return best;
}

QString ShutdownWatch::hostText(const QString& host) const {
    const QString run = mostUrgentRun(host);
    if (run.isEmpty()) return {};
    switch (state(run).phase) {
        case ShutdownPhase::Counting:
            return tr("shuts down in %1").arg(formatUptime(double(secondsLeft(run))));
        case ShutdownPhase::Executing:
            return tr("shutting down");
        default:
            return tr("shutdown armed");
    }
}

}  // namespace tb
