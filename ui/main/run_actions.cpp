// RunActions: the Run menu's actions and the toolbar's target chooser.
#include "run_actions.h"

#include <QAction>
#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStyle>
#include <QToolBar>

#include "code_sync_step.h"
#include "core/runs/notebook_launch.h"
#include "core/runs/run_catalog.h"
#include "remote/hosts/hosts_controller.h"
#include "remote/sync/code_record.h"
#include "run_controller.h"
#include "run_target_box.h"
#include "runs_panel.h"
#include "script_run_dialog.h"
#include "ui/config/config_document.h"
#include "ui/config/config_editor.h"

namespace tb {

RunActions::RunActions(const RunActionsParts& parts)
    : QObject(parts.window), m_parts(parts), m_targetBox(new RunTargetBox(parts.window)) {
    QStyle* style = parts.window->style();
    m_run = addAction(tr("&Run"), "runAction", Qt::CTRL | Qt::Key_R, &RunActions::startRun);
    m_run->setIcon(style->standardIcon(QStyle::SP_MediaPlay));
    m_stop = addAction(tr("&Stop"), "stopAction", Qt::CTRL | Qt::Key_Period,
                       &RunActions::stopCurrentRun);
    m_stop->setIcon(style->standardIcon(QStyle::SP_MediaStop));
    m_script = addAction(tr("Run &Script…"), "scriptRunAction", Qt::CTRL | Qt::SHIFT | Qt::Key_R,
                         &RunActions::runScript);
    m_script->setToolTip(tr("Run your own command (python train.py …) on the chosen target"));
    m_notebook = addAction(tr("Run &Notebook…"), "notebookRunAction",
                           Qt::CTRL | Qt::ALT | Qt::Key_N, &RunActions::runNotebook);
    m_notebook->setToolTip(
        tr("Run a Jupyter notebook's cells in order on the chosen target, headless; an executed "
           "copy with every output is kept in the run folder"));
    connect(parts.editor, &ConfigEditor::validityChanged, this, &RunActions::updateActions);
    connect(parts.runsPanel, &RunsPanel::selectionChanged, this, &RunActions::updateActions);
    connect(parts.catalog, &RunCatalog::runsUpdated, this, &RunActions::updateActions);
    connect(parts.controller, &RunController::failed, this,
            [this](const QString& message) { Q_EMIT statusMessage(message, 15000); });
    connect(parts.controller, &RunController::statusMessage, this,
            [this](const QString& message) { Q_EMIT statusMessage(message, 8000); });
    updateActions();
}

QAction* RunActions::addAction(const QString& text, const char* name, const QKeySequence& key,
                               void (RunActions::*slot)()) {
    auto* action = new QAction(text, m_parts.window);
    action->setObjectName(QLatin1String(name));
    action->setShortcut(key);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

void RunActions::addTo(QMenu* menu) const {
    for (QAction* action : {m_run, m_stop, m_script, m_notebook}) menu->addAction(action);
}

void RunActions::addToolBar() {
    QToolBar* toolbar = m_parts.window->addToolBar(tr("Main"));
    toolbar->setObjectName("mainToolbar");
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // The Slurm login nodes among the hosts, with their sbatch options.
    HostsController* hosts = m_parts.hosts;
    auto fillTargets = [this, hosts] {
        QHash<QString, QString> slurm;
        for (const QString& name : hosts->hostNames()) {
            const RemoteHost* host = hosts->host(name);
            if (host && host->slurm.enabled) slurm.insert(name, slurmText(host->slurm));
        }
        m_targetBox->setHosts(hosts->hostNames(), slurm);
    };
    fillTargets();
    connect(hosts, &HostsController::hostsChanged, m_targetBox, fillTargets);
    // A host's run reads the box's data: its path is not looked for on this machine.
    auto followTarget = [this] {
        m_parts.editor->document()->setDataPathsOn(
            m_targetBox->host().isEmpty() ? DataPathsOn::ThisMachine : DataPathsOn::Host);
    };
    connect(m_targetBox, &QComboBox::currentIndexChanged, this, followTarget);
    followTarget();
    toolbar->addWidget(m_targetBox);
    toolbar->addWidget(m_targetBox->shutdownCheck());
    // A toolbar shows or hides its widgets through their actions.
    QAction* slurm = toolbar->addWidget(m_targetBox->slurmField());
    slurm->setVisible(m_targetBox->slurmEdit()->isEnabled());
    connect(m_targetBox, &RunTargetBox::slurmHostChosen, slurm, &QAction::setVisible);
    toolbar->addAction(m_run);
    toolbar->addAction(m_stop);
}

void RunActions::updateActions() {
    ConfigEditor* editor = m_parts.editor;
    const bool valid = editor->isValid();
    m_run->setEnabled(valid);
    m_run->setToolTip(valid ? tr("Train this config on the chosen target (Ctrl+R)")
                            : tr("Cannot run: %1").arg(editor->invalidReason()));
    const RunInfo* run = m_parts.catalog->find(m_parts.runsPanel->currentRunId());
    m_stop->setEnabled(run && !isFinalState(run->state));
}

void RunActions::startRun() {
    ConfigEditor* editor = m_parts.editor;
    if (!editor->isValid())
        return Q_EMIT statusMessage(tr("Cannot run: %1").arg(editor->invalidReason()), 8000);
    LaunchRequest request;
    request.configPath = editor->filePath();
    request.configText = editor->text();
    request.slurm = m_targetBox->slurmOptions();
    m_parts.controller->launchOn(m_targetBox->host(), request);
}

void RunActions::stopCurrentRun() {
    const QString id = m_parts.runsPanel->currentRunId();
    if (!id.isEmpty()) m_parts.controller->stop(id);
}

// Window-modal but not blocking: the run starts when the dialog is accepted.
void RunActions::runScript() {
    ConfigEditor* editor = m_parts.editor;
    auto* dialog = new ScriptRunDialog(m_targetBox->host(), editor->filePath(), editor->text(),
                                       m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    RunController* controller = m_parts.controller;
    connect(dialog, &QDialog::accepted, this, [this, dialog, controller] {
        LaunchRequest request = dialog->request();
        if (dialog->host().isEmpty()) request.code = gitRecordOfFolder(request.workDir);
        if (dialog->syncFolder().isEmpty()) return controller->launchOn(dialog->host(), request);
        auto* step = new CodeSyncStep(m_parts.hosts, dialog->host(), dialog->syncFolder(), request,
                                      m_parts.window);
        connect(step, &CodeSyncStep::ready, controller,
                qOverload<const QString&, const LaunchRequest&>(&RunController::launchOn));
        connect(step, &CodeSyncStep::failed, this,
                [this](const QString& message) { Q_EMIT statusMessage(message, 15000); });
        step->start();
    });
    dialog->open();
}

void RunActions::runNotebook() {
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        m_parts.window, tr("Run Notebook"),
        settings.value(QStringLiteral("notebookRun/folder")).toString(),
        tr("Jupyter notebooks (*.ipynb)"));
    if (path.isEmpty()) return;
    settings.setValue(QStringLiteral("notebookRun/folder"), QFileInfo(path).absolutePath());
    runNotebookFile(path);
}

void RunActions::runNotebookFile(const QString& path) {
    LaunchRequest request;
    if (auto made = makeNotebookRequest(path, request); !made) {
        QMessageBox::warning(m_parts.window, tr("Run Notebook"),
                             QString::fromStdString(made.error()));
        return;
    }
    request.workDir = m_targetBox->host().isEmpty() ? QFileInfo(path).absolutePath() : QString();
    m_parts.controller->launchOn(m_targetBox->host(), request);
}

}  // namespace tb
