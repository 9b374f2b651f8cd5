// Main window: builds the panels, puts them in docks and connects them to each other.
#include "main_window.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>

#include "checkpoints_panel.h"
#include "core/checkpoints/checkpoint_catalog.h"
#include "core/gpu/gpu_monitor.h"
#include "core/metrics/run_metrics.h"
#include "core/runs/run_catalog.h"
#include "core/services/workbench.h"
#include "remote/host_workbench.h"
#include "remote/hosts/hosts_controller.h"
#include "remote/runs/remote_runs.h"
#include "remote/runs/shutdown_watch.h"
#include "run_controller.h"
#include "runs_panel.h"
#include "shutdown_ui.h"
#include "sweep_ui.h"
#include "ui/config/config_editor.h"
#include "ui/hosts/hosts_panel.h"
#include "ui/monitor/gpu_panel.h"
#include "ui/monitor/gpu_source_switch.h"
#include "ui/monitor/log_view.h"
#include "ui/monitor/run_notifier.h"
#include "ui/plot/chart_panel.h"
#include "ui/sweep/sweep_compare_panel.h"

namespace tb {

namespace {

// Bumped when a dock is added (1: Hosts, 3: Sweep) or the default arrangement changes (2: sized
// to the screen), so a layout saved before gives way to the default.
constexpr int kLayoutVersion = 3;

}  // namespace

MainWindow::MainWindow(const AppContext& context, QWidget* parent)
    : QMainWindow(parent), m_context(context) {
    setWindowTitle(tr("Trainbench"));
    setObjectName("MainWindow");
    createPanels();
    createDocks();
    createActions();
    createMenus();
    connectPanels();
    restoreLayout();

    const QString config =
        context.openConfig.isEmpty() ? context.configsDir + "/demo.yaml" : context.openConfig;
    m_editor->openFile(config);
    m_work->start(1000);
    m_hostWork->start();
    m_runsPanel->selectNewest();
    updateRunAction();
}

// The hosts side goes before the panels that show it (HostWorkbench orders its own parts).
MainWindow::~MainWindow() {
    delete m_hostWork;
}

void MainWindow::createPanels() {
    m_work = new Workbench(m_context.runsRoot, m_context.binDir, this);
    m_hostWork = new HostWorkbench(m_work, m_context.hostsConfigDir, m_context.hostsOptions, this);
    m_catalog = m_work->catalog();
    m_metrics = m_work->metrics();
    m_checkpointCatalog = m_work->checkpoints();
    m_gpuMonitor = m_work->gpuMonitor();
    m_hosts = m_hostWork->hosts();
    m_remote = m_hostWork->remoteRuns();
    m_shutdownWatch = m_hostWork->shutdownWatch();
    m_controller = new RunController(m_work->targets(), m_catalog, this);
    m_notifier = new RunNotifier(this);
    m_notifier->watch(m_catalog);  // states, NaN in any metric, stalls
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        auto* tray = new QSystemTrayIcon(windowIcon(), this);
        tray->setToolTip(tr("Trainbench"));
        tray->show();
        m_notifier->setTrayIcon(tray);
    }

    m_runsPanel = new RunsPanel(m_catalog, this);
    m_editor = new ConfigEditor(m_context.configsDir, this);
    m_editor->acceptConfigDrops(this);  // a .yaml dropped anywhere on the window opens there
    m_charts = new ChartPanel(m_metrics, this);
    m_log = new LogView(this);
    m_checkpoints = new CheckpointsPanel(m_checkpointCatalog, this);
    m_gpuPanel = new GpuPanel(this);
    m_gpuSources = new GpuSourceSwitch(m_gpuPanel, m_gpuMonitor, m_hosts, m_catalog, this);
    m_controller->setRemoteRuns(m_remote);
    m_checkpoints->setRemoteRuns(m_remote);
    m_hostsPanel = new HostsPanel(m_hosts, {}, this);
    m_sweeps = new SweepUi({this, m_work, m_runsPanel, m_controller, m_editor});
    setCentralWidget(m_charts);
    m_runsRootLabel = new QLabel(tr("Runs: %1").arg(m_context.runsRoot), this);
    statusBar()->addPermanentWidget(m_runsRootLabel);
}

