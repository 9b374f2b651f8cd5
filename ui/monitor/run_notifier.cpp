// RunNotifier: the policy decides; this class only picks the channel.
#include "run_notifier.h"

#include <QSystemTrayIcon>

namespace tb {

RunNotifier::RunNotifier(QObject* parent) : QObject(parent) {
}

void RunNotifier::setTrayIcon(QSystemTrayIcon* icon) {
    m_tray = icon;
}

void RunNotifier::runStateChanged(const QString& runId, const QString& name, RunState state) {
    if (const auto n = m_policy.stateChanged(runId, name, state)) deliver(*n);
}

void RunNotifier::metricValue(const QString& runId, const QString& key, double value) {
    if (const auto n = m_policy.metricValue(runId, key, value)) deliver(*n);
}

void RunNotifier::deliver(const RunNotification& n) {
    Q_EMIT notified(n);
    const bool trayWorks = m_tray && m_tray->isVisible() &&
                           QSystemTrayIcon::isSystemTrayAvailable() &&
                           QSystemTrayIcon::supportsMessages();
    if (trayWorks) {
        const auto icon = n.kind == RunNotification::Kind::Finished ? QSystemTrayIcon::Information
                                                                    : QSystemTrayIcon::Warning;
        m_tray->showMessage(n.title, n.text, icon);
    } else {
        Q_EMIT notify(n.title, n.text);
    }
}

}  // namespace tb
