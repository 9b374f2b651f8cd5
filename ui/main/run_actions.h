#pragma once
// RunActions: Run, Stop, Run Script… and Run Notebook… with their shortcuts, and the toolbar's
// target chooser they launch on (this machine, a host, a Slurm login node with its options).

#include <QObject>
#include <QString>

class QAction;
class QKeySequence;
class QMainWindow;
class QMenu;

namespace tb {

class ConfigEditor;
class HostsController;
class RunCatalog;
class RunController;
class RunTargetBox;
class RunsPanel;

struct RunActionsParts {
    QMainWindow* window;
    RunController* controller;
    ConfigEditor* editor;
    RunsPanel* runsPanel;
    RunCatalog* catalog;
    HostsController* hosts;
};

class RunActions : public QObject {
    Q_OBJECT

public:
    explicit RunActions(const RunActionsParts& parts);

    void addTo(QMenu* menu) const;
    // The "Main" toolbar: the target chooser, its shutdown and Slurm fields, Run and Stop.
    void addToolBar();
    RunTargetBox* targetBox() const { return m_targetBox; }
    // Runs the notebook at `path` on the chosen target (what Run Notebook… does once a file is
    // chosen); a file that is no notebook is explained in a message box.
    void runNotebookFile(const QString& path);

Q_SIGNALS:
    void statusMessage(const QString& message, int timeoutMs);

private:
    QAction* addAction(const QString& text, const char* name, const QKeySequence& key,
                       void (RunActions::*slot)());
    void updateActions();
    void startRun();
    void stopCurrentRun();
    void runScript();
    void runNotebook();

    RunActionsParts m_parts;
    RunTargetBox* m_targetBox = nullptr;
    QAction* m_run;
    QAction* m_stop;
    QAction* m_script;
    QAction* m_notebook;
};

}  // namespace tb
