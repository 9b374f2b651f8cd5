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
#include "core/runs/backend.h"
#include "core/runs/run_catalog.h"
#include "core/services/sweep_add.h"
#include "core/services/sweep_cancel.h"
#include "core/services/sweep_target.h"
#include "core/services/sweep_watch.h"
#include "core/services/workbench.h"
#include "remote/host_workbench.h"
#include "remote/hosts/hosts_controller.h"
#include "remote/runs/host_sweeps.h"
#include "remote/runs/remote_runs.h"
#include "remote/runs/shutdown_watch.h"
#include "run_controller.h"
#include "runs_panel.h"
#include "runs_table_model.h"
#include "ui/config/config_editor.h"
#include "ui/sweep/sweep_add_dialog.h"
#include "ui/sweep/sweep_compare_model.h"
#include "ui/sweep/sweep_compare_panel.h"
#include "ui/sweep/sweep_dialog.h"

namespace tb {

namespace {

// `text` as the file `name` in `dir`, a copy for a target to read; false when it cannot be.
bool writeStaged(const QTemporaryDir& dir, const QString& name, const QString& text,
                 QString& path) {
    path = dir.filePath(name);
    QFile file(path);
    return dir.isValid() && file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
}

QString trialCancelText(TrialCancel cancelled, int trial) {
    return cancelled == TrialCancel::Dequeued ? SweepUi::tr("Trial %1 will not run").arg(trial)
                                              : SweepUi::tr("Trial %1 is being stopped").arg(trial);
}

}  // namespace

SweepUi::SweepUi(const SweepUiParts& parts)
    : QObject(parts.window),
      m_parts(parts),
      m_watch(new SweepWatch(parts.work->runsRoot(), this)),
      m_local(std::make_shared<LocalSweepTarget>(parts.work->localBackend())),
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
    connect(parts.work->catalog(), &RunCatalog::runsReset, this, &SweepUi::selectPendingSweep);
    connect(parts.work->gpuMonitor(), &GpuMonitor::sampled, this,
            [this](const QList<GpuSample>& gpus) { m_gpus = gpus; });
    connect(m_panel, &SweepComparePanel::trialSelected, parts.runsPanel, &RunsPanel::selectRun);
    connect(m_panel, &SweepComparePanel::forkRequested, this, &SweepUi::forkFromBest);
    connect(m_panel, &SweepComparePanel::cancelTrialRequested, this, &SweepUi::cancelTrial);
    connect(m_panel, &SweepComparePanel::cancelSweepRequested, this, &SweepUi::confirmCancelSweep);
    connect(m_panel, &SweepComparePanel::addTrialsRequested, this, &SweepUi::openAddTrials);
    m_watch->start(1000);
    if (parts.hosts) {
        RemoteRuns* remote = parts.hosts->remoteRuns();
        // A child of the hosts' runs: it goes when they go, before the watch it feeds.
        m_hostSweeps =
            new HostSweeps(remote, parts.work->catalog(), m_watch,
                           parts.work->binDir() + QStringLiteral("/tb-sweep.sh"), remote);
        m_hostSweeps->start();
    }
}

SweepUi::~SweepUi() = default;

// A host's scan may list the trials before the start has answered: then it is selected at once.
void SweepUi::selectPendingSweep() {
    if (m_pendingSweep.isEmpty() ||
        !m_parts.runsPanel->model()->sweepIndex(m_pendingSweep).isValid())
        return;
    m_parts.runsPanel->selectSweep(m_pendingSweep);
    m_pendingSweep.clear();
}

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
    QList<SweepDialogTarget> targets{{m_local->name(), m_gpus}};
    if (m_hostSweeps) {
        const HostsController* hosts = m_parts.hosts->hosts();
        for (const QString& name : hosts->hostNames()) {
            SweepDialogTarget target{name, {}, hosts->report(name) != nullptr};
            if (const HostReport* report = hosts->report(name)) {
                for (const ProbedGpu& probed : report->gpus) {
                    GpuSample gpu;
                    gpu.index = probed.index;
                    gpu.name = probed.name;
                    target.gpus << gpu;
                }
            }
            targets << target;
        }
    }
    auto* dialog = new SweepDialog(editor->filePath(), editor->text(), targets, m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startFrom(*dialog); });
    dialog->open();
}

