#pragma once
// How every staged folder transfer ends: a cancel or failure removes the stage, else it reports.

#include "remote/ssh/transfer_context.h"

#include <functional>

namespace tb {

struct StagedFolder {
    qint64 bytes = 0;  // what the finished transfer reports as moved
    qint64 files = 0;
    TarCompression compression = TarCompression::None;
    std::function<TransferResult()> verifyAndMove;  // only after a whole, uncancelled send
    std::function<void()> removeStage;
};

// `sent` is what streaming into the stage gave. Verifying waits for a send that was neither cut
// short nor cancelled, so a stage that is not whole is never moved into place.
TransferResult finishStaged(const TransferContext& context, TransferResult sent,
                            const StagedFolder& folder);

}  // namespace tb
