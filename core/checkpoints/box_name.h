#pragma once
// The one place where a name a box sent (a run id, a checkpoint file, its sidecar) becomes a
// local path. A box is not trusted (docs/ARCHITECTURE.md, "Trust"): a listing that names
// "../../hosts" must not write outside the folder it was meant for.

#include <QString>

#include "core/protocol/result.h"

namespace tb {

enum class BoxNameKind {
    RunId,              // 20261122-153012-slug, optionally "-N" after a same-second clash
    CheckpointFile,     // ckpt-….pt
    CheckpointSidecar,  // ckpt-….json
};

// Whether `name` matches the strict pattern of its kind: ASCII letters, digits, '.', '-', '_'
// only, no '/', no "..", bounded length.
bool isSafeBoxName(BoxNameKind kind, const QString& name);

// The name, or an error naming `host` and the name and saying it was refused.
Result<QString> checkBoxName(BoxNameKind kind, const QString& name, const QString& host);

// `destination`/`name` once the name passes checkBoxName and the resolved path (symbolic links
// in what already exists followed) stays inside the resolved destination.
Result<QString> boxNamePath(const QString& destination, BoxNameKind kind, const QString& name,
                            const QString& host);

}  // namespace tb
