// RunNotifier: tells the user about runs that finished, failed, went NaN or stalled — through
// the tray where the desktop has one, else desktop notifications (D-Bus), else the window.
#pragma once

#include <QObject>
#include <QPointer>

#include "core/services/run_notify_policy.h"

class QSystemTrayIcon;
class QTimer;

namespace tb {

class DesktopNotifications;
class RunCatalog;

class RunNotifier : public QObject {
    Q_OBJECT
public:
    // How often running runs are looked at for a stall between catalog updates.
    static constexpr int kStallCheckMs = 30 * 1000;

    explicit RunNotifier(QObject* parent = nullptr);

    // The app's tray icon, if it has one: the fallback when no notification service answers.
    void setTrayIcon(QSystemTrayIcon* icon);
    // Reviews every run the catalog reports (states, NaN keys) and its running runs for a
    // stall on a timer; remote runs of a host that is not connected are not judged stalled.
    void watch(RunCatalog* catalog);
    // Which kinds are reported and when a run counts as stalled (View → Alerts).
    void setChoices(const AlertChoices& choices) { m_policy.setChoices(choices); }
    const AlertChoices& choices() const { return m_policy.choices(); }
    // Off: only the tray and the status bar (tests of the fallbacks, --no-dbus style setups).
    void setDesktopNotificationsEnabled(bool enabled) { m_useDesktop = enabled; }

public Q_SLOTS:
    void runStateChanged(const QString& runId, const QString& name, tb::RunState state);
    void metricValue(const QString& runId, const QString& key, double value);
    void reviewRuns(const QStringList& runIds);  // all of the watched catalog's when empty

Q_SIGNALS:
    void notify(const QString& title, const QString& text);  // last resort: the window
    void notified(const tb::RunNotification& notification);  // every decision, for logs/tests

private:
    void deliver(const RunNotification& notification);
    void deliverWithoutDesktop(const QString& title, const QString& text, bool urgent);
    bool trayWorks() const;

    RunNotifyPolicy m_policy;
    QPointer<QSystemTrayIcon> m_tray;
    DesktopNotifications* m_desktop;
    QPointer<RunCatalog> m_catalog;
    QTimer* m_stallTimer = nullptr;
    bool m_useDesktop = true;
};

}  // namespace tb
