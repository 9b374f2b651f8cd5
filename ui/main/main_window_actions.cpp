// Main window actions and menus: File (config), Run, View (docks), with keyboard shortcuts.
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

#include "code_sync_step.h"
#include "core/runs/notebook_launch.h"
#include "core/runs/run_catalog.h"
#include "main_window.h"
#include "remote/hosts/hosts_controller.h"
#include "remote/sync/code_record.h"
#include "run_controller.h"
#include "run_target_box.h"
#include "runs_panel.h"
#include "script_run_dialog.h"
#include "sweep_ui.h"
#include "ui/config/config_document.h"
#include "ui/config/config_editor.h"
#include "ui/style/language_menu.h"
#include "ui/style/theme_menu.h"

namespace tb {

void MainWindow::createActions() {
    m_runAction = new QAction(tr("&Run"), this);
    m_runAction->setObjectName("runAction");
    m_runAction->setShortcut(Qt::CTRL | Qt::Key_R);
    m_runAction->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    connect(m_runAction, &QAction::triggered, this, &MainWindow::startRun);

    m_stopAction = new QAction(tr("&Stop"), this);
    m_stopAction->setObjectName("stopAction");
    m_stopAction->setShortcut(Qt::CTRL | Qt::Key_Period);
    m_stopAction->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopCurrentRun);

    m_scriptAction = new QAction(tr("Run &Script…"), this);
    m_scriptAction->setObjectName("scriptRunAction");
    m_scriptAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    m_scriptAction->setToolTip(tr("Run your own command (python train.py …) on the chosen target"));
    connect(m_scriptAction, &QAction::triggered, this, &MainWindow::runScript);

    m_notebookAction = new QAction(tr("Run &Notebook…"), this);
    m_notebookAction->setObjectName("notebookRunAction");
    m_notebookAction->setShortcut(Qt::CTRL | Qt::ALT | Qt::Key_N);
    m_notebookAction->setToolTip(
        tr("Run a Jupyter notebook's cells in order on the chosen target, headless; an executed "
           "copy with every output is kept in the run folder"));
    connect(m_notebookAction, &QAction::triggered, this, &MainWindow::runNotebook);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    for (QAction* action : m_editor->fileActions()) file->addAction(action);
    file->addAction(m_sweeps->exportAction());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    for (QAction* action : m_editor->editActions()) edit->addAction(action);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runAction);
    run->addAction(m_stopAction);
    run->addAction(m_scriptAction);
    run->addAction(m_notebookAction);
    run->addAction(m_sweeps->runSweepAction());
    run->addSeparator();
    QAction* refresh = run->addAction(tr("Refresh runs"), m_catalog, &RunCatalog::refresh);
    refresh->setShortcut(QKeySequence::Refresh);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : m_docks) view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("Reset layout"), this, [this] {
        QSettings().remove("window/state");
        for (QDockWidget* dock : m_docks) dock->show();
        statusBar()->showMessage(tr("The default layout returns at the next start"), 5000);
    });
    addThemeMenu(view);
    addLanguageMenu(view);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("About Trainbench"), this, [this] {
        QMessageBox::about(
            this, tr("About Trainbench"),
            tr("<b>Trainbench</b> 0.1<br>Train neural networks here or on a rented GPU box; "
               "runs keep going when the app closes.<br>Runs root: %1")
                .arg(m_context.runsRoot));
    });

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName("mainToolbar");
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_targetBox = new RunTargetBox(toolbar);
    // The Slurm login nodes among the hosts, with their sbatch options.
    auto fillTargets = [this] {
        QHash<QString, QString> slurm;
        for (const QString& name : m_hosts->hostNames()) {
            const RemoteHost* host = m_hosts->host(name);
            if (host && host->slurm.enabled) slurm.insert(name, slurmText(host->slurm));
        }
        m_targetBox->setHosts(m_hosts->hostNames(), slurm);
    };
    fillTargets();
    connect(m_hosts, &HostsController::hostsChanged, m_targetBox, fillTargets);
    // A host's run reads the box's data: its path is not looked for on this machine.
    auto followTarget = [this] {
        m_editor->document()->setDataPathsOn(
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
    toolbar->addAction(m_runAction);
    toolbar->addAction(m_stopAction);
}

void MainWindow::updateRunAction() {
    const bool valid = m_editor->isValid();
    m_runAction->setEnabled(valid);
    m_runAction->setToolTip(valid ? tr("Train this config on the chosen target (Ctrl+R)")
                                  : tr("Cannot run: %1").arg(m_editor->invalidReason()));
    const RunInfo* run = m_catalog->find(m_runsPanel->currentRunId());
    m_stopAction->setEnabled(run && !isFinalState(run->state));
}

void MainWindow::startRun() {
    if (!m_editor->isValid()) {
        statusBar()->showMessage(tr("Cannot run: %1").arg(m_editor->invalidReason()), 8000);
        return;
    }
    LaunchRequest request;
    request.configPath = m_editor->filePath();
    request.configText = m_editor->text();
    request.slurm = m_targetBox->slurmOptions();
    m_controller->launchOn(m_targetBox->host(), request);
}

// Window-modal but not blocking: the run starts when the dialog is accepted.
void MainWindow::runScript() {
    auto* dialog =
        new ScriptRunDialog(m_targetBox->host(), m_editor->filePath(), m_editor->text(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        LaunchRequest request = dialog->request();
        if (dialog->host().isEmpty()) request.code = gitRecordOfFolder(request.workDir);
        if (dialog->syncFolder().isEmpty()) return m_controller->launchOn(dialog->host(), request);
        auto* step = new CodeSyncStep(m_hosts, dialog->host(), dialog->syncFolder(), request, this);
        connect(step, &CodeSyncStep::ready, m_controller,
                qOverload<const QString&, const LaunchRequest&>(&RunController::launchOn));
        connect(step, &CodeSyncStep::failed, this,
                [this](const QString& message) { statusBar()->showMessage(message, 15000); });
        step->start();
    });
    dialog->open();
}

void MainWindow::runNotebook() {
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Run Notebook"), settings.value(QStringLiteral("notebookRun/folder")).toString(),
        tr("Jupyter notebooks (*.ipynb)"));
    if (path.isEmpty()) return;
    settings.setValue(QStringLiteral("notebookRun/folder"), QFileInfo(path).absolutePath());
    runNotebookFile(path);
}

void MainWindow::runNotebookFile(const QString& path) {
    LaunchRequest request;
    if (auto made = makeNotebookRequest(path, request); !made) {
        QMessageBox::warning(this, tr("Run Notebook"), QString::fromStdString(made.error()));
        return;
    }
    request.workDir = m_targetBox->host().isEmpty() ? QFileInfo(path).absolutePath() : QString();
    m_controller->launchOn(m_targetBox->host(), request);
}

void MainWindow::stopCurrentRun() {
    const QString id = m_runsPanel->currentRunId();
    if (!id.isEmpty()) m_controller->stop(id);
}

}  // namespace tb
