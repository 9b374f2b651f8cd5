#pragma once
// SweepUi: sweeps in the window. Owns the SweepWatch that reads this machine's sweeps off the
// GUI thread (HostSweeps adds the hosts' sweeps to it), the comparison panel and the Run
// Sweep… action; feeds the runs table's group rows, keeps the panel on the sweep of the runs
// table's current row, and turns the panel's requests into forks (RunController) and cancels
// (sweep_cancel here, HostSweeps on a host). The main window only places its dock and its two
// actions.

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

#include "core/gpu/gpu_sample.h"

class QAction;
class QMainWindow;
class QMenu;

namespace tb {

class ConfigEditor;
class HostSweeps;
class HostWorkbench;
class RunController;
class RunsPanel;
class SweepComparePanel;
class SweepDialog;
class SweepTarget;
class SweepWatch;
class Workbench;

struct SweepUiParts {
    QMainWindow* window;
    Workbench* work;
    RunsPanel* runsPanel;
    RunController* controller;
    ConfigEditor* editor;
    HostWorkbench* hosts;  // null: sweeps run on this machine only
};

class SweepUi : public QObject {
    Q_OBJECT

public:
    explicit SweepUi(const SweepUiParts& parts);
    ~SweepUi() override;

    SweepComparePanel* panel() const { return m_panel; }
    SweepWatch* watch() const { return m_watch; }
    QAction* runSweepAction() const { return m_runSweep; }
    QAction* exportAction() const;

    // Opens the dialog (window-modal, not blocking); Run starts the sweep on its target.
    void openDialog();
    // Starts a sweep as the dialog's Run does (tests call it with the dialog they filled).
    void startFrom(const SweepDialog& dialog);

Q_SIGNALS:
    void sweepStarted(const QString& sweepId);
    void sweepFailed(const QString& message);
    void trialsAdded(const QString& sweepId, const QStringList& runIds);

private:
    struct Staged;
    void startOn(const QString& targetName, const std::shared_ptr<Staged>& staged, bool prepared);
    void failStart(const QString& why);
    std::shared_ptr<SweepTarget> targetNamed(const QString& name);
    void onSweepsChanged(const QStringList& ids);
    void selectPendingSweep();
    void showSweep(const QString& sweepId);
    void syncSelectedTrial();
    void forkFromBest(const QString& runId);
    void openAddTrials(const QString& sweepId);
    void addTrials(const QString& sweepId, const QString& host, const QString& text);
    void cancelTrial(const QString& sweepId, int trial);
    void cancelOnHost(const QString& host, const QString& sweepId, int trial);
    void confirmCancelSweep(const QString& sweepId);
    void addGroupMenu(QMenu* menu, const QString& sweepId);
    void raiseDock();
    void say(const QString& message);

    SweepUiParts m_parts;
    SweepWatch* m_watch;
    std::shared_ptr<SweepTarget> m_local;
    QPointer<HostSweeps> m_hostSweeps;  // lives as long as the hosts' runs it reads through
    SweepComparePanel* m_panel;
    QAction* m_runSweep;
    QList<GpuSample> m_gpus;  // this machine's, from its GPU monitor
    QString m_pendingSweep;   // just started: selected once the runs table lists it
};

}  // namespace tb
