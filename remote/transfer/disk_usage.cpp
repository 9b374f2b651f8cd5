// Disk usage from `df`: the probe's marked sections and df rows parsed into ProbedDisks, which
// the host probe reports and the transfers check space with.

#include "disk_usage.h"

#include <QRegularExpression>

#include "core/runs/name_table.h"

namespace tb {

namespace {

// df -P rows: FILESYSTEM N1 N2 N3 PERCENT MOUNT-WITH-SPACES. The mount is what follows the
// fifth field, so a mount point with spaces survives.
struct DfRow {
    QString filesystem;
    qint64 total = 0;
    qint64 free = 0;
    QString mount;
};

bool parseDfRow(const QString& line, DfRow& row) {
    static const QRegularExpression pattern(
        QStringLiteral("^(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)\\s+(.+)$"));
    const QRegularExpressionMatch match = pattern.match(line.trimmed());
    if (!match.hasMatch()) return false;
    row.filesystem = match.captured(1);
    row.total = match.captured(2).toLongLong();
    row.free = match.captured(4).toLongLong();
    row.mount = match.captured(6);
    return true;
}

bool isPseudoFilesystem(const DfRow& row) {
    static const QStringList pseudo = {
        QStringLiteral("tmpfs"), QStringLiteral("devtmpfs"), QStringLiteral("shm"),
        QStringLiteral("udev"),  QStringLiteral("none"),     QStringLiteral("proc"),
        QStringLiteral("sysfs"), QStringLiteral("cgroup"),   QStringLiteral("cgroup2")};
    if (pseudo.contains(row.filesystem)) return true;
    // Container bind mounts of single files and kernel trees are not places to put data.
    static const QStringList pseudoRoots = {QStringLiteral("/proc"), QStringLiteral("/sys"),
                                            QStringLiteral("/dev"), QStringLiteral("/run"),
                                            QStringLiteral("/etc")};
    for (const QString& root : pseudoRoots)
        if (row.mount == root || row.mount.startsWith(root + QLatin1Char('/'))) return true;
    return false;
}

bool looksLikeDataMount(const ProbedDisk& disk) {
    constexpr qint64 kMinimumDataDisk = qint64(1) << 30;
    return disk.filesystem.startsWith(QLatin1String("/dev/")) &&
           disk.totalBytes >= kMinimumDataDisk && !disk.mount.startsWith(QLatin1String("/boot"));
}

void assignRoles(QList<ProbedDisk>& disks) {
    qsizetype data = -1;
    for (qsizetype i = 0; i < disks.size(); ++i) {
        if (disks[i].mount == QLatin1String("/")) disks[i].role = DiskRole::System;
        // AutoDL and similar hosts: the instance's data disk, the one that survives resets.
        if (disks[i].mount == QLatin1String("/root/autodl-tmp")) data = i;
    }
    if (data < 0) {
        for (qsizetype i = 0; i < disks.size(); ++i) {
            if (disks[i].role == DiskRole::System || !looksLikeDataMount(disks[i])) continue;
            if (data < 0 || disks[i].totalBytes > disks[data].totalBytes) data = i;
        }
    }
    if (data >= 0) disks[data].role = DiskRole::Data;
}

}  // namespace

QString gib(qint64 bytes) {
    return QString::number(double(bytes) / (1024.0 * 1024.0 * 1024.0), 'f', 1) +
           QStringLiteral(" GiB");
}

double ProbedDisk::freeFraction() const {
    return totalBytes > 0 ? double(freeBytes) / double(totalBytes) : 0.0;
}

double ProbedDisk::freeInodeFraction() const {
    return totalInodes > 0 ? double(freeInodes) / double(totalInodes) : -1.0;
}

QString diskRoleName(DiskRole role) {
    static constexpr EnumName<DiskRole> kNames[] = {{DiskRole::System, "system"},
                                                    {DiskRole::Data, "data"}};
    return nameOf(role, kNames, "other");
}

QHash<QString, QStringList> splitProbeSections(const QString& output) {
    QHash<QString, QStringList> sections;
    QString current;
    for (const QString& raw : output.split(QLatin1Char('\n'))) {
        const QString line = raw.endsWith(QLatin1Char('\r')) ? raw.chopped(1) : raw;
        if (line.startsWith(QLatin1String("@@"))) {
            current = line.mid(2).trimmed();
            sections[current];  // an empty section still says the probe reached it
        } else if (!current.isEmpty() && !line.trimmed().isEmpty()) {
            sections[current].append(line);
        }
    }
    return sections;
}

QList<ProbedDisk> parseDisks(const QStringList& dfBytes, const QStringList& dfInodes) {
    QHash<QString, DfRow> inodesByMount;
    for (const QString& line : dfInodes) {
        DfRow row;
        if (parseDfRow(line, row)) inodesByMount.insert(row.mount, row);
    }
    QList<ProbedDisk> disks;
    for (const QString& line : dfBytes) {
        DfRow row;
        if (!parseDfRow(line, row) || isPseudoFilesystem(row)) continue;
        ProbedDisk disk;
        disk.filesystem = row.filesystem;
        disk.mount = row.mount;
        disk.totalBytes = row.total;
        disk.freeBytes = row.free;
        const auto inodes = inodesByMount.constFind(row.mount);
        if (inodes != inodesByMount.constEnd()) {
            disk.totalInodes = inodes->total;
            disk.freeInodes = inodes->free;
        }
        disks.append(disk);
    }
    assignRoles(disks);
    return disks;
}

}  // namespace tb
