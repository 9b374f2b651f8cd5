#pragma once
// startTransfer and awaitTransfer: a transfer on a connected session, run by this folder's engine.

#include "remote/ssh/transfer_types.h"

#include <functional>

namespace tb {

class SshSessionThread;

// Starts the transfer on the session's thread; returns the id that the session's
// transferProgress and transferFinished signals will carry.
quint64 startTransfer(SshSessionThread& thread, const TransferRequest& request);

struct TransferWaitOptions {
    std::function<void(const TransferProgress&)> progress;  // on the calling thread
    std::function<bool()> stopRequested;                    // polled; true cancels (Ctrl-C)
};

// Spins a local event loop until the transfer ends, so it suits the command line, not the
// GUI thread (which connects to the session's signals instead).
// `engine`: runTransfer when null; a code folder sync passes runSync (remote/sync).
TransferResult awaitTransfer(SshSessionThread& thread, const TransferRequest& request,
                             const TransferWaitOptions& options = {},
                             TransferEngine engine = nullptr);

}  // namespace tb
