#pragma once
// SshTarget: where and as whom to connect — what an ssh command line or a stored host says.

#include <QString>

namespace tb {

struct SshTarget {
    QString host;
    int port = 22;
    QString user;            // empty: the local user name, as OpenSSH does
    QString identityFile;    // empty: agent and default keys only
    QString jump;            // ProxyJump, e.g. "user@bastion:2222"; empty: direct
    QString knownHostsFile;  // empty: ~/.ssh/known_hosts, shared with OpenSSH

    bool operator==(const SshTarget&) const = default;
};

}  // namespace tb
