#pragma once
// What the transfer benchmarks share: random payloads, a connected session, and timing one of
// our transfers or one OpenSSH tool run (best of several).

#include "remote/ssh/ssh_session_thread.h"
#include "remote/ssh/transfer_types.h"

#include <QString>

#include <functional>
#include <memory>

class QProcess;

namespace tb::bench {

struct Timing {
    double total = 1e30;  // seconds, best run, verification included
    double data = 1e30;   // until verification started
    QString method;
};

void writeRandom(const QString& path, qint64 bytes, quint32 seed);
void removePath(const QString& path);
// Accepts `fingerprint` as the host key and waits for the connection; prints why it failed.
bool connectSession(SshSessionThread& thread, const QString& fingerprint);
// Runs `request` once into a fresh `destination` and keeps the better time in `best`.
void keepBest(Timing& best, SshSessionThread& thread, const TransferRequest& request,
              const QString& destination);
// The same for a tool run that returns its seconds (negative: it failed).
void keepBestTool(double& best, const QString& destination, const std::function<double()>& run);
// latency_relay (built beside the benchmarks) on `port`, in front of the sshd on `sshdPort`,
// delaying each direction by `oneWayMs`; null after printing why it did not start.
std::unique_ptr<QProcess> startLatencyRelay(int port, int sshdPort, int oneWayMs);
inline double mbps(qint64 bytes, double seconds) {
    return bytes / 1e6 / seconds;
}

}  // namespace tb::bench
