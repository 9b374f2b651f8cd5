// SweepUi: which signal feeds what between the SweepWatch, the runs panel and the comparison.
#include "sweep_ui.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeView>

#include "core/gpu/gpu_monitor.h"
#include "core/runs/run_catalog.h"
#include "core/services/sweep_cancel.h"
#include "core/services/sweep_target.h"
#include "core/services/sweep_watch.h"
#include "core/services/workbench.h"
#include "run_controller.h"
#include "runs_panel.h"
#include "runs_table_model.h"
#include "ui/config/config_editor.h"
#include "ui/sweep/sweep_compare_model.h"
#include "ui/sweep/sweep_compare_panel.h"
#include "ui/sweep/sweep_dialog.h"

namespace tb {

SweepUi::SweepUi(const SweepUiParts& parts)
    : QObject(parts.window),
      m_parts(parts),
      m_watch(new SweepWatch(parts.work->runsRoot(), this)),
      m_local(std::make_unique<LocalSweepTarget>(parts.work->localBackend())),
      m_panel(new SweepComparePanel(parts.window)),
      m_runSweep(new QAction(tr("Run S&weep…"), this)) {
    m_runSweep->setObjectName(QStringLiteral("runSweepAction"));
    m_runSweep->setShortcut(Qt::CTRL | Qt::ALT | Qt::Key_R);
    m_runSweep->setToolTip(
        tr("Run the config or a script many times with other values and "
           "compare the trials"));
    connect(m_runSweep, &QAction::triggered, this, &SweepUi::openDialog);
    m_panel->model()->setStateText(&RunsTableModel::stateText);

    RunsTableModel* model = parts.runsPanel->model();
    model->setSweepNotes([this](const QString& id) {
        RunsTableModel::SweepNote note;
        const SweepReport* report = m_watch->report(id);
        if (!report) return note;
        note.known = true;
        note.done = report->count(TrialQueueState::Done);
        note.running = report->count(TrialQueueState::Running);
        note.queued = report->count(TrialQueueState::Queued);
        note.cancelled = report->count(TrialQueueState::Cancelled);
        note.metric = report->metric;
        if (report->bestRow >= 0) {
            note.best = report->trials[report->bestRow].best;
            note.bestRun = report->trials[report->bestRow].run;
        }
        return note;
    });
    connect(m_watch, &SweepWatch::sweepsChanged, this, &SweepUi::onSweepsChanged);
    connect(parts.runsPanel, &RunsPanel::currentSweepChanged, this, &SweepUi::showSweep);
    connect(parts.runsPanel, &RunsPanel::selectionChanged, this, &SweepUi::syncSelectedTrial);
    connect(parts.runsPanel, &RunsPanel::sweepContextMenuAboutToShow, this, &SweepUi::addGroupMenu);
    connect(parts.work->catalog(), &RunCatalog::runsReset, this, [this] {
        if (m_pendingSweep.isEmpty() ||
            !m_parts.runsPanel->model()->sweepIndex(m_pendingSweep).isValid())
            return;
        m_parts.runsPanel->selectSweep(m_pendingSweep);
        m_pendingSweep.clear();
    });
    connect(parts.work->gpuMonitor(), &GpuMonitor::sampled, this,
            [this](const QList<GpuSample>& gpus) { m_gpus = gpus; });
    connect(m_panel, &SweepComparePanel::trialSelected, parts.runsPanel, &RunsPanel::selectRun);
    connect(m_panel, &SweepComparePanel::forkRequested, this, &SweepUi::forkFromBest);
    connect(m_panel, &SweepComparePanel::cancelTrialRequested, this, &SweepUi::cancelTrial);
    connect(m_panel, &SweepComparePanel::cancelSweepRequested, this, &SweepUi::confirmCancelSweep);
    m_watch->start(1000);
}

SweepUi::~SweepUi() = default;

QAction* SweepUi::exportAction() const {
    return m_panel->exportAction();
}

void SweepUi::say(const QString& message) {
    m_parts.window->statusBar()->showMessage(message, 10000);
}

void SweepUi::raiseDock() {
    if (auto* dock = qobject_cast<QDockWidget*>(m_panel->parentWidget())) {
        dock->show();
        dock->raise();
    }
}

void SweepUi::onSweepsChanged(const QStringList& ids) {
    m_parts.runsPanel->model()->sweepNotesChanged(ids);
    if (ids.contains(m_panel->sweepId())) m_panel->setReport(m_watch->report(m_panel->sweepId()));
    // The runs table's current row may be a sweep whose report has just arrived.
    const QString current = m_parts.runsPanel->currentSweepId();
    if (!current.isEmpty() && current != m_panel->sweepId() && ids.contains(current))
        showSweep(current);
}

// The panel follows the runs table: a sweep's group or one of its trials shows that sweep.
void SweepUi::showSweep(const QString& sweepId) {
    if (sweepId.isEmpty()) return;  // a run outside any sweep: the last sweep stays in view
    const SweepReport* report = m_watch->report(sweepId);
    if (!report) {
        m_watch->refreshNow();  // a sweep started elsewhere; shown when its report arrives
        return;
    }
    const bool other = sweepId != m_panel->sweepId();
    m_panel->setReport(report);
    syncSelectedTrial();
    if (other) raiseDock();
}

void SweepUi::syncSelectedTrial() {
    const QModelIndex current = m_parts.runsPanel->view()->currentIndex();
    if (current.data(RunsTableModel::SweepIdRole).toString() != m_panel->sweepId()) return;
    m_panel->selectTrial(current.data(RunsTableModel::RunIdRole).toString());
}

void SweepUi::openDialog() {
    ConfigEditor* editor = m_parts.editor;
    auto* dialog = new SweepDialog(editor->filePath(), editor->text(), m_gpus, {m_local->name()},
                                   m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startFrom(*dialog); });
    dialog->open();
}

