// RunNotifier: shows run notifications in the system tray, or hands them to the status bar.
#pragma once

#include <QObject>
#include <QPointer>

#include "services/run_notify_policy.h"

class QSystemTrayIcon;

namespace tb {

class RunNotifier : public QObject {
    Q_OBJECT
public:
    explicit RunNotifier(QObject* parent = nullptr);

    // The app's tray icon, if it has one. Without a visible icon on an available tray,
    // notifications go out through notify() instead.
    void setTrayIcon(QSystemTrayIcon* icon);

public Q_SLOTS:
    void runStateChanged(const QString& runId, const QString& name, tb::RunState state);
    void metricValue(const QString& runId, const QString& key, double value);

Q_SIGNALS:
    void notify(const QString& title, const QString& text);  // fallback: show in status bar
    void notified(const tb::RunNotification& notification);  // every decision, for logs/tests

private:
    void deliver(const RunNotification& notification);

    RunNotifyPolicy m_policy;
    QPointer<QSystemTrayIcon> m_tray;
};

}  // namespace tb
