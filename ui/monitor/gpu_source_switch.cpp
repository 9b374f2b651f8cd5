// GpuSourceSwitch: keeps the selector's hosts, the shown monitor and the training run current.
#include "gpu_source_switch.h"

#include "gpu_panel.h"
#include "remote/hosts_controller.h"
#include "remote/remote_gpu_monitor.h"
#include "runs/run_catalog.h"

namespace tb {

namespace {

const QString kLocalTarget = QStringLiteral("local");

}  // namespace

GpuSourceSwitch::GpuSourceSwitch(GpuPanel* panel, GpuSource* local, HostsController* hosts,
                                 RunCatalog* catalog, QObject* parent)
    : QObject(parent), m_panel(panel), m_local(local), m_hosts(hosts), m_catalog(catalog) {
    connect(m_panel, &GpuPanel::sourceRequested, this, &GpuSourceSwitch::show);
    connect(m_hosts, &HostsController::hostsChanged, this, &GpuSourceSwitch::refreshHosts);
    connect(m_hosts, &HostsController::hostUpdated, this, &GpuSourceSwitch::refreshHosts);
    connect(m_catalog, &RunCatalog::runsReset, this, &GpuSourceSwitch::refreshTrainingRun);
    connect(m_catalog, &RunCatalog::runsUpdated, this, &GpuSourceSwitch::refreshTrainingRun);
    m_panel->setSource(m_local);
    refreshHosts();
    refreshTrainingRun();
}

GpuSourceSwitch::~GpuSourceSwitch() {
    if (m_panel) m_panel->setSource(nullptr);
    for (auto& [host, monitor] : m_remote) delete monitor;
}

RemoteGpuMonitor* GpuSourceSwitch::monitorFor(const QString& host) const {
    const auto found = m_remote.find(host);
    return found == m_remote.end() ? nullptr : found->second;
}

void GpuSourceSwitch::followRun(const RunInfo& run) {
    const bool remote = !run.target.isEmpty() && run.target != kLocalTarget;
    m_panel->selectSourceKey(remote ? run.target : QString());
}

void GpuSourceSwitch::refreshHosts() {
    dropGoneMonitors();
    QStringList hosts;
    for (const QString& name : m_hosts->hostNames())
        if (m_hosts->state(name) != ConnectionState::Offline || name == m_shown) hosts.append(name);
    m_panel->setHostChoices(hosts);
}

void GpuSourceSwitch::show(const QString& key) {
    if (key == m_shown && m_panel->source()) return;
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
    m_panel->setSource(source);
    refreshTrainingRun();
}

// A host removed or re-addressed takes its connection along: its monitor goes too, and a
// later show() makes a new one on the new connection.
void GpuSourceSwitch::dropGoneMonitors() {
    for (auto it = m_remote.begin(); it != m_remote.end();) {
        if (!m_hosts->host(it->first) || !it->second->hasConnection()) {
            if (m_panel->source() == it->second) m_panel->setSource(nullptr);
            delete it->second;
            it = m_remote.erase(it);
        } else {
            ++it;
        }
    }
}

void GpuSourceSwitch::refreshTrainingRun() {
    const QString target = m_shown.isEmpty() ? kLocalTarget : m_shown;
    TrainingRun training;
    for (const RunInfo& run : m_catalog->runs()) {
        if (run.state != RunState::Running || run.target != target) continue;
        training.name = run.name.isEmpty() ? run.id : run.name;
        training.startedMs = run.started.isValid() ? run.started.toMSecsSinceEpoch() : 0;
        break;  // newest first: the latest run started there
    }
    m_panel->setTrainingRun(training);
}

}  // namespace tb
