// RunTargets: a run's target name to the Backend that controls it.
#include "run_targets.h"

#include "run_info.h"

namespace tb {

bool RunTargets::isLocalTarget(const QString& target) {
    return target.isEmpty() || target == QLatin1String("local");
}

Backend* RunTargets::backend(const QString& target) const {
    if (isLocalTarget(target)) return m_local;
    return m_hosts ? m_hosts(target) : nullptr;
}

Backend* RunTargets::backendOf(const RunInfo& run) const {
    return backend(run.target);
}

}  // namespace tb
