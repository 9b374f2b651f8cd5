#pragma once
// RunFocus: what the window shows follows the runs table's selection — the selected runs'
// curves, the current run's log, checkpoints and GPUs (ShownRun says where they come from),
// and a run just launched selected as soon as the catalog lists it.

#include <QObject>
#include <QString>
#include <QStringList>

class QMainWindow;

namespace tb {

class ChartPanel;
class CheckpointsPanel;
class GpuSourceSwitch;
class LogView;
class RemoteRuns;
class RunCatalog;
class RunController;
class RunsPanel;
class ShownRun;

struct RunFocusParts {
    QMainWindow* window;
    RunCatalog* catalog;
    RunsPanel* runsPanel;
    ChartPanel* charts;
    LogView* log;
    CheckpointsPanel* checkpoints;
    GpuSourceSwitch* gpuSources;
    RemoteRuns* remote;
    ShownRun* shown;
    RunController* controller;
};

class RunFocus : public QObject {
    Q_OBJECT

public:
    explicit RunFocus(const RunFocusParts& parts);

    // Selects the run and its checkpoint, and brings the Checkpoints dock forward.
    void showCheckpoint(const QString& runId, const QString& checkpoint);

private:
    void onSelectionChanged(const QStringList& runIds);
    void onRunsUpdated(const QStringList& runIds);
    void onRunsReset();
    void showRun(const QString& runId);

    RunFocusParts m_parts;
    QString m_pendingSelection;  // a run just launched, selected once the catalog lists it
};

}  // namespace tb
