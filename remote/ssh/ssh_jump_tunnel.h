#pragma once
// JumpTunnel: a direct-tcpip channel through a jump host, exposed as a socket a second libssh
// session can use (SSH_OPTIONS_FD) — ProxyJump for libssh 0.10, which has no option for it.

#include "core/protocol/result.h"
#include "ssh_handles.h"
#include "ssh_target.h"

#include <QString>

#include <atomic>
#include <memory>
#include <thread>

namespace tb {

// "user@host:port", "host", "ssh://user@host:port", "[::1]:22"; one hop only. The user and
// port stay empty / 22 when not given.
[[nodiscard]] Result<SshTarget> parseJumpSpec(const QString& spec);

// Owns the jump host's session from open() on: a pump thread copies bytes between the channel
// and its end of a socket pair and is the only one touching that session afterwards.
class JumpTunnel {
public:
    // jumpSession is connected and authenticated; the channel goes to host:port from there.
    [[nodiscard]] static Result<std::unique_ptr<JumpTunnel>> open(ssh::SessionPtr jumpSession,
                                                                  const QString& host, int port);
    ~JumpTunnel();

    // Hand this to the target session with SSH_OPTIONS_FD; libssh closes it with the session.
    int targetSocket() const { return m_targetSocket; }

private:
    JumpTunnel() = default;
    void pump();

    ssh::SessionPtr m_session;
    ssh::ChannelPtr m_channel;
    int m_targetSocket = -1;
    int m_pumpSocket = -1;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

}  // namespace tb
