#pragma once
// awaitTransfer: one transfer on a connected session, waited for — for terminals and benches.

#include "remote/transfer_types.h"

#include <functional>

namespace tb {

class SshSessionThread;

struct TransferWaitOptions {
    std::function<void(const TransferProgress&)> progress;  // on the calling thread
    std::function<bool()> stopRequested;                    // polled; true cancels (Ctrl-C)
};

// Spins a local event loop until the transfer ends, so it suits the command line, not the
// GUI thread (which connects to the session's signals instead).
TransferResult awaitTransfer(SshSessionThread& thread, const TransferRequest& request,
                             const TransferWaitOptions& options = {});

}  // namespace tb
