#pragma once
// What code a run ran, for run.json's "code": the folder, its git commit and a hash of its
// uncommitted changes, and the digest of the file manifest a sync sent.

#include <QMap>
#include <QString>

#include "core/protocol/result.h"

namespace tb {

// Keys: folder, commit and dirty_diff (in a git work tree; dirty_diff is the SHA-256 of
// `git diff HEAD --binary`, empty when nothing is changed), manifest and files (the listing
// a sync sends, sync_manifest.h's digest).
Result<QMap<QString, QString>> codeRecordOfFolder(const QString& folder);

// Only folder and the git part (cheap: no file is read), for a local run's work dir; empty
// outside a git work tree.
QMap<QString, QString> gitRecordOfFolder(const QString& folder);

}  // namespace tb
