#pragma once
// The main window arranges docks and actions; all behaviour lives in the panels and below.

#include <QHash>
#include <QMainWindow>

#include "app_context.h"
#include "core/protocol/run_status.h"

class QAction;
class QDockWidget;
class QLabel;

namespace tb {

class ChartPanel;
class CheckpointCatalog;
class CheckpointsPanel;
class ConfigEditor;
class GpuMonitor;
class GpuPanel;
class GpuSourceSwitch;
class HostWorkbench;
class HostsController;
class HostsPanel;
class LogView;
class RunCatalog;
class RunController;
class RunMetricsPool;
class RemoteRuns;
class RunNotifier;
class RunTargetBox;
class RunsPanel;
class ShutdownWatch;
class SweepUi;
class Workbench;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(const AppContext& context, QWidget* parent = nullptr);
    ~MainWindow() override;

    Workbench* workbench() const { return m_work; }
    HostWorkbench* hostWorkbench() const { return m_hostWork; }
    RunCatalog* catalog() const { return m_catalog; }
    RunsPanel* runsPanel() const { return m_runsPanel; }
    ConfigEditor* configEditor() const { return m_editor; }
    ChartPanel* chartPanel() const { return m_charts; }
    LogView* logView() const { return m_log; }
    CheckpointsPanel* checkpointsPanel() const { return m_checkpoints; }
    RunController* runController() const { return m_controller; }
    HostsPanel* hostsPanel() const { return m_hostsPanel; }
    HostsController* hosts() const { return m_hosts; }
    RemoteRuns* remoteRuns() const { return m_remote; }
    RunMetricsPool* metricsPool() const { return m_metrics; }
    RunTargetBox* runTargetBox() const { return m_targetBox; }
    ShutdownWatch* shutdownWatch() const { return m_shutdownWatch; }
    QAction* runAction() const { return m_runAction; }
    QAction* stopAction() const { return m_stopAction; }
    QAction* scriptRunAction() const { return m_scriptAction; }
    QAction* notebookRunAction() const { return m_notebookAction; }
    // Runs the notebook at `path` on the chosen target (what Run Notebook… does once a file is
    // chosen); a file that is no notebook is explained in a message box.
    void runNotebookFile(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createPanels();
    void createDocks();
    void createActions();
    void createMenus();
    void connectPanels();
    void restoreLayout();
    void applyDefaultLayout();
    QDockWidget* addDock(const QString& title, const QString& name, QWidget* widget,
                         Qt::DockWidgetArea area);

    void onSelectionChanged(const QStringList& runIds);
    void showRun(const QString& runId);
    void onRunsUpdated(const QStringList& runIds);
    void updateRunAction();
    void startRun();
    void stopCurrentRun();
    void runScript();
    void runNotebook();
    void showCheckpoint(const QString& runId, const QString& checkpoint);

    AppContext m_context;
    RunCatalog* m_catalog = nullptr;
    Workbench* m_work = nullptr;
    HostWorkbench* m_hostWork = nullptr;
    RunController* m_controller = nullptr;
    RunMetricsPool* m_metrics = nullptr;
    CheckpointCatalog* m_checkpointCatalog = nullptr;
    GpuMonitor* m_gpuMonitor = nullptr;
    RunNotifier* m_notifier = nullptr;

    RunsPanel* m_runsPanel = nullptr;
    ConfigEditor* m_editor = nullptr;
    ChartPanel* m_charts = nullptr;
    LogView* m_log = nullptr;
    CheckpointsPanel* m_checkpoints = nullptr;
    GpuPanel* m_gpuPanel = nullptr;
    GpuSourceSwitch* m_gpuSources = nullptr;
    HostsController* m_hosts = nullptr;
    RemoteRuns* m_remote = nullptr;
    RunTargetBox* m_targetBox = nullptr;
    HostsPanel* m_hostsPanel = nullptr;
    ShutdownWatch* m_shutdownWatch = nullptr;
    SweepUi* m_sweeps = nullptr;
    QList<QDockWidget*> m_docks;
    QLabel* m_runsRootLabel = nullptr;

    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_scriptAction = nullptr;
    QAction* m_notebookAction = nullptr;
    QString m_shownRun;
    QString m_pendingSelection;  // a run just launched, selected once the catalog lists it
};

}  // namespace tb
