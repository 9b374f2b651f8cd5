// TarUnpacker: every entry checked by name, links resolved against what is already on disk,
// then libarchive's own secure-extraction flags. The archive comes from a box: not trusted.

#include "tar_unpack.h"
#include "tar_handles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

#include <memory>

namespace tb {

namespace {

constexpr qint64 kReadChunk = 1 << 20;

struct TarArchive {
    Q_DECLARE_TR_FUNCTIONS(TarArchive)
};

struct SourceState {
    const TarUnpacker::Source* source = nullptr;
    QByteArray buffer;
    bool failed = false;
};

la_ssize_t readFromSource(archive* a, void* state, const void** buffer) {
    auto* sourceState = static_cast<SourceState*>(state);
    const qint64 n = (*sourceState->source)(sourceState->buffer.data(), kReadChunk);
    if (n < 0) {
        sourceState->failed = true;
        archive_set_error(a, ECANCELED, "stopped");
        return -1;
    }
    *buffer = sourceState->buffer.constData();
    return static_cast<la_ssize_t>(n);
}

bool hasDotDot(const QString& path) {
    return path.split(QLatin1Char('/')).contains(QStringLiteral(".."));
}

QString relativeName(const QString& path) {
    QString name = path;
    while (name.startsWith(QLatin1String("./"))) name = name.mid(2);
    return name;
}

// Where `target` (a link's text) leads from the folder `from` (parts under the destination),
// following the links already extracted. Empty `problem` when it stays inside; `parts` then
// holds the result. A ".." may only climb out of something that exists: a link through a path
// that is made later could otherwise be re-aimed by a later entry ("k -> .", "e1 -> k/..").
struct Resolution {
    QStringList parts;
    QString problem;
    bool missing = false;  // some part of the result does not exist yet
};

Resolution resolve(const QString& root, QStringList from, const QString& target, int depth) {
    Resolution result{std::move(from), {}, false};
    if (depth > 40) return {{}, TarArchive::tr("its links form a loop or a chain too long")};
    if (target.startsWith(QLatin1Char('/')))
        return {{}, TarArchive::tr("it leads to the absolute path %1").arg(target)};
    bool& missing = result.missing;
    for (const QString& part : target.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String(".")) continue;
        if (part == QLatin1String("..")) {
            if (result.parts.isEmpty())
                return {{}, TarArchive::tr("it leads outside the destination")};
            if (missing)
                return {{},
                        TarArchive::tr("it climbs with \"..\" out of %1, which does not exist "
                                       "yet")
                            .arg(result.parts.join(QLatin1Char('/')))};
            result.parts.removeLast();
            continue;
        }
        const QString here =
            root + QLatin1Char('/') + (result.parts + QStringList{part}).join(QLatin1Char('/'));
        const QFileInfo info(here);
        if (info.isSymLink()) {
            const QByteArray raw = QFile::encodeName(here);
            char text[4096];
            const ssize_t n = ::readlink(raw.constData(), text, sizeof text - 1);
            if (n < 0) return {{}, TarArchive::tr("cannot read the link %1").arg(here)};
            Resolution inner =
                resolve(root, result.parts, QFile::decodeName(QByteArray(text, int(n))), depth + 1);
            if (!inner.problem.isEmpty()) return inner;
            result.parts = inner.parts;
            missing = missing || inner.missing;
            continue;
        }
        missing = missing || !info.exists();
        result.parts.append(part);
    }
    return result;
}

// Why a link entry (or an entry that would land on an existing link) cannot be extracted;
// empty when it can. `name` is clean and relative; `root` is the canonical destination.
QString linkProblem(const QString& root, const QString& name, const char* symlink,
                    const char* hardlink) {
    const QFileInfo existing(root + QLatin1Char('/') + name);
    if (existing.isSymLink())
        return TarArchive::tr("it would replace the link %1 that an earlier entry made").arg(name);
    if (symlink) {
        if (existing.exists()) return TarArchive::tr("a link would replace %1").arg(name);
        // The folders above the link are real ones (SECURE_SYMLINKS), made now if missing.
        const Resolution parent = resolve(root, {}, QFileInfo(name).path(), 0);
        if (!parent.problem.isEmpty()) return parent.problem;
        const Resolution to = resolve(root, parent.parts, QString::fromUtf8(symlink), 0);
        if (!to.problem.isEmpty())
            //: %2 is why the link is refused ("it leads outside the destination")
            return TarArchive::tr("it is a symbolic link to %1 and %2")
                .arg(QString::fromUtf8(symlink), to.problem);
    }
    if (hardlink) {
        // A hard link to a link would copy the link to another folder, where it leads elsewhere.
        const QString target = QDir::cleanPath(relativeName(QString::fromUtf8(hardlink)));
        const Resolution to = resolve(root, {}, target, 0);
        const QFileInfo file(root + QLatin1Char('/') + to.parts.join(QLatin1Char('/')));
        if (QFileInfo(root + QLatin1Char('/') + target).isSymLink() || !to.problem.isEmpty() ||
            to.parts.isEmpty() || file.isSymLink() || !file.isFile())
            return TarArchive::tr(
                       "it is a hard link to %1, which is not a file extracted before it")
                .arg(QString::fromUtf8(hardlink));
    }
    return {};
}

}  // namespace

