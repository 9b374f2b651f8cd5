#pragma once
// runTransfer: decides folder or file by the source and runs the matching transfer.

#include "remote/ssh/transfer_context.h"

namespace tb {

// A folder goes as a tar stream, a file by SFTP (download) or a stream (upload); a missing
// source is a failure naming it.
TransferResult runTransfer(const TransferContext& context, const TransferRequest& request);

}  // namespace tb
