// Listing through git (its gitignore rules, not ours), then lstat and SHA-256 per file with a
// per-folder cache in ~/.cache/trainbench/sync so an unchanged file is never read again.

#include "code_listing.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/stat.h>

#include "core/runs/fail_text.h"
#include "remote/transfer/file_hash.h"
#include "remote/transfer/tar_pack.h"

namespace tb {

const QStringList kDefaultSyncExcludes = {
    QStringLiteral(".git/"),     QStringLiteral("__pycache__/"),
    QStringLiteral("*.pyc"),     QStringLiteral(".ipynb_checkpoints/"),
    QStringLiteral(".DS_Store"), QStringLiteral(".trainbench-sync/")};

namespace {

// Why a code folder could not be listed or hashed.
struct CodeFiles {
    Q_DECLARE_TR_FUNCTIONS(CodeFiles)
};

}  // namespace

Result<QByteArray> runGit(const QString& folder, const QStringList& arguments) {
    QProcess git;
    git.setWorkingDirectory(folder);
    git.start(QStringLiteral("git"), arguments);
    if (!git.waitForStarted())
        return failText(CodeFiles::tr("cannot list %1: git is not installed (sudo apt install git)")
                            .arg(folder));
    QByteArray output;
    while (!git.waitForFinished(200)) {
        output += git.readAllStandardOutput();
        if (git.state() == QProcess::NotRunning) break;
    }
    output += git.readAllStandardOutput();
    if (git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0)
        //: %2 is the git command (ls-files, rev-parse, ...), %3 what git printed
        return failText(CodeFiles::tr("cannot list %1: git %2 failed: %3")
                            .arg(folder, arguments.value(0),
                                 QString::fromLocal8Bit(git.readAllStandardError()).trimmed()));
    return output;
}

namespace {

QStringList splitNul(const QByteArray& output) {
    QStringList paths;
    for (const QByteArray& part : output.split('\0'))
        if (!part.isEmpty()) paths.append(QFile::decodeName(part));
    return paths;
}

QHash<QString, ManifestEntry> readCache(const QString& path) {
    QHash<QString, ManifestEntry> cache;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return cache;
    const auto entries = parseManifest(file.readAll(), path);
    if (!entries) return cache;  // a damaged cache only costs hashing again
    for (const ManifestEntry& entry : *entries) cache.insert(entry.path, entry);
    return cache;
}

// Fills kind, size, mtime and mode; false for what a sync does not carry (folders of a
// submodule, sockets, files gone since git listed them).
bool lookAt(const QString& root, ManifestEntry& entry, QString& linkTarget) {
    const QByteArray path = QFile::encodeName(root + QLatin1Char('/') + entry.path);
    struct stat info {};
    if (::lstat(path.constData(), &info) != 0) return false;
    entry.modifiedNs = qint64(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
    entry.executable = (info.st_mode & S_IXUSR) != 0;
    if (S_ISLNK(info.st_mode)) {
        linkTarget = linkText(QFile::decodeName(path));
        if (linkTarget.isEmpty()) return false;
        entry.link = true;
        entry.executable = false;
        entry.size = QFile::encodeName(linkTarget).size();
        return true;
    }
    if (!S_ISREG(info.st_mode)) return false;
    entry.size = info.st_size;
    return true;
}

}  // namespace

Result<QStringList> listCodeFiles(const QString& root, bool* inGit) {
    if (!QFileInfo(root).isDir()) return failText(CodeFiles::tr("%1 is not a folder").arg(root));
    const auto top = runGit(root, {QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel")});
    const bool git = top.ok();
    if (inGit) *inGit = git;
    if (git) {
        const auto listed = runGit(
            root, {QStringLiteral("ls-files"), QStringLiteral("-z"), QStringLiteral("--cached"),
                   QStringLiteral("--others"), QStringLiteral("--exclude-standard")});
        if (!listed) return listed.failure();
        return splitNul(*listed);
    }
    // Outside a work tree git still applies gitignore rules, given an empty repository.
    QTemporaryDir empty;
    if (!empty.isValid() ||
        !runGit(empty.path(), {QStringLiteral("init"), QStringLiteral("-q"), empty.path()}))
        return failText(
            CodeFiles::tr("cannot list %1: git could not make a scratch repository").arg(root));
    QStringList arguments = {QStringLiteral("--git-dir=") + empty.path() + QStringLiteral("/.git"),
                             QStringLiteral("--work-tree=") + QFileInfo(root).absoluteFilePath(),
                             QStringLiteral("ls-files"),
                             QStringLiteral("-z"),
                             QStringLiteral("--others"),
                             QStringLiteral("--exclude-per-directory=.trainbenchignore")};
    for (const QString& pattern : kDefaultSyncExcludes)
        arguments << QStringLiteral("--exclude=") + pattern;
    const auto listed = runGit(root, arguments);
    if (!listed) return listed.failure();
    return splitNul(*listed);
}

Result<CodeListing> scanCodeFolder(const QString& root, const ListingHooks& hooks) {
    CodeListing listing;
    const auto paths = listCodeFiles(root, &listing.git);
    if (!paths) return paths.failure();
    const QString absolute = QFileInfo(root).absoluteFilePath();
    const QString cacheFile = syncCacheFile(absolute, QStringLiteral(".local"));
    const QHash<QString, ManifestEntry> cache = readCache(cacheFile);
    QList<qsizetype> toHash;
    qint64 hashBytes = 0;
    for (const QString& path : *paths) {
        ManifestEntry entry;
        entry.path = path;
        QString target;
        if (!isSafeSyncPath(path) || !lookAt(absolute, entry, target)) continue;
        const auto cached = cache.constFind(path);
        if (cached != cache.constEnd() && cached->size == entry.size &&
            cached->modifiedNs == entry.modifiedNs && cached->link == entry.link) {
            entry.sha256 = cached->sha256;
        } else if (entry.link) {
            entry.sha256 = FileHash::hexOf(target.toUtf8());
        } else {
            toHash.append(listing.files.size());
            hashBytes += entry.size;
        }
        listing.bytes += entry.size;
        listing.files.append(entry);
    }
    qint64 hashed = 0;
    for (qsizetype index : toHash) {
        if (hooks.cancelled && hooks.cancelled()) return failText(CodeFiles::tr("cancelled"));
        ManifestEntry& entry = listing.files[index];
        entry.sha256 = FileHash::hexOfFile(absolute + QLatin1Char('/') + entry.path);
        if (entry.sha256.isEmpty())
            return failText(CodeFiles::tr("cannot read %1/%2").arg(absolute, entry.path));
        hashed += entry.size;
        if (hooks.hashing) hooks.hashing(hashed, hashBytes);
    }
    if (!toHash.isEmpty() || cache.size() != listing.files.size())
        writeSyncCache(cacheFile, formatManifest(listing.files));
    return listing;
}

}  // namespace tb