QDockWidget* MainWindow::addDock(const QString& title, const QString& name, QWidget* widget,
                                 Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name);  // saveState() keys docks by object name
    dock->setWidget(widget);
    addDockWidget(area, dock);
    m_docks.append(dock);
    return dock;
}

void MainWindow::createDocks() {
    QDockWidget* runs = addDock(tr("Runs"), "runsDock", m_runsPanel, Qt::LeftDockWidgetArea);
    QDockWidget* config = addDock(tr("Config"), "configDock", m_editor, Qt::RightDockWidgetArea);
    QDockWidget* log = addDock(tr("Log"), "logDock", m_log, Qt::BottomDockWidgetArea);
    QDockWidget* checkpoints =
        addDock(tr("Checkpoints"), "checkpointsDock", m_checkpoints, Qt::BottomDockWidgetArea);
    QDockWidget* gpu = addDock(tr("GPU"), "gpuDock", m_gpuPanel, Qt::LeftDockWidgetArea);
    QDockWidget* hosts = addDock(tr("Hosts"), "hostsDock", m_hostsPanel, Qt::RightDockWidgetArea);
    tabifyDockWidget(log, checkpoints);
    tabifyDockWidget(
        log, addDock(tr("Sweep"), "sweepDock", m_sweeps->panel(), Qt::BottomDockWidgetArea));
    tabifyDockWidget(config, hosts);
    config->raise();
    log->raise();
}

// The first start fills the screen's available area and shares its width out: the config dock
// gets room for the form and the YAML side by side, the runs dock for its names and states.
void MainWindow::applyDefaultLayout() {
    if (const QScreen* shown = screen()) setGeometry(shown->availableGeometry());
    const int width = this->width();
    auto* runs = findChild<QDockWidget*>("runsDock");
    auto* config = findChild<QDockWidget*>("configDock");
    auto* gpu = findChild<QDockWidget*>("gpuDock");
    auto* log = findChild<QDockWidget*>("logDock");
    resizeDocks({runs, config}, {qBound(320, width / 4, 420), qBound(540, width * 2 / 5, 760)},
                Qt::Horizontal);
    resizeDocks({runs, gpu}, {height() * 11 / 20, height() * 6 / 20}, Qt::Vertical);
    resizeDocks({log}, {qBound(180, height() / 4, 260)}, Qt::Vertical);
}

