// RunInfo helpers.
#include "run_info.h"

#include "core/protocol/run_layout.h"

namespace tb {

qint64 RunInfo::durationSeconds(const QDateTime& now) const {
    if (!started.isValid()) return 0;
    const QDateTime end = ended.isValid() ? ended : now;
    return qMax<qint64>(0, started.secsTo(end));
}

QString RunInfo::label() const {
    // Ids begin with their creation time: yyyyMMdd-HHmmss-slug.
    const QDateTime created = QDateTime::fromString(id.left(15), QStringLiteral("yyyyMMdd-HHmmss"));
    if (name.isEmpty() || !created.isValid()) return name.isEmpty() ? id : name;
    QString label =
        name + QStringLiteral(" · ") + created.toString(QStringLiteral("MM-dd HH:mm:ss"));
    // A second run of one name within the same second has an id ending in -2 (-3, ...): the
    // label says so, or the two would read the same.
    const QString slug = QString::fromStdString(makeRunId(0, name.toStdString())).mid(16);
    const QString tail = id.mid(16);
    if (tail.size() > slug.size() + 1 && tail.startsWith(slug + QLatin1Char('-'))) {
        bool numbered = false;
        const int attempt = tail.mid(slug.size() + 1).toInt(&numbered);
        if (numbered && attempt > 1) label += QStringLiteral(" #") + QString::number(attempt);
    }
    return label;
}

}  // namespace tb
