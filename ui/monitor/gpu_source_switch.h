// GpuSourceSwitch: whose GPUs the panel shows — this machine's or a connected host's.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <map>

#include "gpu_panel.h"

namespace tb {

class GpuSource;
class HostsController;
class RemoteGpuMonitor;
class RunCatalog;
struct RunInfo;

// Offers "This machine" and the hosts that are not offline in the panel's selector. A host's
// RemoteGpuMonitor (one nvidia-smi stream on the host's connection) is made the first time
// the panel shows that host, and stopped while another source is shown; the local monitor is
// left to its owner. The panel also learns which run trains where it looks, for its hint.
class GpuSourceSwitch : public QObject {
    Q_OBJECT

public:
    GpuSourceSwitch(GpuPanel* panel, GpuSource* local, HostsController* hosts, RunCatalog* catalog,
                    QObject* parent = nullptr);
    ~GpuSourceSwitch() override;

    // The GPUs of the machine `run` trains on: its host when it is remote (and not offline),
    // else this machine. The user may pick another source afterwards.
    void followRun(const RunInfo& run);
    // The program the hosts' streams run; tests use a fake.
    void setRemoteNvidiaSmiProgram(const QString& program) { m_program = program; }

    QString shownKey() const { return m_shown; }  // "" for this machine, else the host's name
    RemoteGpuMonitor* monitorFor(const QString& host) const;  // null until shown once

private:
    void refreshHosts();
    void show(const QString& key);
    void dropGoneMonitors();
    void refreshTrainingRun();

    QPointer<GpuPanel> m_panel;
    GpuSource* m_local;
    HostsController* m_hosts;
    RunCatalog* m_catalog;
    std::map<QString, RemoteGpuMonitor*> m_remote;  // owned, by host name
    QString m_shown;
    QString m_program = QStringLiteral("nvidia-smi");
};

}  // namespace tb
