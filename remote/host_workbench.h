#pragma once
// HostWorkbench: the hosts side of a Workbench — the stored hosts and their connections, the
// runs on them (one Backend per host in the Workbench's RunTargets, scans into its catalog,
// following into its metrics pool) and the shutdown-after-run watch. Window-free: the window
// and tests build it the same way. It takes its parts down in the order they depend on.

#include <QObject>
#include <QPointer>
#include <QString>

#include "core/protocol/result.h"
#include "remote/hosts/hosts_controller.h"

namespace tb {

class RemoteRuns;
class ShutdownWatch;
class Workbench;

class HostWorkbench : public QObject {
    Q_OBJECT

public:
    // `hostsDir` holds hosts.json ("" = HostStore::defaultConfigDir()).
    HostWorkbench(Workbench* work, const QString& hostsDir, HostsControllerOptions options,
                  QObject* parent = nullptr);
    ~HostWorkbench() override;

    HostsController* hosts() const { return m_hosts; }
    RemoteRuns* remoteRuns() const { return m_remote; }
    ShutdownWatch* shutdownWatch() const { return m_shutdown; }

    // Reads hosts.json (a failure says which file and why; the list stays empty).
    Result<void> load();
    // Scans the connected hosts every `scanMs` and reconnects those connected at the last close.
    void start(int scanMs = 2000);
    // Remembers which hosts are connected, for the next start.
    void saveConnectedHosts() const;

private:
    QPointer<Workbench> m_work;
    HostsController* m_hosts;
    RemoteRuns* m_remote;
    ShutdownWatch* m_shutdown;
};

}  // namespace tb