struct SweepUi::Staged {
    SweepSetup setup;
    bool shutdownWhenDone = false;
    QTemporaryDir dir;  // the spec's copy, until the target has read it
};

std::shared_ptr<SweepTarget> SweepUi::targetNamed(const QString& name) {
    if (name == m_local->name()) return m_local;
    if (!m_hostSweeps) return nullptr;
    return std::make_shared<HostSweepTarget>(m_hostSweeps, name);
}

// The spec goes to the target as a file named like the user's (the sweep id comes from it).
void SweepUi::startFrom(const SweepDialog& dialog) {
    auto staged = std::make_shared<Staged>();
    staged->setup = dialog.setup();
    staged->shutdownWhenDone = dialog.shutdownWhenDone();
    if (!writeStaged(staged->dir, dialog.sweepFileName(), dialog.sweepText(),
                     staged->setup.sweepPath))
        return failStart(tr("Cannot write the sweep to %1").arg(staged->setup.sweepPath));
    startOn(dialog.target(), staged, false);
}

// A host without a trainer for the trials is prepared first, once, as a run's Run does.
void SweepUi::startOn(const QString& targetName, const std::shared_ptr<Staged>& staged,
                      bool prepared) {
    const std::shared_ptr<SweepTarget> target = targetNamed(targetName);
    if (!target) return failStart(tr("Host %1 is not in the hosts list").arg(targetName));
    if (target != m_local) say(tr("Starting a sweep on %1…").arg(targetName));
    QPointer<SweepUi> self(this);
    target->startAsync(
        staged->setup, [self, target, staged, prepared](Result<StartedSweep> started) {
            if (!self) return;
            const QString host = target->name();
            if (!started && started.failure().code == Backend::kNeedsPrepare && !prepared) {
                return self->m_parts.controller->prepareHostThen(host, [self, host, staged] {
                    if (self) self->startOn(host, staged, true);
                });
            }
            if (!started) return self->failStart(QString::fromStdString(started.error()));
            self->m_pendingSweep = started->id;
            if (staged->shutdownWhenDone && self->m_parts.hosts)
                self->m_parts.hosts->shutdownWatch()->armSweep(host, started->id, started->dir);
            self->m_watch->refreshNow();
            self->m_parts.work->catalog()->refresh();
            self->selectPendingSweep();
            self->say(
                target == self->m_local
                    ? tr("Sweep %1 started, trials: %2").arg(started->id).arg(started->runs.size())
                    : tr("Sweep %1 started on %2, trials: %3")
                          .arg(started->id, host)
                          .arg(started->runs.size()));
            Q_EMIT self->sweepStarted(started->id);
        });
}

void SweepUi::failStart(const QString& why) {
    QMessageBox::warning(m_parts.window, tr("Sweep not started"), why);
    Q_EMIT sweepFailed(why);
}

void SweepUi::forkFromBest(const QString& runId) {
    const RunInfo* run = m_parts.work->catalog()->find(runId);
    const SweepReport* report = m_watch->report(m_panel->sweepId());
    if (!run || !report) return;
    // Its config.yaml is the sweep's base: the fork starts from the trial's own values.
    const int row = m_panel->model()->rowOf(runId);
    const QMap<QString, QString> values =
        row < 0 ? QMap<QString, QString>() : report->trials[row].values;
    const QString label = run->label();
    QPointer<SweepUi> self(this);
    const auto forkFrom = [self, runId, label, values](const QString& checkpoint) {
        if (!self) return;
        if (checkpoint.isEmpty())
            return self->say(tr("%1 has no checkpoint yet to fork from").arg(label));
        self->m_parts.controller->forkAdjusted(runId, checkpoint, [values](const QString& config) {
            return withTrialValues(config, values);
        });
    };
    if (report->host.isEmpty() || !m_hostSweeps)
        return forkFrom(bestCheckpoint(run->dir, report->metric, report->maximize));
    say(tr("Listing the checkpoints of %1 on %2…").arg(label, report->host));
    m_hostSweeps->bestCheckpoint(
        runId, report->metric, report->maximize, [self, forkFrom](Result<QString> checkpoint) {
            if (!checkpoint && self) return self->say(QString::fromStdString(checkpoint.error()));
            if (checkpoint) forkFrom(*checkpoint);
        });
}

