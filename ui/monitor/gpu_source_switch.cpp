// GpuSourceSwitch: the panel's selector and display wired to GpuSources.
#include "gpu_source_switch.h"

#include "gpu_panel.h"
#include "remote/hosts/gpu_sources.h"

namespace tb {

GpuSourceSwitch::GpuSourceSwitch(GpuPanel* panel, GpuSource* local, HostsController* hosts,
                                 RunCatalog* catalog, QObject* parent)
    : QObject(parent), m_panel(panel), m_sources(new GpuSources(local, hosts, catalog, this)) {
    connect(m_panel, &GpuPanel::sourceRequested, m_sources, &GpuSources::show);
    connect(m_sources, &GpuSources::hostChoicesChanged, m_panel, &GpuPanel::setHostChoices);
    connect(m_sources, &GpuSources::shownSourceChanged, m_panel, &GpuPanel::setSource);
    connect(m_sources, &GpuSources::trainingRunChanged, m_panel, &GpuPanel::setTrainingRun);
    m_panel->setSource(m_sources->shownSource());
    m_sources->refresh();
}

GpuSourceSwitch::~GpuSourceSwitch() {
    if (m_panel) m_panel->setSource(nullptr);
}

void GpuSourceSwitch::followRun(const RunInfo& run) {
    m_panel->selectSourceKey(GpuSources::keyFor(run));
}

void GpuSourceSwitch::setRemoteNvidiaSmiProgram(const QString& program) {
    m_sources->setRemoteNvidiaSmiProgram(program);
}

QString GpuSourceSwitch::shownKey() const {
    return m_sources->shownKey();
}

RemoteGpuMonitor* GpuSourceSwitch::monitorFor(const QString& host) const {
    return m_sources->monitorFor(host);
}

}  // namespace tb
