// RunInfo helpers.
#include "runs/run_info.h"

namespace tb {

qint64 RunInfo::durationSeconds(const QDateTime& now) const {
    if (!started.isValid()) return 0;
    const QDateTime end = ended.isValid() ? ended : now;
    return qMax<qint64>(0, started.secsTo(end));
}

}  // namespace tb
