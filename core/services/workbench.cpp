// Workbench: builds the core services for one runs root and starts them.
#include "workbench.h"

#include "core/checkpoints/checkpoint_catalog.h"
#include "core/gpu/gpu_monitor.h"
#include "core/metrics/run_metrics.h"
#include "core/runs/local_backend.h"
#include "core/runs/run_catalog.h"
#include "core/runs/run_targets.h"

namespace tb {

Workbench::Workbench(const QString& runsRoot, const QString& binDir, QObject* parent)
    : QObject(parent),
      m_runsRoot(runsRoot),
      m_binDir(binDir),
      m_catalog(new RunCatalog(runsRoot, this)),
      m_local(std::make_unique<LocalBackend>(runsRoot, binDir)),
      m_targets(std::make_unique<RunTargets>(m_local.get())),
      m_metrics(new RunMetricsPool(this)),
      m_checkpoints(new CheckpointCatalog(binDir + QLatin1String("/trainbench-train"), this)),
      m_gpuMonitor(new GpuMonitor(this)) {
}

Workbench::~Workbench() = default;

void Workbench::start(int pollMs) {
    m_catalog->refresh();
    m_catalog->startWatching(pollMs);
    m_gpuMonitor->start();
}

}  // namespace tb
