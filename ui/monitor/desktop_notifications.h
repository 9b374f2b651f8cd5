// DesktopNotifications: the freedesktop notification service (org.freedesktop.Notifications on
// the session bus), which GNOME, KDE and most other desktops show without any tray.
#pragma once

#include <QObject>
#include <QString>

namespace tb {

class DesktopNotifications : public QObject {
    Q_OBJECT
public:
    explicit DesktopNotifications(QObject* parent = nullptr);

    // Whether a session bus is there to ask at all (no D-Bus: headless, some containers).
    bool busConnected() const;
    // Sends one notification without waiting; refused() comes back when nobody shows it (no
    // notification service on the bus, or an error reply), so the caller can try elsewhere.
    void send(const QString& summary, const QString& body, bool urgent);

Q_SIGNALS:
    void shown(uint id);
    void refused(const QString& summary, const QString& body, const QString& reason);
};

}  // namespace tb
