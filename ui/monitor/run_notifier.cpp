// RunNotifier: the policy decides; this class feeds it from the catalog and picks the channel.
#include "run_notifier.h"

#include <QDateTime>
#include <QSystemTrayIcon>
#include <QTimer>

#include "core/runs/run_catalog.h"
#include "desktop_notifications.h"

namespace tb {

RunNotifier::RunNotifier(QObject* parent)
    : QObject(parent), m_desktop(new DesktopNotifications(this)) {
    // Nobody showed it on the desktop: the tray, else the status bar.
    connect(m_desktop, &DesktopNotifications::refused, this,
            [this](const QString& title, const QString& text) {
                deliverWithoutDesktop(title, text, true);
            });
}

void RunNotifier::setTrayIcon(QSystemTrayIcon* icon) {
    m_tray = icon;
}

void RunNotifier::watch(RunCatalog* catalog) {
    m_catalog = catalog;
    connect(catalog, &RunCatalog::runsUpdated, this, &RunNotifier::reviewRuns);
    connect(catalog, &RunCatalog::runsReset, this, [this] { reviewRuns({}); });
    if (!m_stallTimer) {
        m_stallTimer = new QTimer(this);
        m_stallTimer->setInterval(kStallCheckMs);
        connect(m_stallTimer, &QTimer::timeout, this, [this] { reviewRuns({}); });
        m_stallTimer->start();
    }
    reviewRuns({});
}

void RunNotifier::reviewRuns(const QStringList& runIds) {
    if (!m_catalog) return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto review = [&](const RunInfo& run) {
        for (const RunNotification& n : m_policy.review(run, now, m_catalog->isReachable(run)))
            deliver(n);
    };
    if (runIds.isEmpty()) {
        const QList<RunInfo> runs = m_catalog->runs();  // a copy: delivery may re-enter
        for (const RunInfo& run : runs) review(run);
        return;
    }
    for (const QString& id : runIds) {
        if (const RunInfo* run = m_catalog->find(id)) review(RunInfo(*run));
    }
}

void RunNotifier::runStateChanged(const QString& runId, const QString& name, RunState state) {
    if (const auto n = m_policy.stateChanged(runId, name, state)) deliver(*n);
}

void RunNotifier::metricValue(const QString& runId, const QString& key, double value) {
    if (const auto n = m_policy.metricValue(runId, key, value)) deliver(*n);
}

void RunNotifier::deliver(const RunNotification& n) {
    Q_EMIT notified(n);
    const bool urgent = n.kind != RunNotification::Kind::Finished;
    // The tray where the desktop has one (its icon is also where the user looks back), else the
    // desktop's notification service (GNOME), else the window.
    if (!trayWorks() && m_useDesktop && m_desktop->busConnected())
        m_desktop->send(n.title, n.text, urgent);  // refused() falls back
    else
        deliverWithoutDesktop(n.title, n.text, urgent);
}

bool RunNotifier::trayWorks() const {
    return m_tray && m_tray->isVisible() && QSystemTrayIcon::isSystemTrayAvailable() &&
           QSystemTrayIcon::supportsMessages();
}

void RunNotifier::deliverWithoutDesktop(const QString& title, const QString& text, bool urgent) {
    if (trayWorks()) {
        m_tray->showMessage(title, text,
                            urgent ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    } else {
        Q_EMIT notify(title, text);
    }
}

}  // namespace tb
