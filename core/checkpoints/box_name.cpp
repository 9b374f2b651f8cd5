// Names from a box checked before they become local paths (see box_name.h).
#include "box_name.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "core/runs/fail_text.h"

namespace tb {
namespace {

struct BoxName {
    Q_DECLARE_TR_FUNCTIONS(BoxName)
};

const QRegularExpression& patternFor(BoxNameKind kind) {
    // Anchored; the slug and the checkpoint stem use the characters our own writers use.
    static const QRegularExpression runId(
        QStringLiteral("\\A[0-9]{8}-[0-9]{6}-[a-z0-9][a-z0-9-]{0,79}\\z"));
    static const QRegularExpression file(
        QStringLiteral("\\Ackpt-[A-Za-z0-9][A-Za-z0-9._-]{0,199}\\.pt\\z"));
    static const QRegularExpression sidecar(
        QStringLiteral("\\Ackpt-[A-Za-z0-9][A-Za-z0-9._-]{0,199}\\.json\\z"));
    switch (kind) {
        case BoxNameKind::RunId:
            return runId;
        case BoxNameKind::CheckpointFile:
            return file;
        case BoxNameKind::CheckpointSidecar:
            break;
    }
    return sidecar;
}

// What kind of name it is, said inside the messages below.
QString describe(BoxNameKind kind) {
    switch (kind) {
        case BoxNameKind::RunId:
            return BoxName::tr("run id (expected YYYYMMDD-HHMMSS-name)");
        case BoxNameKind::CheckpointFile:
            return BoxName::tr("checkpoint name (expected ckpt-NAME.pt)");
        case BoxNameKind::CheckpointSidecar:
            break;
    }
    return BoxName::tr("checkpoint sidecar name (expected ckpt-NAME.json)");
}

// The path with every existing part's links resolved; the parts that do not exist yet are
// appended as they are (they were checked to hold no '/' or "..").
QString resolved(const QString& path) {
    QString existing = QDir::cleanPath(path);
    QString rest;
    while (!existing.isEmpty() && !QFileInfo::exists(existing) &&
           !QFileInfo(existing).isSymLink()) {
        const qsizetype slash = existing.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0) break;
        rest = existing.mid(slash) + rest;
        existing.truncate(slash);
    }
    const QString canonical = QFileInfo(existing).canonicalFilePath();
    // A dangling link: its target is unknown, so it is treated as outside.
    if (canonical.isEmpty()) return QString();
    return canonical + rest;
}

}  // namespace

bool isSafeBoxName(BoxNameKind kind, const QString& name) {
    return patternFor(kind).match(name).hasMatch() && !name.contains(QLatin1String(".."));
}

Result<QString> checkBoxName(BoxNameKind kind, const QString& name, const QString& host) {
    if (isSafeBoxName(kind, name)) return name;
    QString shown = name.left(120);
    for (QChar& c : shown)
        if (!c.isPrint()) c = QLatin1Char('?');
    //: %1 is a host, %2 the kind of name ("run id (expected YYYYMMDD-HHMMSS-name)"), %3 the name
    return failText(BoxName::tr("host %1 sent the %2 \"%3\", which is not a safe file name; it "
                                "was refused and nothing was written. Check what runs on that "
                                "box.")
                        .arg(host, describe(kind), shown));
}

Result<QString> boxNamePath(const QString& destination, BoxNameKind kind, const QString& name,
                            const QString& host) {
    auto checked = checkBoxName(kind, name, host);
    if (!checked) return checked.failure();
    const QString root = resolved(QFileInfo(destination).absoluteFilePath());
    const QString path = QDir(destination).absoluteFilePath(name);
    const QString target = resolved(path);
    if (root.isEmpty() || target.isEmpty() ||
        !target.startsWith(root +
                           (root.endsWith(QLatin1Char('/')) ? QString() : QStringLiteral("/"))))
        //: %1 is the kind of name ("run id (expected YYYYMMDD-HHMMSS-name)"), %2 the name, %3 a
        //: host, %4 a local path or "an unknown place", %5 the folder it should stay in
        return failText(BoxName::tr("the %1 \"%2\" from host %3 would resolve to %4, outside %5 "
                                    "(a symbolic link there?); refused. Remove the link and try "
                                    "again.")
                            .arg(describe(kind), name, host,
                                 target.isEmpty() ? BoxName::tr("an unknown place") : target,
                                 destination));
    return path;
}

}  // namespace tb
