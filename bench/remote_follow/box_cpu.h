#pragma once
// CPU time the "remote box" spends serving SSH connections: every process below the listening
// sshd, with the children they have reaped, read from /proc.

#include <QtGlobal>

#include <vector>

namespace tb::bench {

// Seconds of CPU (user + system, own + reaped children) of every descendant of `rootPid`.
double descendantsCpuSeconds(qint64 rootPid);

// Pids of the descendants of `rootPid` whose command name is `comm`.
std::vector<qint64> descendantsNamed(qint64 rootPid, const char* comm);

}  // namespace tb::bench
