#pragma once
// What the SSH benchmarks share: the local sshd standing in for the box, OpenSSH's own client as
// the reference, percentiles, and the box's CPU share over a measured window.

#include <QString>
#include <QStringList>

#include <vector>

namespace tb::test {
class SshdFixture;
}

namespace tb::bench {

// Starts `sshd` and returns its listener's pid (read from the pid file sshd writes a moment
// after it listens); 0 after printing why to stderr.
qint64 startSshd(test::SshdFixture& sshd);

// Arguments for `ssh` running `remoteCommand` on the fixture with its user key, batch mode and
// `knownHosts` (which must already trust the host).
QStringList opensshArguments(const test::SshdFixture& sshd, const QString& knownHosts,
                             const QString& remoteCommand);

// The value below which a share `p` (0.5, 0.99) of `values` lie; -1 when there are none.
double percentile(std::vector<double> values, double p);

// Runs the event loop for `seconds`; the CPU the box spent meanwhile below `listener`, as a
// share of one core.
double measureBoxCpu(qint64 listener, int seconds);

}  // namespace tb::bench
