// Main window: builds the panels over the workbenches, puts them in docks, menus and a toolbar.
#include "main_window.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>

#include "checkpoints_panel.h"
#include "core/gpu/gpu_monitor.h"
#include "core/runs/run_catalog.h"
#include "core/services/workbench.h"
#include "remote/host_workbench.h"
#include "remote/runs/remote_runs.h"
#include "remote/runs/shown_run.h"
#include "run_actions.h"
#include "run_controller.h"
#include "run_focus.h"
#include "runs_panel.h"
#include "shutdown_ui.h"
#include "sweep_ui.h"
#include "ui/config/config_editor.h"
#include "ui/hosts/hosts_panel.h"
#include "ui/monitor/gpu_panel.h"
#include "ui/monitor/gpu_source_switch.h"
#include "ui/monitor/log_view.h"
#include "ui/monitor/run_alerts.h"
#include "ui/monitor/run_notifier.h"
#include "ui/plot/chart_panel.h"
#include "ui/style/language_menu.h"
#include "ui/style/theme_menu.h"
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
    createParts();
    restoreLayout();
    m_editor->openFile(context.openConfig.isEmpty() ? context.configsDir + "/demo.yaml"
                                                    : context.openConfig);
    m_work->start(1000);
    m_hostWork->start();
    findChild<RunsPanel*>()->selectNewest();
}

// The hosts side goes before the panels that show it (HostWorkbench orders its own parts).
MainWindow::~MainWindow() {
    delete m_hostWork;
}

void MainWindow::createParts() {
    m_work = new Workbench(m_context.runsRoot, m_context.binDir, this);
    m_hostWork = new HostWorkbench(m_work, m_context.hostsConfigDir, m_context.hostsOptions, this);
    RunCatalog* catalog = m_work->catalog();
    HostsController* hosts = m_hostWork->hosts();
    RemoteRuns* remote = m_hostWork->remoteRuns();
    auto* controller = new RunController(m_work->targets(), catalog, this);
    controller->setRemoteRuns(remote);
    auto* shown = new ShownRun(catalog, m_work->checkpoints(), remote, this);
    auto* runs = new RunsPanel(catalog, this);
    m_editor = new ConfigEditor(m_context.configsDir, this);
    m_editor->acceptConfigDrops(this);  // a .yaml dropped anywhere on the window opens there
    auto* charts = new ChartPanel(m_work->metrics(), this);
    auto* log = new LogView(this);
    auto* checkpoints = new CheckpointsPanel(m_work->checkpoints(), shown, this);
    auto* gpu = new GpuPanel(this);
    auto* gpuSources = new GpuSourceSwitch(gpu, m_work->gpuMonitor(), hosts, catalog, this);
    auto* hostsPanel = new HostsPanel(hosts, {}, this);
    auto* sweeps = new SweepUi({this, m_work, runs, controller, m_editor, m_hostWork});
    m_actions = new RunActions({this, controller, m_editor, runs, catalog, hosts});
    new RunFocus(
        {this, catalog, runs, charts, log, checkpoints, gpuSources, remote, shown, controller});
    setCentralWidget(charts);
    statusBar()->addPermanentWidget(new QLabel(tr("Runs: %1").arg(m_context.runsRoot), this));

    addDock(tr("Runs"), "runsDock", runs, Qt::LeftDockWidgetArea);
    QDockWidget* config = addDock(tr("Config"), "configDock", m_editor, Qt::RightDockWidgetArea);
    QDockWidget* logDock = addDock(tr("Log"), "logDock", log, Qt::BottomDockWidgetArea);
    tabifyDockWidget(logDock, addDock(tr("Checkpoints"), "checkpointsDock", checkpoints,
                                      Qt::BottomDockWidgetArea));
    addDock(tr("GPU"), "gpuDock", gpu, Qt::LeftDockWidgetArea);
    tabifyDockWidget(config,
                     addDock(tr("Hosts"), "hostsDock", hostsPanel, Qt::RightDockWidgetArea));
    tabifyDockWidget(logDock,
                     addDock(tr("Sweep"), "sweepDock", sweeps->panel(), Qt::BottomDockWidgetArea));
    config->raise();
    logDock->raise();
    startRunAlerts(catalog, this);  // before the menus: View → Alerts sets its choices
    createMenus();
    m_actions->addToolBar();

    connect(runs, &RunsPanel::stopRequested, controller, &RunController::stop);
    connect(checkpoints, &CheckpointsPanel::resumeRequested, controller, &RunController::resume);
    connect(checkpoints, &CheckpointsPanel::forkRequested, controller, &RunController::fork);
    connect(checkpoints, &CheckpointsPanel::resumeOnRequested, controller,
            &RunController::resumeOn);
    connect(m_actions, &RunActions::statusMessage, this, &MainWindow::say);
    connect(remote, &RemoteRuns::followLimited, this, [this](const QString& m) { say(m); });
    connect(hostsPanel, &HostsPanel::statusMessage, this, [this](const QString& m) { say(m); });
    if (const Result<void> loaded = m_hostWork->load(); !loaded)
        say(QString::fromStdString(loaded.error()), 0);
    connectShutdownWatch(
        m_hostWork->shutdownWatch(),
        {hosts, hostsPanel, runs, catalog, m_actions->targetBox(), controller, statusBar()});
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

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    for (QAction* action : m_editor->fileActions()) file->addAction(action);
    auto* sweeps = findChild<SweepUi*>();
    file->addAction(sweeps->exportAction());
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    for (QAction* action : m_editor->editActions()) edit->addAction(action);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    m_actions->addTo(run);
    run->addAction(sweeps->runSweepAction());
    run->addSeparator();
    run->addAction(tr("Refresh runs"), m_work->catalog(), &RunCatalog::refresh)
        ->setShortcut(QKeySequence::Refresh);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : m_docks) view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("Reset layout"), this, [this] {
        QSettings().remove("window/state");
        for (QDockWidget* dock : m_docks) dock->show();
        say(tr("The default layout returns at the next start"), 5000);
    });
    addAlertsMenu(view, findChild<RunNotifier*>());
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
}

void MainWindow::restoreLayout() {
    QSettings settings;
    const bool placed = restoreGeometry(settings.value("window/geometry").toByteArray());
    const bool arranged =
        restoreState(settings.value("window/state").toByteArray(), kLayoutVersion);
    if (!placed || !arranged) applyDefaultLayout();
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

void MainWindow::say(const QString& message, int timeoutMs) {
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_editor->confirmDiscard()) return event->ignore();
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState(kLayoutVersion));
    m_hostWork->saveConnectedHosts();
    // Runs are detached processes: closing the window leaves them training.
    event->accept();
}

}  // namespace tb