void SweepUi::openAddTrials(const QString& sweepId) {
    const SweepReport* report = m_watch->report(sweepId);
    if (!report) return;
    auto* dialog = new SweepAddDialog(*report, m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString host = report->host;
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, host] { addTrials(dialog->sweepId(), host, dialog->sweepText()); });
    dialog->open();
}

// The text goes to the target as more.yaml; the sweep's own folder keeps its copy.
void SweepUi::addTrials(const QString& sweepId, const QString& host, const QString& text) {
    auto stage = std::make_shared<QTemporaryDir>();
    QString path;
    if (!writeStaged(*stage, QStringLiteral("more.yaml"), text, path))
        return say(tr("Cannot write the trials to %1").arg(path));
    QPointer<SweepUi> self(this);
    const auto added = [self, sweepId, stage](Result<QStringList> runs) {
        if (!self) return;
        if (!runs) {
            QMessageBox::warning(self->m_parts.window, tr("Trials not added"),
                                 QString::fromStdString(runs.error()));
            return;
        }
        self->m_watch->refreshNow();
        self->m_parts.work->catalog()->refresh();
        self->say(tr("%1 more trials queued in sweep %2").arg(runs->size()).arg(sweepId));
        Q_EMIT self->trialsAdded(sweepId, *runs);
    };
    if (host.isEmpty()) return added(addToLocalSweep(*m_parts.work->localBackend(), sweepId, path));
    if (!m_hostSweeps) return say(tr("Host %1 is not in the hosts list").arg(host));
    say(tr("Adding trials to %1 on %2…").arg(sweepId, host));
    m_hostSweeps->addTrials(host, sweepId, path, added);
}

void SweepUi::cancelTrial(const QString& sweepId, int trial) {
    const SweepReport* report = m_watch->report(sweepId);
    if (report && !report->host.isEmpty()) return cancelOnHost(report->host, sweepId, trial);
    const QString dir = m_watch->runsRoot() + QStringLiteral("/.sweeps/") + sweepId;
    auto cancelled = cancelSweepTrial(dir, trial);
    if (!cancelled) return say(QString::fromStdString(cancelled.error()));
    say(trialCancelText(*cancelled, trial));
    m_watch->refreshNow();
}

// `trial` 0: the whole sweep. The answer comes from the box.
void SweepUi::cancelOnHost(const QString& host, const QString& sweepId, int trial) {
    if (!m_hostSweeps) return;
    QPointer<SweepUi> self(this);
    m_hostSweeps->cancel(
        host, sweepId, trial, [self, host, sweepId, trial](Result<TrialCancel> said) {
            if (!self) return;
            if (!said) return self->say(QString::fromStdString(said.error()));
            if (trial == 0)
                return self->say(
                    tr("Sweep %1 on %2: every trial is being cancelled").arg(sweepId, host));
            self->say(trialCancelText(*said, trial));
        });
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
        const SweepReport* report = m_watch->report(sweepId);
        if (report && !report->host.isEmpty()) return cancelOnHost(report->host, sweepId, 0);
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
    const SweepReport* report = m_watch->report(sweepId);
    QAction* add =
        menu->addAction(tr("Add trials…"), this, [this, sweepId] { openAddTrials(sweepId); });
    add->setEnabled(report && report->takesMoreTrials());
    menu->addSeparator();
    QAction* cancel = menu->addAction(tr("Cancel sweep…"), this,
                                      [this, sweepId] { confirmCancelSweep(sweepId); });
    cancel->setEnabled(report && !sweepSettled(*report));
}

}  // namespace tb
