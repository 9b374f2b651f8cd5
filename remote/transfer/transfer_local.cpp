// Local moves by rename(2): the stage is next to the destination, so nothing is copied.

#include "transfer_local.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace tb {

namespace {

struct Transfer {
    Q_DECLARE_TR_FUNCTIONS(Transfer)
};

QString renameOver(const QString& from, const QString& to) {
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return {};
    return Transfer::tr("cannot move %1 to %2: %3")
        .arg(from, to, QString::fromLocal8Bit(std::strerror(errno)));
}

QString mergeInto(const QString& from, const QString& to) {
    const QFileInfoList entries = QDir(from).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot |
                                                           QDir::Hidden | QDir::System);
    for (const QFileInfo& entry : entries) {
        const QString target = QDir(to).filePath(entry.fileName());
        const QFileInfo existing(target);
        QString error;
        if (entry.isDir() && !entry.isSymLink() && existing.isDir() && !existing.isSymLink())
            error = mergeInto(entry.filePath(), target);
        else if (existing.isDir() && !existing.isSymLink())
            error = Transfer::tr("cannot replace the folder %1 with a file").arg(target);
        else
            error = renameOver(entry.filePath(), target);
        if (!error.isEmpty()) return error;
    }
    QDir().rmdir(from);
    return {};
}

}  // namespace

void clearLocalStage(const QString& stage) {
    const QFileInfo info(stage);
    // QDir::removeRecursively() would list the link's target and delete its contents.
    if (info.isSymLink() || (info.exists() && !info.isDir())) {
        QFile::remove(stage);
        return;
    }
    QDir(stage).removeRecursively();  // does not descend into links it meets inside
}

QString localStagingPath(const QString& path, const QString& tag) {
    const QFileInfo info(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    return info.dir().filePath(QStringLiteral(".%1.tb-%2").arg(info.fileName(), tag));
}

QString moveLocalIntoPlace(const QString& stage, const QString& destination) {
    const QFileInfo target(destination);
    if (target.isDir() && !target.isSymLink()) QDir().rmdir(destination);  // only when empty
    if (!QFileInfo::exists(destination) && !target.isSymLink()) {
        QDir().mkpath(target.absolutePath());
        return renameOver(stage, destination);
    }
    if (!target.isDir())
        return Transfer::tr("%1 exists and is not a folder; choose another destination")
            .arg(destination);
    return mergeInto(stage, destination);
}

}  // namespace tb
