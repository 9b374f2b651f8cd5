// probeHost: the connect → (accept) → probe sequence driven by the session's signals.

#include "remote/host_probe_session.h"

#include "remote/ssh_session_thread.h"

#include <QEventLoop>
#include <QTimer>

#include <optional>

namespace tb {

ProbeResult probeHost(const SshTarget& target, const QString& hostName,
                      const HostProbeOptions& options) {
    SshSessionThread thread(target, hostName, options.session);
    HostProbe probe(&thread);
    QEventLoop loop;
    std::optional<ProbeResult> outcome;
    bool acceptTried = false;
    const auto finish = [&](ProbeResult result) {
        if (outcome) return;
        outcome = std::move(result);
        loop.quit();
    };

    QObject::connect(thread.session(), &SshSession::connectFinished, &loop,
                     [&](const SshResult& connected) {
                         if (connected.ok()) {
                             probe.start();
                             return;
                         }
                         if (connected.failure == SshFailure::HostKeyUnknown && !acceptTried &&
                             !options.acceptedFingerprint.isEmpty()) {
                             acceptTried = true;
                             thread.acceptHostKey(options.acceptedFingerprint);
                             return;
                         }
                         finish(ProbeResult{connected.failure, connected.message, {}});
                     });
    QObject::connect(&probe, &HostProbe::finished, &loop,
                     [&](const ProbeResult& result) { finish(result); });
    QTimer::singleShot(options.timeoutMs, &loop, [&] {
        thread.cancel();
        finish(ProbeResult{SshFailure::Timeout,
                           QStringLiteral("Probe of %1 gave no answer within %2 s; the host or "
                                          "its network is too slow, try again.")
                               .arg(hostName.isEmpty() ? target.host : hostName)
                               .arg(options.timeoutMs / 1000),
                           {}});
    });

    thread.connectToHost();
    loop.exec();
    thread.disconnectFromHost();
    return *outcome;
}

}  // namespace tb
