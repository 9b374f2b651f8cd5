// probeHost: the connect → (accept) → probe sequence driven by the session's signals.

#include "host_probe_session.h"

#include "core/runs/await_result.h"
#include "remote/ssh/ssh_session_thread.h"

#include <QCoreApplication>
#include <QTimer>

namespace tb {

ProbeResult probeHost(const SshTarget& target, const QString& hostName,
                      const HostProbeOptions& options) {
    SshSessionThread thread(target, hostName, options.session);
    HostProbe probe(&thread);
    QObject listening;  // the connections below end with the wait
    bool acceptTried = false;
    // The first of the probe's report, a failed connect and the timeout is the answer.
    const auto outcome = awaitResult<ProbeResult>(
        [&](auto finish) {
            QObject::connect(thread.session(), &SshSession::connectFinished, &listening,
                             [&, finish](const SshResult& connected) {
                                 if (connected.ok()) {
                                     probe.start();
                                     return;
                                 }
                                 if (connected.failure == SshFailure::HostKeyUnknown &&
                                     !acceptTried && !options.acceptedFingerprint.isEmpty()) {
                                     acceptTried = true;
                                     thread.acceptHostKey(options.acceptedFingerprint);
                                     return;
                                 }
                                 finish(ProbeResult{connected.failure, connected.message, {}});
                             });
            QObject::connect(&probe, &HostProbe::finished, &listening,
                             [finish](const ProbeResult& result) { finish(result); });
            QTimer::singleShot(options.timeoutMs, &listening, [&, finish] {
                thread.cancel();
                finish(ProbeResult{
                    SshFailure::Timeout,
                    QCoreApplication::translate("HostProbe",
                                                "Probe of %1 gave no answer within %2 s; the "
                                                "host or its network is too slow, try again.")
                        .arg(hostName.isEmpty() ? target.host : hostName,
                             QString::number(options.timeoutMs / 1000)),
                    {}});
            });
            thread.connectToHost();
        },
        "the probe", kNoTimeout);
    thread.disconnectFromHost();
    if (!outcome)
        return ProbeResult{SshFailure::Cancelled, QString::fromStdString(outcome.error()), {}};
    return *outcome;
}

}  // namespace tb
