// RunFocus: routes the runs table's selection to the charts, the log, checkpoints and GPUs.
#include "run_focus.h"

#include <QDockWidget>
#include <QMainWindow>

#include "checkpoints_panel.h"
#include "core/runs/run_catalog.h"
#include "remote/runs/remote_runs.h"
#include "remote/runs/shown_run.h"
#include "run_controller.h"
#include "runs_panel.h"
#include "ui/monitor/gpu_source_switch.h"
#include "ui/monitor/log_view.h"
#include "ui/plot/chart_panel.h"

namespace tb {

RunFocus::RunFocus(const RunFocusParts& parts) : QObject(parts.window), m_parts(parts) {
    LogView* log = parts.log;
    connect(parts.runsPanel, &RunsPanel::selectionChanged, this, &RunFocus::onSelectionChanged);
    connect(parts.catalog, &RunCatalog::runsUpdated, this, &RunFocus::onRunsUpdated);
    connect(parts.catalog, &RunCatalog::runsReset, this, &RunFocus::onRunsReset);
    connect(parts.controller, &RunController::launched, this, [this](const QString& id) {
        m_pendingSelection = id;
        if (m_parts.catalog->find(id)) {
            m_parts.runsPanel->selectRun(id);
            m_pendingSelection.clear();
        }
    });
    connect(parts.charts, &ChartPanel::checkpointClicked, this, &RunFocus::showCheckpoint);
    connect(parts.shown, &ShownRun::logFileOpened, log,
            [log](const QString& path) { log->openFile(path, LogView::StartAt::End); });
    connect(parts.shown, &ShownRun::logStreamOpened, log,
            [log](const QString& source, const QByteArray& recent) {
                log->openStream(source);
                log->appendStreamed(recent);
            });
    connect(parts.shown, &ShownRun::logBytes, log, &LogView::appendStreamed);
}

void RunFocus::onSelectionChanged(const QStringList& runIds) {
    m_parts.remote->follow(runIds);  // remote runs' curves are fed before the charts open them
    QList<ChartRun> chartRuns;
    for (const QString& id : runIds) {
        const RunInfo* run = m_parts.catalog->find(id);
        if (!run) continue;
        chartRuns.append({run->id, run->dir, run->label(), !isFinalState(run->state)});
    }
    m_parts.charts->setRuns(chartRuns);
    m_parts.remote->release(runIds);
    showRun(m_parts.runsPanel->currentRunId());
}

void RunFocus::showRun(const QString& runId) {
    if (!m_parts.shown->show(runId)) return;
    if (const RunInfo* run = m_parts.catalog->find(runId))
        m_parts.gpuSources->followRun(*run);  // its machine's GPUs
}

void RunFocus::onRunsUpdated(const QStringList& runIds) {
    // A run that just ended: its curves stop polling, its checkpoints list is final.
    if (runIds.contains(m_parts.shown->runId())) m_parts.shown->refreshCheckpoints();
    if (!runIds.isEmpty()) onSelectionChanged(m_parts.runsPanel->selectedRunIds());
}

void RunFocus::onRunsReset() {
    RunsPanel* runs = m_parts.runsPanel;
    if (!m_pendingSelection.isEmpty() && m_parts.catalog->find(m_pendingSelection)) {
        runs->selectRun(m_pendingSelection);
        m_pendingSelection.clear();
    } else if (runs->currentRunId().isEmpty() && !m_parts.catalog->runs().isEmpty()) {
        runs->selectNewest();  // nothing shown yet (a host's runs arrive after the window opened)
    }
}

void RunFocus::showCheckpoint(const QString& runId, const QString& checkpoint) {
    m_parts.runsPanel->selectRun(runId);
    showRun(runId);
    m_parts.checkpoints->selectCheckpoint(checkpoint);
    if (auto* dock = m_parts.window->findChild<QDockWidget*>("checkpointsDock")) {
        dock->show();
        dock->raise();
    }
}

}  // namespace tb
