// planSync compares by path and content; syncWarnings groups what is sent by data-like folders.

#include "sync_plan.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace tb {

namespace {

// The warnings that hold a large sync for the user to confirm.
struct SyncWarnings {
    Q_DECLARE_TR_FUNCTIONS(SyncWarnings)
};

const QSet<QString> kDataFolderNames = {
    QStringLiteral("data"),        QStringLiteral("dataset"), QStringLiteral("datasets"),
    QStringLiteral("checkpoints"), QStringLiteral("ckpt"),    QStringLiteral("weights"),
    QStringLiteral("wandb"),       QStringLiteral("mlruns"),  QStringLiteral("lightning_logs"),
    QStringLiteral("outputs"),     QStringLiteral("logs"),    QStringLiteral("runs"),
    QStringLiteral("venv"),        QStringLiteral(".venv"),   QStringLiteral("node_modules")};

// "data/train" for "data/train/x/y.jpg": the path up to and including its first data-like step.
QString dataFolderOf(const QString& path) {
    const QStringList steps = path.split(QLatin1Char('/'));
    for (qsizetype i = 0; i + 1 < steps.size(); ++i)
        if (kDataFolderNames.contains(steps[i].toLower())) return steps.mid(0, i + 1).join('/');
    return {};
}

}  // namespace

QString byteText(qint64 bytes) {
    if (bytes < 1000) return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1'000'000) return QStringLiteral("%1 kB").arg(bytes / 1e3, 0, 'f', 1);
    if (bytes < 1'000'000'000) return QStringLiteral("%1 MB").arg(bytes / 1e6, 0, 'f', 1);
    return QStringLiteral("%1 GB").arg(bytes / 1e9, 0, 'f', 2);
}

SyncPlan planSync(const QList<ManifestEntry>& local, const QList<ManifestEntry>& synced) {
    QHash<QString, const ManifestEntry*> there;
    there.reserve(synced.size());
    for (const ManifestEntry& entry : synced) there.insert(entry.path, &entry);
    SyncPlan plan;
    QSet<QString> here;
    here.reserve(local.size());
    for (const ManifestEntry& entry : local) {
        here.insert(entry.path);
        const auto found = there.constFind(entry.path);
        if (found != there.constEnd() && (*found)->sameContent(entry)) {
            ++plan.unchanged;
            continue;
        }
        plan.send.append(entry);
        plan.sendBytes += entry.size;
    }
    QSet<QString> folders;
    for (const ManifestEntry& entry : synced) {
        if (here.contains(entry.path)) continue;
        plan.remove.append(entry.path);
        for (qsizetype slash = entry.path.lastIndexOf('/'); slash > 0;
             slash = entry.path.lastIndexOf('/', slash - 1))
            folders.insert(entry.path.left(slash));
    }
    plan.prune = QStringList(folders.begin(), folders.end());
    std::sort(plan.prune.begin(), plan.prune.end(), [](const QString& a, const QString& b) {
        const auto depthA = a.count('/'), depthB = b.count('/');
        return depthA != depthB ? depthA > depthB : a < b;
    });
    return plan;
}

QStringList syncWarnings(const SyncPlan& plan) {
    QStringList warnings;
    if (plan.sendBytes > kSyncAskBytes)
        //: %1 is a size (1.2 GB), %2 a count of files, %3 the size above which a sync asks
        warnings << SyncWarnings::tr("%1 in %2 files would be sent (more than %3)")
                        .arg(byteText(plan.sendBytes), QString::number(plan.send.size()),
                             byteText(kSyncAskBytes));
    QMap<QString, QPair<qint64, qint64>> dataFolders;  // folder -> files, bytes
    for (const ManifestEntry& entry : plan.send) {
        const QString folder = dataFolderOf(entry.path);
        if (folder.isEmpty()) continue;
        auto& [files, bytes] = dataFolders[folder];
        ++files;
        bytes += entry.size;
    }
    for (auto it = dataFolders.cbegin(); it != dataFolders.cend(); ++it)
        if (it->second > kSyncAskDataBytes)
            //: %1 is a folder, %2 a size (1.2 GB)
            warnings
                << (it->first == 1
                        ? SyncWarnings::tr("%1/ looks like data, weights or logs: 1 file, %2")
                              .arg(it.key(), byteText(it->second))
                        //: %1 is a folder, %2 a count of files, %3 a size (1.2 GB)
                        : SyncWarnings::tr("%1/ looks like data, weights or logs: %2 files, %3")
                              .arg(it.key(), QString::number(it->first), byteText(it->second)));
    return warnings;
}

}  // namespace tb
