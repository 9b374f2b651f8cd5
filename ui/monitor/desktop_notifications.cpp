// DesktopNotifications: one asynchronous Notify call per alert, so a slow or absent service
// never blocks the window; its reply decides whether the caller falls back.
#include "desktop_notifications.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace tb {
namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
}  // namespace

DesktopNotifications::DesktopNotifications(QObject* parent) : QObject(parent) {
}

bool DesktopNotifications::busConnected() const {
    return QDBusConnection::sessionBus().isConnected();
}

void DesktopNotifications::send(const QString& summary, const QString& body, bool urgent) {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        Q_EMIT refused(summary, body, QStringLiteral("no session bus"));
        return;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Notify"));
    QVariantMap hints;
    // Critical stays on screen until read (GNOME, KDE): a failed or NaN run is worth that.
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(urgent ? 2 : 1)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("trainbench"));
    call << QStringLiteral("Trainbench") << uint(0) << QStringLiteral("trainbench") << summary
         << body << QStringList() << hints << int(-1);
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, summary, body] {
        const QDBusPendingReply<uint> reply = *watcher;
        watcher->deleteLater();
        if (reply.isError())
            Q_EMIT refused(summary, body, reply.error().message());
        else
            Q_EMIT shown(reply.value());
    });
}

}  // namespace tb
