#pragma once
// A stored host connected for a command (host key, passphrase and password settled on the
// terminal) with its RemoteBackend: what run --host, checkpoints and resume share.

#include <QString>

#include <memory>

#include "cli_common.h"
#include "remote/host_connection.h"
#include "remote/remote_backend.h"

namespace tb::cli {

struct HostBackend {
    std::unique_ptr<HostConnection> connection;
    std::unique_ptr<RemoteBackend> backend;
};

// `trainer`: trainbench-train on the host; empty: the one `trainbench prepare` built, else the
// one on its PATH. The error is the message to print.
[[nodiscard]] Result<HostBackend> connectHostBackend(const QString& hostName,
                                                     const ConnectOptions& options,
                                                     const QString& trainer = QString());

}  // namespace tb::cli
