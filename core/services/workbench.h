#pragma once
// Workbench: the window-free core of the app for one runs root — the run catalog, the local
// backend and the RunTargets registry, the metrics pool, checkpoint listing and this machine's
// GPU monitor. The window builds widgets over it; the hosts side (remote/HostWorkbench) plugs
// its hosts into targets(); tests drive it without a window.

#include <QObject>
#include <QString>

#include <memory>

namespace tb {

class CheckpointCatalog;
class GpuMonitor;
class LocalBackend;
class RunCatalog;
class RunMetricsPool;
class RunTargets;

class Workbench : public QObject {
    Q_OBJECT

public:
    // `binDir` holds trainbench-train and tb-wrap.sh.
    Workbench(const QString& runsRoot, const QString& binDir, QObject* parent = nullptr);
    ~Workbench() override;

    QString runsRoot() const { return m_runsRoot; }
    QString binDir() const { return m_binDir; }
    RunCatalog* catalog() const { return m_catalog; }
    LocalBackend* localBackend() const { return m_local.get(); }
    RunTargets* targets() const { return m_targets.get(); }
    RunMetricsPool* metrics() const { return m_metrics; }
    CheckpointCatalog* checkpoints() const { return m_checkpoints; }
    GpuMonitor* gpuMonitor() const { return m_gpuMonitor; }

    // Reads the runs root now and then every `pollMs`; starts sampling this machine's GPUs.
    void start(int pollMs = 1000);

private:
    QString m_runsRoot;
    QString m_binDir;
    RunCatalog* m_catalog;
    std::unique_ptr<LocalBackend> m_local;
    std::unique_ptr<RunTargets> m_targets;
    RunMetricsPool* m_metrics;
    CheckpointCatalog* m_checkpoints;
    GpuMonitor* m_gpuMonitor;
};

}  // namespace tb
