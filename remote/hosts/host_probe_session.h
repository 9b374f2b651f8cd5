#pragma once
// probeHost: connect, trust the host key only as told, run the probe and return — for terminals.

#include "host_probe.h"
#include "remote/ssh/ssh_session.h"
#include "remote/ssh/ssh_target.h"

namespace tb {

struct HostProbeOptions {
    // A fingerprint the user confirmed ("SHA256:..."); recorded only if the server shows it.
    QString acceptedFingerprint;
    SshSessionOptions session;
    int timeoutMs = 180000;  // connect and probe together; importing torch can be slow
};

// Spins a local event loop until done, so it suits the command line, not the GUI thread.
// An unknown host key comes back as SshFailure::HostKeyUnknown with the fingerprint in the
// message, unless it equals options.acceptedFingerprint.
ProbeResult probeHost(const SshTarget& target, const QString& hostName,
                      const HostProbeOptions& options);

}  // namespace tb
