// finishStaged: the checks and the clean-up that uploads and downloads of folders share.

#include "transfer_stage.h"

#include "transfer_remote.h"

namespace tb {

TransferResult finishStaged(const TransferContext& context, TransferResult sent,
                            const StagedFolder& folder) {
    TransferResult result = std::move(sent);
    if (result.ok() && context.cancelled()) result = transferCancelled();
    if (result.ok()) result = folder.verifyAndMove();
    if (!result.ok()) {
        folder.removeStage();
        return result;
    }
    result.bytes = folder.bytes;
    result.files = folder.files;
    result.method = QStringLiteral("tar+") + compressionName(folder.compression);
    return result;
}

}  // namespace tb
