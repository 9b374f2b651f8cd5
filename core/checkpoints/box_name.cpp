// Names from a box checked before they become local paths (see box_name.h).
#include "box_name.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace tb {
namespace {

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

const char* describe(BoxNameKind kind) {
    switch (kind) {
        case BoxNameKind::RunId:
            return "run id (expected YYYYMMDD-HHMMSS-name)";
        case BoxNameKind::CheckpointFile:
            return "checkpoint name (expected ckpt-NAME.pt)";
        case BoxNameKind::CheckpointSidecar:
            break;
    }
    return "checkpoint sidecar name (expected ckpt-NAME.json)";
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
    return fail("host " + host.toStdString() + " sent the " + describe(kind) + " \"" +
                shown.toStdString() +
                "\", which is not a safe file name; it was refused and nothing was written. "
                "Check what runs on that box.");
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
        return fail("the " + std::string(describe(kind)) + " \"" + name.toStdString() +
                    "\" from host " + host.toStdString() + " would resolve to " +
                    (target.isEmpty() ? std::string("an unknown place") : target.toStdString()) +
                    ", outside " + destination.toStdString() +
                    " (a symbolic link there?); refused. Remove the link and try again.");
    return path;
}

}  // namespace tb