// The spec goes to the target as a file named like the user's (the sweep id comes from it).
void SweepUi::startFrom(const SweepDialog& dialog) {
    SweepSetup setup = dialog.setup();
    auto stage = std::make_shared<QTemporaryDir>();
    setup.sweepPath = stage->filePath(dialog.sweepFileName());
    QFile spec(setup.sweepPath);
    if (!stage->isValid() || !spec.open(QIODevice::WriteOnly) ||
        spec.write(dialog.sweepText().toUtf8()) < 0) {
        Q_EMIT sweepFailed(tr("Cannot write the sweep to %1").arg(setup.sweepPath));
        return;
    }
    spec.close();
    // Remote targets plug in here: dialog.target() names one, each a SweepTarget.
    SweepTarget* target = m_local.get();
    target->startAsync(setup, [this, stage](Result<StartedSweep> started) {
        if (!started) {
            const QString why = QString::fromStdString(started.error());
            QMessageBox::warning(m_parts.window, tr("Sweep not started"), why);
            Q_EMIT sweepFailed(why);
            return;
        }
        m_pendingSweep = started->id;
        m_watch->refreshNow();
        m_parts.work->catalog()->refresh();
        say(tr("Sweep %1 started, trials: %2").arg(started->id).arg(started->runs.size()));
        Q_EMIT sweepStarted(started->id);
    });
}

void SweepUi::forkFromBest(const QString& runId) {
    const RunInfo* run = m_parts.work->catalog()->find(runId);
    const SweepReport* report = m_watch->report(m_panel->sweepId());
    if (!run || !report) return;
    const QString checkpoint = bestCheckpoint(run->dir, report->metric, report->maximize);
    if (checkpoint.isEmpty())
        return say(tr("%1 has no checkpoint yet to fork from").arg(run->label()));
    // Its config.yaml is the sweep's base: the fork starts from the trial's own values.
    const int row = m_panel->model()->rowOf(runId);
    const QMap<QString, QString> values =
        row < 0 ? QMap<QString, QString>() : report->trials[row].values;
    m_parts.controller->forkAdjusted(runId, checkpoint, [values](const QString& config) {
        return withTrialValues(config, values);
    });
}

void SweepUi::cancelTrial(const QString& sweepId, int trial) {
    const QString dir = m_watch->runsRoot() + QStringLiteral("/.sweeps/") + sweepId;
    auto cancelled = cancelSweepTrial(dir, trial);
    if (!cancelled) return say(QString::fromStdString(cancelled.error()));
    say(*cancelled == TrialCancel::Dequeued ? tr("Trial %1 will not run").arg(trial)
                                            : tr("Trial %1 is being stopped").arg(trial));
    m_watch->refreshNow();
}

void SweepUi::confirmCancelSweep(const QString& sweepId) {
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Cancel sweep"),
        tr("Cancel every queued and running trial of %1? Finished trials and their checkpoints "
           "are kept.")
            .arg(sweepId),
        QMessageBox::Yes | QMessageBox::No, m_parts.window);
    box->setObjectName(QStringLiteral("confirmCancelSweep"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QAbstractButton* yes = box->button(QMessageBox::Yes);
    connect(box, &QMessageBox::buttonClicked, this, [this, sweepId, yes](QAbstractButton* clicked) {
        if (clicked != yes) return;
        auto cancelled = cancelSweep(m_watch->runsRoot() + QStringLiteral("/.sweeps/") + sweepId);
        say(cancelled ? tr("Sweep %1: every trial is being cancelled").arg(sweepId)
                      : QString::fromStdString(cancelled.error()));
        m_watch->refreshNow();
    });
    box->open();
}

void SweepUi::addGroupMenu(QMenu* menu, const QString& sweepId) {
    menu->addAction(tr("Compare trials"), this, [this, sweepId] {
        showSweep(sweepId);
        raiseDock();
    });
    menu->addAction(exportAction()->text(), this, [this, sweepId] {
        showSweep(sweepId);
        exportAction()->trigger();
    });
    menu->addSeparator();
    const SweepReport* report = m_watch->report(sweepId);
    QAction* cancel = menu->addAction(tr("Cancel sweep…"), this,
                                      [this, sweepId] { confirmCancelSweep(sweepId); });
    cancel->setEnabled(report && !sweepSettled(*report));
}

}  // namespace tb
