#pragma once
// TarUnpacker: a tar stream (any compression) extracted safely under one local folder.

#include <QString>

#include <functional>

namespace tb {

// Empty when an archive entry may be extracted under the destination; else why not:
// absolute paths, ".." steps, and links that point outside are refused.
QString unsafeEntryReason(const QString& path, const QString& symlinkTarget,
                          const QString& hardlinkTarget);

class TarUnpacker {
public:
    // Fills `data` with up to `size` bytes: > 0 read, 0 at the end, -1 on failure.
    using Source = std::function<qint64(char* data, qint64 size)>;
    using Progress = std::function<void(qint64 contentBytes)>;

    explicit TarUnpacker(QString destination) : m_destination(std::move(destination)) {}

    // Empty on success, else what went wrong, naming the entry; "stopped" when the source
    // failed (the caller knows why). Stops at the first unsafe entry.
    QString unpack(const Source& source, const Progress& progress);

    qint64 files() const { return m_files; }
    qint64 bytes() const { return m_bytes; }

private:
    QString m_destination;
    qint64 m_files = 0;
    qint64 m_bytes = 0;
};

}  // namespace tb
