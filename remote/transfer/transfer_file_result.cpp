// fileTransferred: the facts a finished upload or download of one file reports.

#include "transfer_file_result.h"

namespace tb {

TransferResult fileTransferred(TransferResult result, qint64 size, qint64 resumedFrom,
                               bool bySftp) {
    result.bytes = size;
    result.files = 1;
    result.resumedFrom = resumedFrom;
    result.method = bySftp ? QStringLiteral("sftp") : QStringLiteral("stream");
    return result;
}

}  // namespace tb
