#pragma once
// Owning handles for libssh's SFTP objects, like ssh_handles.h for sessions and channels.

// Only the SSH layer (remote/, tests/remote) may compile libssh; its targets define
// TB_SSH_LAYER. Elsewhere include ssh_session.h or host_connection.h, which hide libssh.
#ifndef TB_SSH_LAYER
#error "libssh reached from outside the SSH layer: see docs/ARCHITECTURE.md, Remote"
#endif

#include <libssh/sftp.h>

#include <memory>

namespace tb::ssh {

struct SftpDeleter {
    void operator()(sftp_session sftp) const { sftp_free(sftp); }
};
struct SftpFileDeleter {
    void operator()(sftp_file file) const { sftp_close(file); }
};
struct SftpAttributesDeleter {
    void operator()(sftp_attributes attributes) const { sftp_attributes_free(attributes); }
};

using SftpPtr = std::unique_ptr<sftp_session_struct, SftpDeleter>;
using SftpFilePtr = std::unique_ptr<sftp_file_struct, SftpFileDeleter>;
using SftpAttributesPtr = std::unique_ptr<sftp_attributes_struct, SftpAttributesDeleter>;

}  // namespace tb::ssh
