#pragma once
// Starts a process that outlives its launcher: its own session, reparented to init, so
// quitting, crashing or Ctrl-C in the app never reaches it.

#include <QString>
#include <QStringList>

#include "core/protocol/result.h"

namespace tb {

// Double fork + setsid. `argv[0]` is a path to an executable. stdin reads /dev/null; stdout
// and stderr are appended to `logPath`. Returns the pid of the started process once exec has
// succeeded; an exec failure (missing file, no permission) is returned as an error.
Result<qint64> startDetached(const QStringList& argv, const QString& workDir,
                             const QString& logPath);

}  // namespace tb
