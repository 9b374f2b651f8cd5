// HostsController: what happens over a connection — its outcome, probes chained after connect,
// and transfers.

#include "core/runs/fail_text.h"
#include "hosts_controller.h"
#include "remote/transfer/transfer_session.h"

namespace tb {

void HostsController::onStateChanged(const QString& name, ConnectionState state) {
    Runtime* rt = runtime(name);
    if (rt && state == ConnectionState::Connected && rt->probeWhenConnected) startProbe(name);
    Q_EMIT hostUpdated(name);
}

void HostsController::onConnectFailed(const QString& name, const SshResult& result) {
    Runtime* rt = runtime(name);
    if (!rt) return;
    switch (result.failure) {
        // A person answers these; a probe waiting for the connection keeps waiting.
        case SshFailure::HostKeyUnknown:
            return Q_EMIT hostKeyUnknown(name, result.fingerprint);
        case SshFailure::WrongPassword:
        case SshFailure::AuthDenied:
            return Q_EMIT passwordNeeded(name, result.message);
        case SshFailure::KeyPassphraseNeeded:
            return Q_EMIT passphraseNeeded(name, result.message);
        case SshFailure::HostKeyChanged:
            Q_EMIT hostKeyChanged(name, result.fingerprint, result.message);
            break;
        default:
            Q_EMIT failed(name, result.message);
            break;
    }
    if (rt->probeWhenConnected) {
        rt->probeWhenConnected = false;
        finishProbe(name, ProbeResult{result.failure, result.message, {}});
    }
}

void HostsController::probe(const QString& name) {
    HostConnection* connection = connectionFor(name);
    if (!connection || isProbing(name)) return;
    Q_EMIT probeStarted(name);
    if (connection->state() == ConnectionState::Connected) return startProbe(name);
    m_runtimes[name].probeWhenConnected = true;
    connectHost(name);
}

void HostsController::startProbe(const QString& name) {
    Runtime& rt = m_runtimes[name];
    rt.probeWhenConnected = false;
    rt.probe = new HostProbe(rt.connection->session(), this);
    connect(rt.probe, &HostProbe::finished, this,
            [this, name](const ProbeResult& result) { finishProbe(name, result); });
    rt.probe->start();
    Q_EMIT hostUpdated(name);
}

void HostsController::cancelProbe(const QString& name) {
    Runtime* rt = runtime(name);
    if (!rt) return;
    if (rt->probe) {
        // The exec notices within a poll and finishes the probe as Cancelled.
        rt->connection->session()->cancel();
        return;
    }
    if (rt->probeWhenConnected) {
        rt->probeWhenConnected = false;
        if (rt->connection) rt->connection->disconnectFromHost();
        finishProbe(name, ProbeResult{SshFailure::Cancelled, tr("cancelled"), {}});
    }
}

void HostsController::finishProbe(const QString& name, const ProbeResult& result) {
    Runtime* rt = runtime(name);
    if (!rt) return;
    if (rt->probe) {
        rt->probe->deleteLater();  // we are inside its finished signal
        rt->probe = nullptr;
    }
    if (result.ok()) {
        rt->report = result.report;
        rt->reportTime = QDateTime::currentDateTime();
        keepProbeDefaults(name, result.report);
    }
    Q_EMIT probeFinished(name, result);
    Q_EMIT hostUpdated(name);
}

// What the user left empty (runs root, python) the probe decides, and the host keeps.
void HostsController::keepProbeDefaults(const QString& name, const HostReport& report) {
    const RemoteHost* stored = m_store.find(name);
    if (!stored) return;
    const RemoteHost before = *stored;
    RemoteHost filled = before;
    if (!fillFromProbe(filled, report)) return;
    Result<void> saved = m_store.update(filled);
    if (saved) saved = m_store.save();
    if (!saved) {
        (void)m_store.update(before);
        Q_EMIT failed(name, QString::fromStdString(saved.error()));
        return;
    }
    Q_EMIT hostsChanged();
}

Result<quint64> HostsController::startTransfer(const QString& name,
                                               const TransferRequest& request) {
    Runtime* rt = runtime(name);
    if (!rt || !rt->connection || rt->connection->state() != ConnectionState::Connected)
        return failText(tr("connect to %1 first (Ctrl+Return)").arg(name));
    return tb::startTransfer(*rt->connection->session(), request);
}

void HostsController::cancelTransfers(const QString& name) {
    if (Runtime* rt = runtime(name); rt && rt->connection) rt->connection->session()->cancel();
}

}  // namespace tb
