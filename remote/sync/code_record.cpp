// The code record: git asked for the commit and the diff, the listing for the manifest digest.

#include "code_record.h"

#include <QFileInfo>

#include "code_listing.h"
#include "remote/transfer/file_hash.h"

namespace tb {

QMap<QString, QString> gitRecordOfFolder(const QString& folder) {
    QMap<QString, QString> record;
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) return record;  // e.g. the run's own dir
    const auto commit = runGit(folder, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    if (!commit) return record;
    record.insert(QStringLiteral("folder"), QFileInfo(folder).absoluteFilePath());
    record.insert(QStringLiteral("commit"), QString::fromLatin1(commit->trimmed()));
    const auto diff =
        runGit(folder, {QStringLiteral("diff"), QStringLiteral("HEAD"), QStringLiteral("--binary"),
                        QStringLiteral("--"), QStringLiteral(".")});
    record.insert(QStringLiteral("dirty_diff"),
                  diff && !diff->isEmpty() ? FileHash::hexOf(*diff) : QString());
    return record;
}

Result<QMap<QString, QString>> codeRecordOfFolder(const QString& folder) {
    const auto listing = scanCodeFolder(folder);
    if (!listing) return listing.failure();
    QMap<QString, QString> record = gitRecordOfFolder(folder);
    record.insert(QStringLiteral("folder"), QFileInfo(folder).absoluteFilePath());
    record.insert(QStringLiteral("manifest"), manifestDigest(listing->files));
    record.insert(QStringLiteral("files"), QString::number(listing->files.size()));
    return record;
}

}  // namespace tb
