#pragma once
// The remote side of transfers: path handling and the few fixed sh scripts they run.

#include <optional>

#include "core/protocol/result.h"
#include "remote/ssh/remote_command.h"
#include "remote/ssh/transfer_context.h"

namespace tb {

// "~/x" and "x" are both relative to the remote home (where exec and SFTP start); the
// result has no trailing slash and no "." or ".." steps; "." is the home itself.
QString cleanRemotePath(const QString& path);
QString remoteParent(const QString& cleanPath);    // "." for a bare name
QString remoteBaseName(const QString& cleanPath);  // "" for "." and "/"
// Where a transfer into `cleanPath` builds its result before moving it into place: a hidden
// sibling, so that the final move is a rename on the same filesystem.
QString remoteStagingPath(const QString& cleanPath, const QString& tag);

// `sh -c SCRIPT sh ARGS...`: the script is fixed text from our source, every argument is
// quoted and reaches it as "$1", "$2", ..., so no file name is ever parsed as code.
RemoteCommand remoteScript(const char* script, const QStringList& arguments);
RemoteCommand remoteScript(const QString& script, const QStringList& arguments);

enum class RemoteKind { Missing, File, Folder, Other };
struct RemoteEntry {
    RemoteKind kind = RemoteKind::Missing;
    qint64 size = 0;  // of a file
};
// What is at `path`; a failure names host, port and path.
Result<RemoteEntry> statRemote(const TransferContext& context, const QString& path);

// "zstd", "gzip", anything else: none. The remote decides by `command -v zstd` / gzip: pipes
// through those programs work with any tar, where GNU tar's --zstd is missing on older systems.
TarCompression compressionFromName(const QString& name);  // None for a name it does not know
std::optional<TarCompression> compressionNamed(const QString& name);  // "zstd", "gzip", "none"
QString compressionName(TarCompression compression);  // "zstd", "gzip", "none" (also for Auto)

struct RemoteTreeCount {
    qint64 files = 0;       // regular files
    qint64 bytes = 0;       // their total size
    qint64 blockBytes = 0;  // the same rounded up per file to 4 KiB blocks
    qint64 entries = 0;     // files, folders, links: what needs inodes
    TarCompression compression = TarCompression::None;  // what the remote can produce
};
Result<RemoteTreeCount> countRemoteTree(const TransferContext& context, const QString& folder);

// In one round trip: the stage's regular files counted and summed against `files` and
// `bytes`, then the stage moved to `destination` — renamed when the destination is missing
// or empty, else merged into it (hard links, then the stage is removed), like `rsync SRC/ DST`.
TransferResult verifyAndMoveRemote(const TransferContext& context, const QString& stage,
                                   const QString& destination, qint64 files, qint64 bytes);
void removeRemote(const TransferContext& context, const QString& path);

// Prints "HEX ..." for one file: `openssl dgst -sha256 -r` where the host has it (it uses
// the CPU's SHA instructions), else `sha256sum`.
RemoteCommand remoteHashCommand(const QString& path);
// The 64 lowercase hex digits at the start of that output; empty when there are none.
QString hashFromOutput(const QByteArray& output);
// The remote SHA-256 of one file, as 64 hex digits.
Result<QString> remoteSha256(const TransferContext& context, const QString& path);

}  // namespace tb
