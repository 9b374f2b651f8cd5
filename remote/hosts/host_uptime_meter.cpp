// HostUptimeMeter: one `cat /proc/uptime` per connect (and every few minutes), a local clock
// in between, and a once-a-second tick for the tables that show uptime and cost.

#include "host_uptime_meter.h"

#include "cost_meter.h"
#include "hosts_controller.h"

namespace tb {

HostUptimeMeter::HostUptimeMeter(HostsController* controller, QObject* parent)
    : QObject(parent), m_controller(controller) {
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &HostUptimeMeter::tick);
    connect(controller, &HostsController::hostUpdated, this, &HostUptimeMeter::onHostUpdated);
    connect(controller, &HostsController::hostsChanged, this, [this] {
        for (const QString& host : m_readings.keys())
            if (!m_controller->host(host)) m_readings.remove(host);
        for (const QString& host : m_controller->hostNames()) onHostUpdated(host);
    });
}

std::optional<double> HostUptimeMeter::uptime(const QString& host) const {
    const auto found = m_readings.constFind(host);
    if (found == m_readings.constEnd()) return std::nullopt;
    return found->uptimeAtRead + found->since.elapsed() / 1000.0;
}

void HostUptimeMeter::record(const QString& host, double uptimeSeconds) {
    Reading& reading = m_readings[host];
    reading.uptimeAtRead = uptimeSeconds;
    reading.since.start();
    if (!m_tick.isActive()) m_tick.start();
    Q_EMIT ticked();
}

void HostUptimeMeter::onHostUpdated(const QString& host) {
    const ConnectionState state = m_controller->state(host);
    if (state == ConnectionState::Offline) {
        // Disconnected or given up: the box may be off by now, so no meter runs on.
        m_pending.remove(host);
        if (m_readings.remove(host) > 0) Q_EMIT ticked();
        return;
    }
    const auto found = m_readings.constFind(host);
    const bool stale = found == m_readings.constEnd() || found->since.elapsed() >= m_rereadMs;
    if (state == ConnectionState::Connected && stale && !m_pending.contains(host)) read(host);
}

void HostUptimeMeter::read(const QString& host) {
    HostConnection* connection = m_controller->connection(host);
    if (!connection) return;
    listenTo(host, connection->session()->session());
    m_pending.insert(host, connection->session()->exec(uptimeCommand()));
}

void HostUptimeMeter::listenTo(const QString& host, const SshSession* session) {
    if (m_listeningTo.value(host) == session) return;
    m_listeningTo.insert(host, session);
    connect(
        session, &SshSession::execFinished, this,
        [this, host](quint64 id, const ExecResult& result) { onExecFinished(host, id, result); });
    connect(session, &QObject::destroyed, this, [this, host, session] {
        if (m_listeningTo.value(host) == session) m_listeningTo.remove(host);
    });
}

void HostUptimeMeter::onExecFinished(const QString& host, quint64 requestId,
                                     const ExecResult& result) {
    if (m_pending.value(host) != requestId) return;
    m_pending.remove(host);
    if (!result.ok()) return;  // the connection notices a dead link and says so itself
    const Result<double> seconds = parseUptime(result.standardOutput);
    if (seconds) record(host, *seconds);
}

void HostUptimeMeter::tick() {
    if (m_readings.isEmpty()) {
        m_tick.stop();
        return;
    }
    for (const QString& host : m_readings.keys())
        if (m_readings.value(host).since.elapsed() >= m_rereadMs) onHostUpdated(host);
    Q_EMIT ticked();
}

}  // namespace tb
