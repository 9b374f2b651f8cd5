#pragma once
// What a single-file transfer reports once its file is in place, the same in both directions.

#include "remote/ssh/transfer_types.h"

namespace tb {

// `result`: the successful send or receive, completed with the file's size, where it resumed
// and the method ("sftp" or "stream").
TransferResult fileTransferred(TransferResult result, qint64 size, qint64 resumedFrom, bool bySftp);

}  // namespace tb
