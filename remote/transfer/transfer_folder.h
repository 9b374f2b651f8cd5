#pragma once
// Folder transfers: a tar stream over one exec channel, staged, verified, moved into place.

#include "remote/ssh/transfer_context.h"

namespace tb {

// The destination ends up holding the source folder's contents, like `rsync SRC/ DST`.
// Space and inodes are checked first, the file count and total size after; a failure or a
// cancel removes the stage, so nothing half-done is left where the destination is.
TransferResult uploadFolder(const TransferContext& context, const TransferRequest& request);
TransferResult downloadFolder(const TransferContext& context, const TransferRequest& request);

}  // namespace tb
