#pragma once
// trainbench hosts [add|rm|forget-key]: the remote hosts from a terminal.

#include <QStringList>

namespace tb::cli {

// The words after "hosts": an action (add, ssh-config, rm, forget-key, probe) and its
// arguments, or the list's. Returns the process exit status.
int hostsCommand(const QStringList& words);

// trainbench probe NAME ...: hosts probe under its short name.
int probeCommand(const QStringList& words);

}  // namespace tb::cli
