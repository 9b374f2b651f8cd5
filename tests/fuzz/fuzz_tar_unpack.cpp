// Fuzz target: a folder download's tar stream (from a box) unpacked under a fresh folder; after
// each input nothing may exist outside it.
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "remote/transfer/tar_unpack.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static QTemporaryDir root;
    const QString outside = root.filePath(QStringLiteral("outside"));
    const QString dest = root.filePath(QStringLiteral("dest"));
    QDir(dest).removeRecursively();
    QDir().mkpath(dest);
    qint64 at = 0;
    tb::TarUnpacker unpacker(dest);
    (void)unpacker.unpack(
        [&](char* out, qint64 want) {
            const qint64 n = qMin<qint64>(want, qint64(size) - at);
            if (n > 0) std::memcpy(out, data + at, size_t(n));
            at += qMax<qint64>(n, 0);
            return qMax<qint64>(n, 0);
        },
        [](qint64) {});
    // Anything written beside dest escaped it.
    if (QDir(root.path())
                .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System | QDir::Hidden) !=
            QStringList{QStringLiteral("dest")} ||
        QFileInfo::exists(outside))
        std::abort();
    // Nor may a link left inside lead out of it.
    const QString inside = QFileInfo(dest).canonicalFilePath() + QLatin1Char('/');
    QDirIterator entries(dest,
                         QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System | QDir::Hidden,
                         QDirIterator::Subdirectories);
    while (entries.hasNext()) {
        const QFileInfo entry(entries.next());
        if (!entry.isSymLink()) continue;
        const QString target = entry.canonicalFilePath();  // empty when dangling
        if (!target.isEmpty() && !(target + QLatin1Char('/')).startsWith(inside)) std::abort();
    }
    return 0;
}