void MainWindow::connectPanels() {
    connect(m_runsPanel, &RunsPanel::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(m_runsPanel, &RunsPanel::stopRequested, m_controller, &RunController::stop);
    connect(m_catalog, &RunCatalog::runsUpdated, this, &MainWindow::onRunsUpdated);
    connect(m_catalog, &RunCatalog::runsReset, this, [this] {
        onRunsUpdated({});
        if (!m_pendingSelection.isEmpty() && m_catalog->find(m_pendingSelection)) {
            m_runsPanel->selectRun(m_pendingSelection);
            m_pendingSelection.clear();
        } else if (m_runsPanel->currentRunId().isEmpty() && !m_catalog->runs().isEmpty()) {
            // Nothing shown yet (a host's runs arrive after the window opened): the newest.
            m_runsPanel->selectNewest();
        }
    });
    connect(m_editor, &ConfigEditor::validityChanged, this, &MainWindow::updateRunAction);
    connect(m_controller, &RunController::launched, this, [this](const QString& id) {
        m_pendingSelection = id;
        if (m_catalog->find(id)) {
            m_runsPanel->selectRun(id);
            m_pendingSelection.clear();
        }
    });
    connect(m_controller, &RunController::failed, this, [this](const QString& message) {
        statusBar()->showMessage(message, 15000);
        m_log->setToolTip(message);
    });
    connect(m_controller, &RunController::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_charts, &ChartPanel::checkpointClicked, this, &MainWindow::showCheckpoint);
    connect(m_checkpoints, &CheckpointsPanel::resumeRequested, m_controller,
            &RunController::resume);
    connect(m_checkpoints, &CheckpointsPanel::forkRequested, m_controller, &RunController::fork);
    connect(m_checkpoints, &CheckpointsPanel::resumeOnRequested, m_controller,
            &RunController::resumeOn);
    connect(m_remote, &RemoteRuns::followLimited, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    connect(m_hostsPanel, &HostsPanel::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    if (const Result<void> loaded = m_hostWork->load(); !loaded)
        statusBar()->showMessage(QString::fromStdString(loaded.error()));
    connect(m_remote, &RemoteRuns::logAppended, this,
            [this](const QString& id, const QByteArray& bytes) {
                if (id == m_shownRun) m_log->appendStreamed(bytes);
            });
    connectShutdownWatch(m_shutdownWatch, {m_hosts, m_hostsPanel, m_runsPanel, m_catalog,
                                           m_targetBox, m_controller, statusBar()});
    connect(m_notifier, &RunNotifier::notify, this,
            [this](const QString& title, const QString& text) {
                statusBar()->showMessage(title + ": " + text, 15000);
            });
}

void MainWindow::restoreLayout() {
    QSettings settings;
    const bool placed = restoreGeometry(settings.value("window/geometry").toByteArray());
    const bool arranged =
        restoreState(settings.value("window/state").toByteArray(), kLayoutVersion);
    if (!placed || !arranged) applyDefaultLayout();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_editor->confirmDiscard()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState(kLayoutVersion));
    m_hostWork->saveConnectedHosts();
    // Runs are detached processes: closing the window leaves them training.
    event->accept();
}

void MainWindow::onSelectionChanged(const QStringList& runIds) {
    m_remote->follow(runIds);  // remote runs' curves are fed before the charts open them
    QList<ChartRun> chartRuns;
    for (const QString& id : runIds) {
        const RunInfo* run = m_catalog->find(id);
        if (!run) continue;
        chartRuns.append({run->id, run->dir, run->label(), !isFinalState(run->state)});
    }
    m_charts->setRuns(chartRuns);
    m_remote->release(runIds);
    showRun(m_runsPanel->currentRunId());
    updateRunAction();
}

void MainWindow::showRun(const QString& runId) {
    if (runId == m_shownRun) return;
    m_shownRun = runId;
    const RunInfo* run = m_catalog->find(runId);
    if (run) m_gpuSources->followRun(*run);  // its machine's GPUs
    if (run && m_catalog->isRemote(*run)) {
        m_checkpoints->showRemoteRun(runId, run->target);
        m_log->openStream(run->target + ":" + run->dir + "/output.log");
        m_log->appendStreamed(m_remote->recentLog(runId));
        return;
    }
    m_checkpoints->showRun(runId, run ? run->dir : QString());
    if (run) m_log->openFile(run->dir + "/output.log", LogView::StartAt::End);
}

void MainWindow::onRunsUpdated(const QStringList& runIds) {
    // A run that just ended: its curves stop polling, its checkpoints list is final.
    if (runIds.contains(m_shownRun)) m_checkpoints->refresh();
    if (!runIds.isEmpty()) onSelectionChanged(m_runsPanel->selectedRunIds());
}

void MainWindow::showCheckpoint(const QString& runId, const QString& checkpoint) {
    m_runsPanel->selectRun(runId);
    showRun(runId);
    m_checkpoints->selectCheckpoint(checkpoint);
    if (auto* dock = findChild<QDockWidget*>("checkpointsDock")) {
        dock->show();
        dock->raise();
    }
}

}  // namespace tb
