#pragma once
// SshSession::Handles: the libssh objects an SshSession owns, kept out of ssh_session.h so that
// code outside the SSH layer (ui/, app/) never compiles a libssh header.

#include "ssh_handles.h"
#include "ssh_jump_tunnel.h"
#include "ssh_session.h"

#include <QByteArray>

#include <map>
#include <memory>

namespace tb {

struct SshSession::OpenStream {
    ssh::ChannelPtr channel;
    QByteArray errors;  // stderr, kept (bounded) for the failure message
    StreamStderr stderrUse = StreamStderr::Collect;
};

struct SshSession::Handles {
    ssh::SessionPtr session;
    std::unique_ptr<JumpTunnel> tunnel;  // set while connected through a jump host
    // Declared after session so that the channels are freed before their session.
    std::map<quint64, OpenStream> streams;
};

}  // namespace tb
