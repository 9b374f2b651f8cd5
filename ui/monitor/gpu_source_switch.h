// GpuSourceSwitch: whose GPUs the panel shows — this machine's or a connected host's.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include "gpu_panel.h"

namespace tb {

class GpuSource;
class GpuSources;
class HostsController;
class RemoteGpuMonitor;
class RunCatalog;
struct RunInfo;

// Puts GpuSources (remote/, no widgets) behind the panel: its host choices fill the panel's
// selector, the user's pick goes back to it, and the source and training run it finds are
// what the panel shows.
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
    void setRemoteNvidiaSmiProgram(const QString& program);

    QString shownKey() const;  // "" for this machine, else the host's name
    RemoteGpuMonitor* monitorFor(const QString& host) const;  // null until shown once

private:
    QPointer<GpuPanel> m_panel;
    GpuSources* m_sources;  // a child: outlives this destructor's body
};

}  // namespace tb
