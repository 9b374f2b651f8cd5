#pragma once
// The one round trip before an upload: what is at the destination, the partial file a resume
// continues, the compression the remote can read, and the destination's free space and inodes.

#include "core/protocol/result.h"
#include "remote/ssh/transfer_context.h"
#include "transfer_remote.h"
#include "transfer_space.h"

namespace tb {

struct UploadPreflight {
    RemoteEntry destination;  // what is at the destination now
    qint64 partSize = -1;     // size of the file's .part (in the destination folder when the
                              // destination is one), -1 when there is none
    TarCompression compression = TarCompression::None;
    SpaceAtPath space;  // of the destination's nearest existing folder
};

// `fileName`: the uploaded file's name, for its .part inside a destination folder; empty
// for a folder upload.
Result<UploadPreflight> preflightUpload(const TransferContext& context, const QString& destination,
                                        const QString& fileName);

// What the preflight's output says; public for tests on captured output.
UploadPreflight parsePreflight(const QString& output);

}  // namespace tb
