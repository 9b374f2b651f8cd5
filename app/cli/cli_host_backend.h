#pragma once
// A stored host connected for a command (host key, passphrase and password settled on the
// terminal) with its RemoteBackend: what run --host, checkpoints and resume share.

#include <QString>

#include <memory>

#include "cli_common.h"
#include "remote/prepare/prepare_host.h"
#include "remote/runs/remote_backend.h"
#include "remote/ssh/host_connection.h"

namespace tb::cli {

struct HostBackend {
    std::unique_ptr<HostConnection> connection;
    std::unique_ptr<RemoteBackend> backend;
};

// What a command does on a host that was never prepared (no trainer path in hosts.json).
struct TrainerSetup {
    bool needed = false;  // the command runs trainbench-train on the host
    bool prepare = true;  // build it first as `trainbench prepare` does; false: refuse
    PrepareOptions options;
};

// --no-prepare and the prepare options as the parser took them; `needed` is left false.
TrainerSetup trainerSetup(const ParsedArgs& args);

// `trainer`: trainbench-train on the host; empty: the one `trainbench prepare` built, else (a
// host never prepared) as `setup` says, or the one on its PATH when the command needs none.
// The error is the message to print; its code is 130 when a prepare was cancelled.
[[nodiscard]] Result<HostBackend> connectHostBackend(const QString& hostName,
                                                     const ConnectOptions& options,
                                                     const QString& trainer = QString(),
                                                     const TrainerSetup& setup = {});

// An exact run id on the host, or the one run whose id starts with `idOrPrefix`.
[[nodiscard]] Result<QString> findRemoteRun(RemoteBackend& backend, const QString& idOrPrefix);

}  // namespace tb::cli
