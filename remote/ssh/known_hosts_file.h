#pragma once
// forgetHostKey: removes a host's entries from an OpenSSH known_hosts file (libssh cannot).

#include "core/protocol/result.h"

#include <QString>

namespace tb {

// ~/.ssh/known_hosts, the file OpenSSH and libssh share.
QString defaultKnownHostsFile();

// Removes every line naming host:port — plain or hashed (HashKnownHosts) — and keeps all
// others byte for byte, including @cert-authority and @revoked lines. Returns how many lines
// went; a missing file removes nothing.
[[nodiscard]] Result<int> forgetHostKey(const QString& knownHostsFile, const QString& host,
                                        int port);

}  // namespace tb
