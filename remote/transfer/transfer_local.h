#pragma once
// The local side of transfers: moving a finished stage into place, and cleaning up.

#include <QString>

namespace tb {

// `stage` (a folder) becomes `destination`: renamed when the destination is missing or an
// empty folder, else its entries are moved into the destination, replacing files of the
// same name, like `rsync SRC/ DST`. Empty on success, else what failed.
QString moveLocalIntoPlace(const QString& stage, const QString& destination);

// Removes a stage folder and what is in it. A link planted where the stage goes is removed as
// a link: what it points to is never entered. Links inside are not followed either.
void clearLocalStage(const QString& stage);

// A sibling of `path` that a transfer builds in: ".NAME.tb-TAG" in the same folder.
QString localStagingPath(const QString& path, const QString& tag);

}  // namespace tb
