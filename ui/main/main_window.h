#pragma once
// The main window arranges docks, menus and the toolbar over a Workbench and its hosts side;
// behaviour lives below it: RunActions (launching), RunFocus (what the selection shows), the
// panels and the service layer. Tests reach the parts through findChild or the workbenches.

#include <QMainWindow>

#include "app_context.h"

class QDockWidget;

namespace tb {

class HostWorkbench;
class ConfigEditor;
class RunActions;
class Workbench;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(const AppContext& context, QWidget* parent = nullptr);
    ~MainWindow() override;

    Workbench* workbench() const { return m_work; }
    HostWorkbench* hostWorkbench() const { return m_hostWork; }
    RunActions* runActions() const { return m_actions; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createParts();
    void createMenus();
    QDockWidget* addDock(const QString& title, const QString& name, QWidget* widget,
                         Qt::DockWidgetArea area);
    void restoreLayout();
    void applyDefaultLayout();
    void say(const QString& message, int timeoutMs = 15000);

    AppContext m_context;
    Workbench* m_work = nullptr;
    HostWorkbench* m_hostWork = nullptr;
    RunActions* m_actions = nullptr;
    ConfigEditor* m_editor = nullptr;
    QList<QDockWidget*> m_docks;
};

}  // namespace tb
