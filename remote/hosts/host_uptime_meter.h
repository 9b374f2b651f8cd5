#pragma once
// HostUptimeMeter: how long each connected host has been powered (its /proc/uptime), read on
// connect and now and then, and advanced locally in between — the cost meter's clock.

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <optional>

namespace tb {

class HostsController;
class SshSession;
struct ExecResult;

class HostUptimeMeter : public QObject {
    Q_OBJECT

public:
    explicit HostUptimeMeter(HostsController* controller, QObject* parent = nullptr);

    // Seconds since the host booted, now; none while it is not connected or not read yet.
    std::optional<double> uptime(const QString& host) const;
    // A reading of the box's uptime, taken now (what the exec answer and tests feed in).
    void record(const QString& host, double uptimeSeconds);
    // How often a connected host's uptime is read again (drift, a reboot behind our back).
    void setRereadMs(int ms) { m_rereadMs = ms; }

Q_SIGNALS:
    // Once a second while any host has a reading, and when a reading comes or goes.
    void ticked();

private:
    struct Reading {
        double uptimeAtRead = 0;
        QElapsedTimer since;
    };

    void onHostUpdated(const QString& host);
    void read(const QString& host);
    void listenTo(const QString& host, const SshSession* session);
    void onExecFinished(const QString& host, quint64 requestId, const ExecResult& result);
    void tick();

    HostsController* m_controller;
    QHash<QString, Reading> m_readings;
    QHash<QString, quint64> m_pending;                // host -> uptime request in flight
    QHash<QString, const SshSession*> m_listeningTo;  // host -> session we hear answers from
    QTimer m_tick;
    int m_rereadMs = 10 * 60 * 1000;
};

}  // namespace tb
