#pragma once
// parseSshCommandLine: turns a pasted `ssh -p 52979 root@host` line into an SshTarget.

#include "core/protocol/result.h"
#include "ssh_target.h"

#include <QString>
#include <QStringList>

namespace tb {

// Splits a line like a POSIX shell would (quotes, backslashes); no expansion.
[[nodiscard]] Result<QStringList> splitShellWords(const QString& line);

// Understands -p, -i, -J, -l, -o Key=Value (Port, User, HostName, IdentityFile, ProxyJump),
// user@host and ssh://user@host:port. Anything else is an error naming the word not
// understood, because silently dropping e.g. -L would connect to something the user
// did not ask for.
[[nodiscard]] Result<SshTarget> parseSshCommandLine(const QString& line);

}  // namespace tb
