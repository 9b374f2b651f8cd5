#pragma once
// Disk usage as `df` reports it: the disks of a host with their roles, parsed from the marked
// sections a probe script prints. The host probe and the transfers' space checks share it.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace tb {

enum class DiskRole { System, Data, Other };

struct ProbedDisk {
    QString filesystem;
    QString mount;
    qint64 totalBytes = 0;
    qint64 freeBytes = 0;
    qint64 totalInodes = -1;  // -1: df -i did not list the mount; 0: the filesystem has no limit
    qint64 freeInodes = -1;
    DiskRole role = DiskRole::Other;

    double freeFraction() const;
    // Negative when unknown or unlimited (btrfs, many network filesystems report 0 inodes).
    double freeInodeFraction() const;
};

QString diskRoleName(DiskRole role);

// "12.3 GiB": sizes as the probe's warnings and summary show them.
QString gib(qint64 bytes);

// "@@name" lines open sections; the lines up to the next marker belong to it.
QHash<QString, QStringList> splitProbeSections(const QString& output);

// `df -P -B1` and `df -P -i` joined by mount; pseudo filesystems dropped; roles guessed.
QList<ProbedDisk> parseDisks(const QStringList& dfBytes, const QStringList& dfInodes);

}  // namespace tb
