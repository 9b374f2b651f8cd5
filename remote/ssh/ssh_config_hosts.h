#pragma once
// Hosts from an OpenSSH client config (~/.ssh/config): the aliases, and one alias resolved.

#include "core/protocol/result.h"
#include "ssh_target.h"

#include <QString>
#include <QStringList>

namespace tb {

// ~/.ssh/config.
QString defaultSshConfigFile();

// The names after every `Host` line, in file order, without patterns (`*`, `?`, `!x`) and
// without duplicates; Include files are followed. A missing file has no aliases.
QStringList sshConfigHostAliases(const QString& path = defaultSshConfigFile());

// What `ssh ALIAS` would connect to: HostName (else the alias), Port, User, IdentityFile
// (~ and %d/%u/%h/%r expanded) and ProxyJump, from the first value each keyword gets in the
// blocks matching ALIAS, as OpenSSH reads it. An error names the file and line of a bad value,
// or says the alias has no Host block.
[[nodiscard]] Result<SshTarget> resolveSshConfigHost(const QString& alias,
                                                     const QString& path = defaultSshConfigFile());

}  // namespace tb
