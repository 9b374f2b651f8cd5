#pragma once
// Free space and inodes at a transfer's destination, checked before anything is sent.

#include "disk_usage.h"

#include <QString>

namespace tb {

struct SpaceNeeded {
    qint64 bytes = 0;   // file sizes rounded up to 4 KiB blocks
    qint64 inodes = 0;  // one per file, folder and link
};

// The sh script that prints `df -P -B1` and `df -P -i` of the nearest existing parent of
// "$1", as "@@df" and "@@dfi" sections.
const char* remoteSpaceScript();

// Parsed from that script's output; nullopt-like `found == false` when df listed nothing
// usable (a pseudo filesystem, or no df), in which case the check is skipped.
struct SpaceAtPath {
    bool found = false;
    ProbedDisk disk;
};
SpaceAtPath parseSpaceOutput(const QString& output);

// Empty when `need` fits, else a sentence naming `where` (host and port, or "this machine"),
// the path, the filesystem, what is free and what is needed, and what to do.
QString spaceProblem(const SpaceAtPath& space, const SpaceNeeded& need, const QString& where,
                     const QString& path);

// The same facts for a local path (statvfs of its nearest existing parent).
SpaceAtPath localSpace(const QString& path);

qint64 blocksOf(qint64 bytes);  // rounded up to 4 KiB: what a file takes on most disks

}  // namespace tb
