#pragma once
// The script a sweep's scheduler runs for one queued trial (docs/RUN_FORMAT.md, Sweeps).

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "core/protocol/result.h"

namespace tb {

// `start` starts the trial in `runDir` in the foreground (the wrapper and its command). When
// the scheduler restarts a trial that was interrupted (TB_SWEEP_RESUME set) and the run has a
// checkpoint, `resume` runs instead; without a resume command it starts over.
QByteArray trialScriptText(const QString& runDir, const QStringList& start,
                           const QStringList& resume);

// The built-in trainer going on in `runDir` from its latest checkpoint, under the wrapper.
QStringList resumeLatestCommand(const QString& wrapper, const QString& runDir,
                                const QString& trainer);

// Writes `text` to `path` as the queue expects: a hidden temporary in the same folder, renamed
// into place, so the scheduler never sees half a script.
Result<void> writeTrialScript(const QString& path, const QByteArray& text);

}  // namespace tb
