// GpuSources: keeps the host choices, the shown source and the training run current.
#include "gpu_sources.h"

#include "core/runs/run_catalog.h"
#include "hosts_controller.h"
#include "remote_gpu_monitor.h"

namespace tb {

namespace {

const QString kLocalTarget = QStringLiteral("local");

}  // namespace

GpuSources::GpuSources(GpuSource* local, HostsController* hosts, RunCatalog* catalog,
                       QObject* parent)
    : QObject(parent), m_local(local), m_hosts(hosts), m_catalog(catalog), m_source(local) {
    connect(m_hosts, &HostsController::hostsChanged, this, &GpuSources::refreshHosts);
    connect(m_hosts, &HostsController::hostUpdated, this, &GpuSources::refreshHosts);
    connect(m_catalog, &RunCatalog::runsReset, this, &GpuSources::refreshTrainingRun);
    connect(m_catalog, &RunCatalog::runsUpdated, this, &GpuSources::refreshTrainingRun);
}

GpuSources::~GpuSources() {
    for (auto& [host, monitor] : m_remote) delete monitor;
}

QString GpuSources::keyFor(const RunInfo& run) {
    const bool remote = !run.target.isEmpty() && run.target != kLocalTarget;
    return remote ? run.target : QString();
}

RemoteGpuMonitor* GpuSources::monitorFor(const QString& host) const {
    const auto found = m_remote.find(host);
    return found == m_remote.end() ? nullptr : found->second;
}

void GpuSources::refresh() {
    refreshHosts();
    refreshTrainingRun();
}

void GpuSources::refreshHosts() {
    dropGoneMonitors();
    QStringList hosts;
    for (const QString& name : m_hosts->hostNames())
        if (m_hosts->state(name) != ConnectionState::Offline || name == m_shown) hosts.append(name);
    Q_EMIT hostChoicesChanged(hosts);
}

void GpuSources::show(const QString& key) {
    if (key == m_shown && m_source) return;
    if (RemoteGpuMonitor* previous = monitorFor(m_shown)) previous->stop();
    m_shown = key;
    GpuSource* source = m_local;
    if (!key.isEmpty()) {
        RemoteGpuMonitor* monitor = monitorFor(key);
        HostConnection* connection = monitor ? nullptr : m_hosts->connection(key);
        if (!monitor && connection) {
            monitor = new RemoteGpuMonitor(connection);
            monitor->setNvidiaSmiProgram(m_program);
            m_remote[key] = monitor;
        }
        if (monitor) {
            monitor->start();
            source = monitor;
        }
    }
    setSource(source);
    refreshTrainingRun();
}

void GpuSources::setSource(GpuSource* source) {
    m_source = source;
    Q_EMIT shownSourceChanged(source);
}

// A host removed or re-addressed takes its connection along: its monitor goes too, and a
// later show() makes a new one on the new connection.
void GpuSources::dropGoneMonitors() {
    for (auto it = m_remote.begin(); it != m_remote.end();) {
        if (!m_hosts->host(it->first) || !it->second->hasConnection()) {
            if (m_source == it->second) setSource(nullptr);
            delete it->second;
            it = m_remote.erase(it);
        } else {
            ++it;
        }
    }
}

void GpuSources::refreshTrainingRun() {
    const QString target = m_shown.isEmpty() ? kLocalTarget : m_shown;
    TrainingRun training;
    for (const RunInfo& run : m_catalog->runs()) {
        if (run.state != RunState::Running || run.target != target) continue;
        training.name = run.name.isEmpty() ? run.id : run.name;
        training.startedMs = run.started.isValid() ? run.started.toMSecsSinceEpoch() : 0;
        break;  // newest first: the latest run started there
    }
    Q_EMIT trainingRunChanged(training);
}

}  // namespace tb
