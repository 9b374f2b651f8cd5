#pragma once
// The files of a code folder that a sync sends: in a git work tree what git would keep, else
// what `.trainbenchignore` (gitignore syntax) and a few defaults leave; each with its SHA-256,
// reusing this machine's cache for files whose size and mtime have not changed.

#include <QStringList>

#include <functional>

#include "sync_manifest.h"

namespace tb {

struct CodeListing {
    QList<ManifestEntry> files;  // regular files and symbolic links, hashed
    bool git = false;            // listed by the git work tree the folder is in
    qint64 bytes = 0;
};

struct ListingHooks {
    std::function<bool()> cancelled;                                     // true stops it
    std::function<void(qint64 hashedBytes, qint64 totalBytes)> hashing;  // new files only
};

// Which files: `git ls-files --cached --others --exclude-standard` inside a work tree, else
// `git ls-files --others` with `.trainbenchignore` files and the defaults below (git is used
// for the gitignore rules in both cases). A failure names the folder and what to do.
Result<QStringList> listCodeFiles(const QString& root, bool* inGit = nullptr);

// Listed, looked at (no links followed) and hashed.
Result<CodeListing> scanCodeFolder(const QString& root, const ListingHooks& hooks = {});

// git's standard output in `folder`, or an error naming the folder and git's complaint.
Result<QByteArray> runGit(const QString& folder, const QStringList& arguments);

// What a folder without its own .trainbenchignore leaves out besides that file's rules.
extern const QStringList kDefaultSyncExcludes;

}  // namespace tb
