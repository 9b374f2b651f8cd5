// Run alerts in the window: the RunNotifier with its tray icon, the last resort inside the
// window (AlertBanner and QApplication::alert) and View → Alerts, the user's AlertChoices.
#pragma once

#include <QWidget>

class QLabel;
class QMainWindow;
class QMenu;
class QToolButton;

namespace tb {

class RunCatalog;
class RunNotifier;

// An alert that stays in the status bar until dismissed (a status-bar message would be gone
// after seconds, before a user back at the laptop reads it). Earlier ones stay in its tooltip.
class AlertBanner : public QWidget {
    Q_OBJECT

public:
    explicit AlertBanner(QWidget* parent = nullptr);

    void show(const QString& title, const QString& text);
    QString text() const;
    QToolButton* dismissButton() const { return m_dismiss; }

private:
    QLabel* m_label;
    QToolButton* m_dismiss;
    QStringList m_earlier;
};

// A RunNotifier watching `catalog` for `window`: desktop notifications, else the tray icon when
// the desktop has a tray, else the banner and QApplication::alert (the task bar entry asks
// for attention). Its choices are AlertChoices::load().
RunNotifier* startRunAlerts(RunCatalog* catalog, QMainWindow* window);

// View → Alerts: one checkable entry per kind and "Stalled after" (automatic or a fixed time),
// saved as AlertChoices and applied at once.
QMenu* addAlertsMenu(QMenu* view, RunNotifier* notifier);

}  // namespace tb
