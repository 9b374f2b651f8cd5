// The sync manifest's text form, read with limits (a box sends it back) and its digest.

#include "sync_manifest.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

#include "core/runs/fail_text.h"
#include "remote/transfer/file_hash.h"

namespace tb {

namespace {

// What is wrong with a manifest (here or sent back by a box).
struct SyncManifest {
    Q_DECLARE_TR_FUNCTIONS(SyncManifest)
};

constexpr int kMaxPathBytes = 4096;

QByteArray encodedPath(const QString& path) {
    // Everything printable ASCII but '%' stays as is, spaces and quotes included.
    static const QByteArray kKeep = QByteArrayLiteral(" !\"#$&'()*+,/:;<=>?@[\\]^`{|}");
    return QUrl::toPercentEncoding(path, kKeep);
}

char modeLetter(const ManifestEntry& entry) {
    return entry.link ? 'l' : entry.executable ? 'x' : 'f';
}

bool isHex64(const QByteArray& text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// `message` names the manifest by %1 and the line by %2.
Error lineError(const QString& message, const QString& where, qint64 line) {
    return failText(message.arg(where, QString::number(line)));
}

}  // namespace

bool isSafeSyncPath(const QString& path) {
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || path.contains(QChar(0)) ||
        path.toUtf8().size() > kMaxPathBytes)
        return false;
    const QStringList steps = path.split(QLatin1Char('/'));
    if (steps.first() == QLatin1String(kSyncFolder)) return false;
    return std::none_of(steps.begin(), steps.end(), [](const QString& step) {
        return step.isEmpty() || step == QLatin1String(".") || step == QLatin1String("..");
    });
}

QByteArray formatManifest(QList<ManifestEntry> entries) {
    std::sort(entries.begin(), entries.end(),
              [](const ManifestEntry& a, const ManifestEntry& b) { return a.path < b.path; });
    QByteArray text;
    text.reserve(entries.size() * 120);
    for (const ManifestEntry& entry : entries) {
        text += entry.sha256.toLatin1();
        text += ' ' + QByteArray::number(entry.size) + ' ' + QByteArray::number(entry.modifiedNs);
        text += ' ';
        text += modeLetter(entry);
        text += ' ' + encodedPath(entry.path) + '\n';
    }
    return text;
}

Result<QList<ManifestEntry>> parseManifest(const QByteArray& text, const QString& where) {
    if (text.size() > kMaxManifestBytes)
        //: %1 is the manifest file (and where it is), %2 its largest size in MB
        return failText(SyncManifest::tr("%1 is larger than %2 MB; remove it to send the whole "
                                         "folder again")
                            .arg(where, QString::number(kMaxManifestBytes >> 20)));
    QList<ManifestEntry> entries;
    qint64 lineNumber = 0;
    for (qsizetype start = 0; start < text.size();) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            //: %1 is the manifest file (and where it is), %2 a line number
            return lineError(SyncManifest::tr("%1 line %2: the last line is cut off; remove it to "
                                              "send the whole folder again"),
                             where, lineNumber + 1);
        const QByteArray line = text.mid(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (lineNumber > kMaxManifestEntries)
            return lineError(SyncManifest::tr("%1 line %2: too many files; remove it to send the "
                                              "whole folder again"),
                             where, lineNumber);
        // Four fields, then the path, which may hold spaces.
        QList<QByteArray> fields;
        qsizetype at = 0;
        for (int i = 0; i < 4 && at >= 0; ++i) {
            const qsizetype space = line.indexOf(' ', at);
            fields.append(line.mid(at, space < 0 ? -1 : space - at));
            at = space < 0 ? -1 : space + 1;
        }
        if (at < 0 || at >= line.size() || fields[3].size() != 1)
            return lineError(SyncManifest::tr("%1 line %2: expected HASH SIZE MTIME MODE PATH; "
                                              "remove it to send the whole folder again"),
                             where, lineNumber);
        ManifestEntry entry;
        bool sizeOk = false, timeOk = false;
        entry.size = fields[1].toLongLong(&sizeOk);
        entry.modifiedNs = fields[2].toLongLong(&timeOk);
        const char mode = fields[3][0];
        if (!isHex64(fields[0]) || !sizeOk || !timeOk || entry.size < 0 ||
            (mode != 'f' && mode != 'x' && mode != 'l'))
            return lineError(SyncManifest::tr("%1 line %2: expected HASH SIZE MTIME MODE PATH; "
                                              "remove it to send the whole folder again"),
                             where, lineNumber);
        entry.sha256 = QString::fromLatin1(fields[0]);
        entry.executable = mode == 'x';
        entry.link = mode == 'l';
        entry.path = QString::fromUtf8(QByteArray::fromPercentEncoding(line.mid(at)));
        if (!isSafeSyncPath(entry.path))
            return lineError(SyncManifest::tr("%1 line %2: a path leaves the folder; remove it to "
                                              "send the whole folder again"),
                             where, lineNumber);
        entries.append(entry);
    }
    return entries;
}

QString syncCacheFile(const QString& key, const QString& suffix) {
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/trainbench/sync/") + FileHash::hexOf(key.toUtf8()).left(32) + suffix;
}

void writeSyncCache(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(bytes);
        (void)file.commit();
    }
}

QString manifestDigest(const QList<ManifestEntry>& entries) {
    QList<ManifestEntry> timeless = entries;
    for (ManifestEntry& entry : timeless) entry.modifiedNs = 0;
    return FileHash::hexOf(formatManifest(timeless));
}

}  // namespace tb
