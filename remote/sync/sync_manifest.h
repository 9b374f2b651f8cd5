#pragma once
// The manifest of a synced code folder: one line per file (hash, size, mtime, mode, path), kept
// beside the copy on the box and in this machine's cache, so a sync sends only what changed.

#include <QByteArray>
#include <QList>
#include <QString>

#include "core/protocol/result.h"

namespace tb {

struct ManifestEntry {
    QString path;  // relative, '/'-separated; any byte but NUL, newlines included
    qint64 size = 0;
    qint64 modifiedNs = 0;  // nanoseconds since the epoch; only this machine's cache uses it
    QString sha256;         // 64 lowercase hex digits, of the content or of a link's target
    bool executable = false;
    bool link = false;  // a symbolic link; its target is what sha256 hashes

    bool sameContent(const ManifestEntry& other) const {
        return sha256 == other.sha256 && size == other.size && executable == other.executable &&
               link == other.link;
    }
};

// Limits on a manifest read back from a box, which is not trusted.
constexpr qint64 kMaxManifestBytes = 256LL << 20;
constexpr qint64 kMaxManifestEntries = 2'000'000;

// "HEX SIZE MTIME MODE PATH\n" per entry (MODE: f, x or l; PATH percent-encoded where it holds
// '%', control characters or non-ASCII), sorted by path.
QByteArray formatManifest(QList<ManifestEntry> entries);

// The entries, or an error naming `where` and the line. Every path must be relative and stay
// inside the folder (no "..", no empty or "." steps, not the sync's own folder).
Result<QList<ManifestEntry>> parseManifest(const QByteArray& text, const QString& where);

bool isSafeSyncPath(const QString& path);

// The manifest's SHA-256 without the mtimes: the same files give the same digest wherever
// and whenever they were listed (what run.json records as the code's manifest).
QString manifestDigest(const QList<ManifestEntry>& entries);

// A file of this machine's sync cache (~/.cache/trainbench/sync): `key` hashed, then `suffix`.
QString syncCacheFile(const QString& key, const QString& suffix);
// Replaced whole or not at all; losing a cache file only costs time (hashing, or the manifest
// travelling back once more), so a failure is not reported.
void writeSyncCache(const QString& path, const QByteArray& bytes);

// The hidden folder a sync keeps in the destination: the manifest and what is on its way in.
inline constexpr char kSyncFolder[] = ".trainbench-sync";

}  // namespace tb
