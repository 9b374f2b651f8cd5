#pragma once
// TarPacker: a local folder walked and packed on the fly into a tar stream (zstd, gzip or none).

#include "core/protocol/result.h"
#include "remote/ssh/transfer_types.h"

#include <QList>
#include <QString>

#include <functional>

namespace tb {

struct FolderEntry {
    QString relativePath;  // "a/b.jpg", '/'-separated
    enum Kind { File, Folder, Link } kind = File;
    qint64 size = 0;
    QString linkTarget;   // for links, as stored in the link
    qint64 modified = 0;  // seconds since the epoch
    bool executable = false;
    QString sourcePath;  // where its content is read when not root/relativePath (a sync's lists)
};

struct FolderScan {
    QList<FolderEntry> entries;  // parents before children
    qint64 files = 0;
    qint64 bytes = 0;       // total size of the regular files
    qint64 blockBytes = 0;  // the same rounded up per file to 4 KiB blocks
};

// A symbolic link's target as stored (QFileInfo only offers it resolved to an absolute path in
// Qt 6.4); empty when `path` is no link or cannot be read.
QString linkText(const QString& path);

// Walks `root` without following links; a failure names the folder.
Result<FolderScan> scanFolder(const QString& root);

class TarPacker {
public:
    // Receives the archive as it is produced; returns false to stop (a cancel or a lost
    // connection), and the packer then stops at once.
    using Sink = std::function<bool(const char* data, qint64 size)>;
    // Called with the bytes of file content packed so far since the last call.
    using Progress = std::function<void(qint64 contentBytes)>;

    TarPacker(QString root, const FolderScan& scan, TarCompression compression);

    // Empty on success; else what went wrong, naming the file. A sink refusal gives
    // "stopped", and the caller knows why.
    QString pack(const Sink& sink, const Progress& progress);

private:
    QString m_root;
    const FolderScan& m_scan;
    TarCompression m_compression;
};

}  // namespace tb
