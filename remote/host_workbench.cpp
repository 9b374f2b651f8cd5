// HostWorkbench: builds the hosts side over a Workbench and plugs its hosts into RunTargets.
#include "host_workbench.h"

#include "core/runs/run_targets.h"
#include "core/services/workbench.h"
#include "remote/hosts/host_store.h"
#include "remote/runs/remote_runs.h"
#include "remote/runs/shutdown_watch.h"

namespace tb {

HostWorkbench::HostWorkbench(Workbench* work, const QString& hostsDir,
                             HostsControllerOptions options, QObject* parent)
    : QObject(parent),
      m_work(work),
      m_hosts(new HostsController(hostsDir.isEmpty() ? HostStore::defaultConfigDir() : hostsDir,
                                  std::move(options), this)),
      m_remote(new RemoteRuns(m_hosts, work->catalog(), work->metrics(),
                              work->binDir() + QLatin1String("/tb-wrap.sh"), this)),
      m_shutdown(new ShutdownWatch(m_hosts, work->catalog(), this)) {
    RemoteRuns* remote = m_remote;
    work->targets()->setHostLookup([remote](const QString& host) { return remote->runsOn(host); });
    connect(m_shutdown, &ShutdownWatch::runEndedOnHost, m_remote, &RemoteRuns::scanNow);
}

// The watch and the runs use the hosts' connections: they go first.
HostWorkbench::~HostWorkbench() {
    if (m_work) m_work->targets()->setHostLookup({});
    delete m_shutdown;
    delete m_remote;
    delete m_hosts;
}

Result<void> HostWorkbench::load() {
    return m_hosts->load();
}

void HostWorkbench::start(int scanMs) {
    m_remote->start(scanMs);
}

void HostWorkbench::saveConnectedHosts() const {
    m_remote->saveConnectedHosts();
}

}  // namespace tb
