// Space checks: df output parsed with the probe's parser, statvfs locally, one message format.

#include "transfer_space.h"

#include "disk_usage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <sys/statvfs.h>

namespace tb {

namespace {

struct Transfer {
    Q_DECLARE_TR_FUNCTIONS(Transfer)
};

const char kSpaceScript[] = R"SH(
p=$1
while [ ! -e "$p" ] && [ "$p" != "." ] && [ "$p" != "/" ]; do p=$(dirname -- "$p"); done
echo @@df
df -P -B1 -- "$p"
echo @@dfi
df -P -i -- "$p"
echo @@end
)SH";

}  // namespace

const char* remoteSpaceScript() {
    return kSpaceScript;
}

qint64 blocksOf(qint64 bytes) {
    constexpr qint64 kBlock = 4096;
    return (bytes + kBlock - 1) / kBlock * kBlock;
}

SpaceAtPath parseSpaceOutput(const QString& output) {
    const QHash<QString, QStringList> sections = splitProbeSections(output);
    const QList<ProbedDisk> disks =
        parseDisks(sections.value(QStringLiteral("df")), sections.value(QStringLiteral("dfi")));
    SpaceAtPath space;
    if (disks.size() == 1) {
        space.found = true;
        space.disk = disks.first();
    }
    return space;
}

QString spaceProblem(const SpaceAtPath& space, const SpaceNeeded& need, const QString& where,
                     const QString& path) {
    if (!space.found) return {};
    const ProbedDisk& disk = space.disk;
    if (disk.freeBytes < need.bytes)
        //: %1 is the host (or "this machine"), %2 the destination path, %5 and %6 sizes ("3.2 GiB")
        return Transfer::tr(
                   "Not enough space on %1 for %2: the filesystem %3 (mounted on %4) "
                   "has %5 free, the transfer needs %6. Free some space or choose "
                   "another destination (a data disk).")
            .arg(where, path, disk.filesystem, disk.mount, gib(disk.freeBytes), gib(need.bytes));
    // 0 total inodes: the filesystem has no fixed limit (btrfs, many network filesystems).
    if (disk.totalInodes > 0 && disk.freeInodes >= 0 && disk.freeInodes < need.inodes)
        //: %1 is the host (or "this machine"), %2 the destination path
        return Transfer::tr(
                   "Not enough inodes on %1 for %2: the filesystem %3 (mounted on %4) "
                   "can hold %5 more files, the transfer has %6. Delete files there, "
                   "pack the dataset into fewer files, or choose another destination.")
            .arg(where, path, disk.filesystem, disk.mount, QString::number(disk.freeInodes),
                 QString::number(need.inodes));
    return {};
}

SpaceAtPath localSpace(const QString& path) {
    QFileInfo info(QFileInfo(path).absoluteFilePath());
    while (!info.exists() && !info.isRoot()) info.setFile(info.absolutePath());
    struct statvfs stats {};
    SpaceAtPath space;
    if (::statvfs(QFile::encodeName(info.absoluteFilePath()).constData(), &stats) != 0)
        return space;
    space.found = true;
    space.disk.filesystem = info.absoluteFilePath();
    space.disk.mount = info.absoluteFilePath();
    space.disk.totalBytes = static_cast<qint64>(stats.f_blocks) * stats.f_frsize;
    space.disk.freeBytes = static_cast<qint64>(stats.f_bavail) * stats.f_frsize;
    space.disk.totalInodes = static_cast<qint64>(stats.f_files);
    space.disk.freeInodes = static_cast<qint64>(stats.f_favail);
    return space;
}

}  // namespace tb
