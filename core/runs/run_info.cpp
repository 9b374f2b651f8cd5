// RunInfo helpers.
#include "runs/run_info.h"

namespace tb {

qint64 RunInfo::durationSeconds(const QDateTime& now) const {
    if (!started.isValid()) return 0;
    const QDateTime end = ended.isValid() ? ended : now;
    return qMax<qint64>(0, started.secsTo(end));
}

QString RunInfo::label() const {
    // Ids begin with their creation time: yyyyMMdd-HHmmss-slug.
    const QDateTime created =
        QDateTime::fromString(id.left(15), QStringLiteral("yyyyMMdd-HHmmss"));
    if (name.isEmpty() || !created.isValid()) return name.isEmpty() ? id : name;
    return name + QStringLiteral(" · ") + created.toString(QStringLiteral("MM-dd HH:mm:ss"));
}

}  // namespace tb
