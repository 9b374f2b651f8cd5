// TarPacker: libarchive writes pax headers and the compressed stream straight into the sink.

#include "tar_pack.h"
#include "tar_handles.h"

#include "core/runs/fail_text.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

#include <unistd.h>

namespace tb {

namespace {

constexpr qint64 kReadChunk = 1 << 20;

struct TarArchive {
    Q_DECLARE_TR_FUNCTIONS(TarArchive)
};

struct SinkState {
    const TarPacker::Sink* sink = nullptr;
    bool refused = false;
};

la_ssize_t writeToSink(archive* a, void* state, const void* buffer, size_t length) {
    auto* sinkState = static_cast<SinkState*>(state);
    if (!(*sinkState->sink)(static_cast<const char*>(buffer), static_cast<qint64>(length))) {
        sinkState->refused = true;
        archive_set_error(a, ECANCELED, "stopped");
        return -1;
    }
    return static_cast<la_ssize_t>(length);
}

bool setCompression(archive* a, TarCompression compression) {
    switch (compression) {
        case TarCompression::Zstd:
            // Level 1: the link, not the compressor, should be what limits the speed.
            return archive_write_add_filter_zstd(a) == ARCHIVE_OK &&
                   archive_write_set_filter_option(a, "zstd", "compression-level", "1") ==
                       ARCHIVE_OK;
        case TarCompression::Gzip:
            return archive_write_add_filter_gzip(a) == ARCHIVE_OK &&
                   archive_write_set_filter_option(a, "gzip", "compression-level", "1") ==
                       ARCHIVE_OK;
        case TarCompression::Auto:
        case TarCompression::None:
            return archive_write_add_filter_none(a) == ARCHIVE_OK;
    }
    return false;
}

}  // namespace

QString linkText(const QString& path) {
    char target[4096];
    const ssize_t n = ::readlink(QFile::encodeName(path).constData(), target, sizeof target);
    return n > 0 ? QFile::decodeName(QByteArray(target, static_cast<int>(n))) : QString();
}

Result<FolderScan> scanFolder(const QString& root) {
    const QFileInfo rootInfo(root);
    if (!rootInfo.isDir()) return failText(TarArchive::tr("%1 is not a folder").arg(root));
    FolderScan scan;
    const QDir base(rootInfo.absoluteFilePath());
    QDirIterator it(base.path(),
                    QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        FolderEntry entry;
        entry.relativePath = base.relativeFilePath(info.filePath());
        entry.modified = info.lastModified().toSecsSinceEpoch();
        entry.executable = info.permission(QFileDevice::ExeOwner);
        if (info.isSymLink()) {
            entry.kind = FolderEntry::Link;
            entry.linkTarget = linkText(info.filePath());
        } else if (info.isDir()) {
            entry.kind = FolderEntry::Folder;
        } else if (info.isFile()) {
            entry.size = info.size();
            ++scan.files;
            scan.bytes += entry.size;
            scan.blockBytes += (entry.size + 4095) / 4096 * 4096;
        } else {
            continue;  // sockets, fifos, devices: not part of a dataset
        }
        scan.entries.append(entry);
    }
    return scan;
}

TarPacker::TarPacker(QString root, const FolderScan& scan, TarCompression compression)
    : m_root(std::move(root)), m_scan(scan), m_compression(compression) {
}

QString TarPacker::pack(const Sink& sink, const Progress& progress) {
    const tar::WritePtr out(archive_write_new());
    SinkState state{&sink, false};
    if (archive_write_set_format_pax_restricted(out.get()) != ARCHIVE_OK ||
        !setCompression(out.get(), m_compression) ||
        archive_write_set_bytes_in_last_block(out.get(), 1) != ARCHIVE_OK ||
        archive_write_open(out.get(), &state, nullptr, writeToSink, nullptr) != ARCHIVE_OK)
        //: %1 is libarchive's error
        return TarArchive::tr("cannot start the archive: %1")
            .arg(QString::fromUtf8(archive_error_string(out.get())));
    const auto failed = [&](const QString& path) {
        if (state.refused) return QStringLiteral("stopped");  // a marker for the caller, not shown
        return TarArchive::tr("cannot pack %1: %2")
            .arg(path, QString::fromUtf8(archive_error_string(out.get())));
    };
    const QDir base(m_root);
    QByteArray buffer(kReadChunk, Qt::Uninitialized);
    const tar::EntryPtr header(archive_entry_new());
    for (const FolderEntry& entry : m_scan.entries) {
        const QString path =
            entry.sourcePath.isEmpty() ? base.filePath(entry.relativePath) : entry.sourcePath;
        archive_entry_clear(header.get());
        archive_entry_set_pathname_utf8(header.get(), entry.relativePath.toUtf8().constData());
        archive_entry_set_mtime(header.get(), entry.modified, 0);
        const bool searchable = entry.kind == FolderEntry::Folder || entry.executable;
        archive_entry_set_perm(header.get(), searchable ? 0755 : 0644);
        QFile file(path);
        if (entry.kind == FolderEntry::Folder) {
            archive_entry_set_filetype(header.get(), AE_IFDIR);
        } else if (entry.kind == FolderEntry::Link) {
            archive_entry_set_filetype(header.get(), AE_IFLNK);
            archive_entry_set_symlink_utf8(header.get(), entry.linkTarget.toUtf8().constData());
        } else {
            if (!file.open(QIODevice::ReadOnly))
                return TarArchive::tr("cannot read %1: %2").arg(path, file.errorString());
            archive_entry_set_filetype(header.get(), AE_IFREG);
            archive_entry_set_size(header.get(), entry.size);
        }
        if (archive_write_header(out.get(), header.get()) != ARCHIVE_OK) return failed(path);
        qint64 left = entry.kind == FolderEntry::File ? entry.size : 0;
        while (left > 0) {
            const qint64 n = file.read(buffer.data(), qMin(left, kReadChunk));
            if (n <= 0)
                return TarArchive::tr(
                           "%1 changed while it was being sent (it is shorter "
                           "than when the folder was scanned)")
                    .arg(path);
            if (archive_write_data(out.get(), buffer.constData(), static_cast<size_t>(n)) != n)
                return failed(path);
            left -= n;
            progress(n);
        }
    }
    if (archive_write_close(out.get()) != ARCHIVE_OK) return failed(m_root);
    return {};
}

}  // namespace tb
