#pragma once
// Owning handles for libssh objects, so that every early return frees what it opened.

// Only the SSH layer (remote/, tests/remote) may compile libssh; its targets define
// TB_SSH_LAYER. Elsewhere include ssh_session.h or host_connection.h, which hide libssh.
#ifndef TB_SSH_LAYER
#error "libssh reached from outside the SSH layer: see docs/ARCHITECTURE.md, Remote"
#endif

#include <libssh/libssh.h>

#include <memory>

namespace tb::ssh {

struct SessionDeleter {
    void operator()(ssh_session session) const {
        // ssh_free closes the socket too; disconnecting first tells the server politely.
        if (ssh_is_connected(session)) ssh_disconnect(session);
        ssh_free(session);
    }
};
struct ChannelDeleter {
    void operator()(ssh_channel channel) const {
        if (ssh_channel_is_open(channel)) ssh_channel_close(channel);
        ssh_channel_free(channel);
    }
};
struct KeyDeleter {
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
struct HashDeleter {
    void operator()(unsigned char* hash) const { ssh_clean_pubkey_hash(&hash); }
};
struct StringDeleter {
    void operator()(char* text) const { ssh_string_free_char(text); }
};

using SessionPtr = std::unique_ptr<ssh_session_struct, SessionDeleter>;
using ChannelPtr = std::unique_ptr<ssh_channel_struct, ChannelDeleter>;
using KeyPtr = std::unique_ptr<ssh_key_struct, KeyDeleter>;
using HashPtr = std::unique_ptr<unsigned char, HashDeleter>;
using CharPtr = std::unique_ptr<char, StringDeleter>;

}  // namespace tb::ssh