QString unsafeEntryReason(const QString& path, const QString& symlinkTarget,
                          const QString& hardlinkTarget) {
    if (path.startsWith(QLatin1Char('/'))) return TarArchive::tr("it has an absolute path");
    if (hasDotDot(path)) return TarArchive::tr("its path climbs out with \"..\"");
    if (!hardlinkTarget.isEmpty() &&
        (hardlinkTarget.startsWith(QLatin1Char('/')) || hasDotDot(hardlinkTarget)))
        return TarArchive::tr("it is a hard link to %1, outside the destination")
            .arg(hardlinkTarget);
    if (symlinkTarget.isEmpty()) return {};
    // A link is resolved from the folder that holds it; it must land inside the destination.
    const QString parent = QFileInfo(relativeName(path)).path();
    const QString resolved = QDir::cleanPath(parent + QLatin1Char('/') + symlinkTarget);
    if (symlinkTarget.startsWith(QLatin1Char('/')) || resolved == QLatin1String("..") ||
        resolved.startsWith(QLatin1String("../")))
        return TarArchive::tr("it is a symbolic link to %1, outside the destination")
            .arg(symlinkTarget);
    return {};
}

QString TarUnpacker::unpack(const Source& source, const Progress& progress) {
    const tar::ReadPtr in(archive_read_new());
    const tar::WritePtr disk(archive_write_disk_new());
    // Only the compressions our own packer writes, each built into libarchive: ARCHIVE_WARN
    // means it would run an external program instead, on bytes a box chose.
    if (archive_read_support_filter_zstd(in.get()) != ARCHIVE_OK ||
        archive_read_support_filter_gzip(in.get()) != ARCHIVE_OK ||
        archive_read_support_filter_none(in.get()) != ARCHIVE_OK)
        return TarArchive::tr(
            "this machine's libarchive cannot read zstd and gzip by itself; "
            "install libarchive with zstd and zlib support");
    archive_read_support_format_tar(in.get());
    // Paths are checked above and made absolute under the destination, so libarchive's
    // NOABSOLUTEPATHS cannot be used; SECURE_SYMLINKS still refuses writing through a link
    // an earlier entry made, and the destination is canonical so its own path has none.
    // No ARCHIVE_EXTRACT_PERM: modes are masked below and by the umask; no setuid/setgid.
    archive_write_disk_set_options(disk.get(), ARCHIVE_EXTRACT_TIME |
                                                   ARCHIVE_EXTRACT_SECURE_SYMLINKS |
                                                   ARCHIVE_EXTRACT_SECURE_NODOTDOT);
    SourceState state{&source, QByteArray(kReadChunk, Qt::Uninitialized), false};
    const auto failed = [&](archive* which, const QString& entry) {
        if (state.failed) return QStringLiteral("stopped");  // a marker for the caller, not shown
        //: %1 is an archive entry's path or "the archive", %2 libarchive's error
        return TarArchive::tr("cannot extract %1: %2")
            .arg(entry, QString::fromUtf8(archive_error_string(which)));
    };
    //: as in "cannot extract the archive: ..."
    const QString theArchive = TarArchive::tr("the archive");
    if (archive_read_open(in.get(), &state, nullptr, readFromSource, nullptr) != ARCHIVE_OK)
        return failed(in.get(), theArchive);
    const QString canonical = QFileInfo(m_destination).canonicalFilePath();
    if (canonical.isEmpty()) return TarArchive::tr("%1 does not exist").arg(m_destination);
    const QDir destination(canonical);
    archive_entry* entry = nullptr;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(in.get(), &entry)) == ARCHIVE_OK) {
        const QString path = QString::fromUtf8(archive_entry_pathname_utf8(entry));
        const char* symlink = archive_entry_symlink_utf8(entry);
        const char* hardlink = archive_entry_hardlink_utf8(entry);
        const QString reason =
            unsafeEntryReason(path, QString::fromUtf8(symlink), QString::fromUtf8(hardlink));
        if (!reason.isEmpty())
            //: %2 is why ("it has an absolute path"), %3 the destination folder
            return TarArchive::tr(
                       "refused the archive entry \"%1\": %2; nothing was put "
                       "outside %3")
                .arg(path, reason, m_destination);
        const QString name = QDir::cleanPath(relativeName(path));
        const mode_t type = archive_entry_filetype(entry);
        if (name == QLatin1String(".") || name.isEmpty() ||
            (type != AE_IFREG && type != AE_IFDIR && type != AE_IFLNK))
            continue;  // the root itself, devices and fifos
        const QString onDisk =
            linkProblem(canonical, name, type == AE_IFLNK ? symlink : nullptr, hardlink);
        if (!onDisk.isEmpty())
            //: %2 is why ("it has an absolute path"), %3 the destination folder
            return TarArchive::tr(
                       "refused the archive entry \"%1\": %2; nothing was put "
                       "outside %3")
                .arg(path, onDisk, m_destination);
        // Owner read/write (and search for folders) always; never setuid, setgid or sticky.
        archive_entry_set_perm(
            entry, (archive_entry_perm(entry) & 0777) | (type == AE_IFDIR ? 0700 : 0600));
        archive_entry_set_pathname_utf8(entry, destination.filePath(name).toUtf8().constData());
        if (hardlink)
            archive_entry_set_hardlink_utf8(
                entry,
                destination.filePath(QDir::cleanPath(relativeName(QString::fromUtf8(hardlink))))
                    .toUtf8()
                    .constData());
        if (archive_write_header(disk.get(), entry) != ARCHIVE_OK) return failed(disk.get(), path);
        const void* block = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        int data = ARCHIVE_OK;
        while ((data = archive_read_data_block(in.get(), &block, &size, &offset)) == ARCHIVE_OK) {
            if (archive_write_data_block(disk.get(), block, size, offset) != ARCHIVE_OK)
                return failed(disk.get(), path);
            m_bytes += static_cast<qint64>(size);
            progress(static_cast<qint64>(size));
        }
        if (data != ARCHIVE_EOF) return failed(in.get(), path);
        if (archive_write_finish_entry(disk.get()) != ARCHIVE_OK) return failed(disk.get(), path);
        if (type == AE_IFREG) ++m_files;
    }
    if (status != ARCHIVE_EOF) return failed(in.get(), theArchive);
    if (archive_write_close(disk.get()) != ARCHIVE_OK) return failed(disk.get(), theArchive);
    return {};
}

}  // namespace tb
