// Remote paths and scripts for transfers: every path reaches sh as a positional argument.

#include "transfer_remote.h"

#include "core/runs/fail_text.h"
#include "core/runs/name_table.h"

#include <QCoreApplication>
#include <QDir>

#include <cmath>

namespace tb {

namespace {

struct Transfer {
    Q_DECLARE_TR_FUNCTIONS(Transfer)
};

const char kStatScript[] = R"SH(
if [ -d "$1" ]; then echo folder
elif [ -f "$1" ]; then echo file; wc -c < "$1"
elif [ -e "$1" ] || [ -L "$1" ]; then echo other
else echo missing; fi
)SH";

// find | stat, summed by awk with %.0f: mawk's %d stops at 2^31.
const char kCountScript[] = R"SH(
cd "$1" || exit 1
find . -type f -exec stat -c %s {} + |
  awk '{n++; s+=$1; b+=int(($1+4095)/4096)*4096} END {printf "%.0f %.0f %.0f\n", n, s, b}'
find . | wc -l
if command -v zstd >/dev/null 2>&1; then echo zstd
elif command -v gzip >/dev/null 2>&1; then echo gzip
else echo none; fi
)SH";

// Counts the stage "$1" (regular files and their bytes) against "$3 $4", then moves it to "$2":
// an empty destination folder is replaced, a non-empty one receives the stage's contents.
const char kVerifyAndMoveScript[] = R"SH(
got=$(cd "$1" && find . -type f -exec stat -c %s {} + |
  awk '{n++; s+=$1} END {printf "%.0f %.0f\n", n, s}') || exit 1
if [ "$got" != "$3 $4" ]; then echo "$got" >&2; exit 4; fi
if [ -d "$2" ] && [ ! -L "$2" ]; then rmdir "$2" 2>/dev/null; fi
if [ -e "$2" ] || [ -L "$2" ]; then
  cp -R -l -f "$1"/. "$2"/ && rm -rf "$1"
else
  mv "$1" "$2"
fi
)SH";

// The SHA-256 of "$1" (stdin when empty) as "HEX ...": openssl's dgst uses the CPU's SHA
// instructions, about five times faster than coreutils' sha256sum, which is the fallback.
const char kHashScript[] = R"SH(
if command -v openssl >/dev/null 2>&1; then set -- openssl dgst -sha256 -r "$@"
else set -- sha256sum "$@"; fi
exec "$@"
)SH";

Error execError(const ExecResult& result, const QString& what, const TransferContext& context) {
    if (!result.ok()) return fail(result.message.toStdString(), static_cast<int>(result.failure));
    //: %1 is what was being done ("reading FILE"), %2 the host, %4 the command's error output
    return failText(Transfer::tr("%1 on %2 failed (exit status %3): %4")
                        .arg(what, context.where, QString::number(result.exitStatus),
                             QString::fromUtf8(result.standardError).trimmed()),
                    static_cast<int>(SshFailure::Protocol));
}

}  // namespace

QString cleanRemotePath(const QString& path) {
    QString text = path;
    if (text == QLatin1String("~")) text = QStringLiteral(".");
    if (text.startsWith(QLatin1String("~/"))) text = text.mid(2);
    if (text.isEmpty()) text = QStringLiteral(".");
    return QDir::cleanPath(text);
}

QString remoteParent(const QString& cleanPath) {
    const qsizetype slash = cleanPath.lastIndexOf(QLatin1Char('/'));
    if (slash < 0) return QStringLiteral(".");
    return slash == 0 ? QStringLiteral("/") : cleanPath.left(slash);
}

QString remoteBaseName(const QString& cleanPath) {
    if (cleanPath == QLatin1String(".") || cleanPath == QLatin1String("/")) return {};
    return cleanPath.mid(cleanPath.lastIndexOf(QLatin1Char('/')) + 1);
}

QString remoteStagingPath(const QString& cleanPath, const QString& tag) {
    const QString parent = remoteParent(cleanPath);
    const QString name = QStringLiteral(".%1.tb-%2").arg(remoteBaseName(cleanPath), tag);
    return parent == QLatin1String(".") ? name : parent + QLatin1Char('/') + name;
}

RemoteCommand remoteScript(const QString& script, const QStringList& arguments) {
    RemoteCommand command(QStringLiteral("sh"));
    command.arg(QStringLiteral("-c")).arg(script).arg(QStringLiteral("sh"));
    return command.args(arguments);
}

RemoteCommand remoteScript(const char* script, const QStringList& arguments) {
    return remoteScript(QString::fromUtf8(script), arguments);
}

// Auto is left out: it is decided before anything is sent, so it never travels as a name.
constexpr EnumName<TarCompression> kCompressionNames[] = {
    {TarCompression::Zstd, "zstd"}, {TarCompression::Gzip, "gzip"}, {TarCompression::None, "none"}};

QString compressionName(TarCompression compression) {
    return nameOf(compression, kCompressionNames, "none");
}

std::optional<TarCompression> compressionNamed(const QString& name) {
    return valueNamed(name, kCompressionNames);
}

TarCompression compressionFromName(const QString& name) {
    return compressionNamed(name).value_or(TarCompression::None);
}

Result<RemoteEntry> statRemote(const TransferContext& context, const QString& path) {
    const ExecResult result = context.exec(remoteScript(kStatScript, {path}));
    if (!result.ok() || result.exitStatus != 0)
        return execError(result, Transfer::tr("looking at %1").arg(path), context);
    const QStringList lines = QString::fromUtf8(result.standardOutput).split(QLatin1Char('\n'));
    const QString kind = lines.value(0).trimmed();
    RemoteEntry entry;
    if (kind == QLatin1String("folder")) entry.kind = RemoteKind::Folder;
    if (kind == QLatin1String("other")) entry.kind = RemoteKind::Other;
    if (kind == QLatin1String("file")) {
        entry.kind = RemoteKind::File;
        entry.size = lines.value(1).trimmed().toLongLong();
    }
    return entry;
}

// A count or byte total the box printed (awk may print "1.5e+10"): whole, 0 and up, and small
// enough to be exact in a double. A cast of 1e30 or nan to qint64 is undefined behaviour.
static qint64 boxCount(const QString& text, bool* ok) {
    bool parsed = false;
    const double value = text.toDouble(&parsed);
    *ok = parsed && value >= 0 && value <= 9007199254740992.0 && value == std::floor(value);
    return *ok ? static_cast<qint64>(value) : 0;
}

Result<RemoteTreeCount> countRemoteTree(const TransferContext& context, const QString& folder) {
    const ExecResult result = context.exec(remoteScript(kCountScript, {folder}));
    if (!result.ok() || result.exitStatus != 0)
        return execError(result, Transfer::tr("counting the files in %1").arg(folder), context);
    const QStringList lines = QString::fromUtf8(result.standardOutput).split(QLatin1Char('\n'));
    const QStringList totals = lines.value(0).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    RemoteTreeCount count;
    bool filesOk = false;
    bool bytesOk = false;
    bool blocksOk = false;
    bool entriesOk = false;
    count.files = boxCount(totals.value(0), &filesOk);
    count.bytes = boxCount(totals.value(1), &bytesOk);
    count.blockBytes = boxCount(totals.value(2), &blocksOk);
    // `find .` lists the folder itself too.
    count.entries = boxCount(lines.value(1).trimmed(), &entriesOk) - 1;
    count.compression = compressionFromName(lines.value(2).trimmed());
    if (!filesOk || !bytesOk || !entriesOk || count.entries < 0)
        //: %1 is a folder on the host %2, %3 what the host answered
        return failText(Transfer::tr("cannot read the file count of %1 on %2: %3")
                            .arg(folder, context.where, QString::fromUtf8(result.standardOutput)),
                        static_cast<int>(SshFailure::Protocol));
    return count;
}

TransferResult verifyAndMoveRemote(const TransferContext& context, const QString& stage,
                                   const QString& destination, qint64 files, qint64 bytes) {
    const ExecResult result =
        context.exec(remoteScript(kVerifyAndMoveScript, {stage, destination, QString::number(files),
                                                         QString::number(bytes)}));
    if (result.ok() && result.exitStatus == 0) return {};
    if (result.ok() && result.exitStatus == 4) {
        const QStringList got =
            QString::fromUtf8(result.standardError).trimmed().split(QLatin1Char(' '));
        return transferFailure(
            SshFailure::Protocol,
            //: %1 is the host, %4 the folder the upload was staged in
            Transfer::tr("the upload to %1 did not arrive whole: %2 files, %3 bytes arrived "
                         "in %4 instead of %5 files, %6 bytes; nothing was kept, try again")
                .arg(context.where, got.value(0), got.value(1), stage, QString::number(files),
                     QString::number(bytes)));
    }
    const Error error =
        execError(result, Transfer::tr("moving %1 into %2").arg(stage, destination), context);
    return transferFailure(static_cast<SshFailure>(error.code),
                           QString::fromStdString(error.message));
}

void removeRemote(const TransferContext& context, const QString& path) {
    // A tar still writing into it fails once it is gone, so one retry is enough.
    (void)context.execForCleanup(
        remoteScript("rm -rf \"$1\" 2>/dev/null || rm -rf \"$1\"", {path}));
}

RemoteCommand remoteHashCommand(const QString& path) {
    // "./" keeps a relative name that starts with "-" from being read as an option.
    const QString safe = path.startsWith(QLatin1Char('/')) ? path : QStringLiteral("./") + path;
    return remoteScript(kHashScript, {safe});
}

QString hashFromOutput(const QByteArray& output) {
    const QString hex = QString::fromUtf8(output).section(QLatin1Char(' '), 0, 0).trimmed();
    return hex.size() == 64 ? hex.toLower() : QString();
}

Result<QString> remoteSha256(const TransferContext& context, const QString& path) {
    const ExecResult result = context.exec(remoteHashCommand(path));
    if (!result.ok() || result.exitStatus != 0)
        return execError(result, Transfer::tr("hashing %1").arg(path), context);
    const QString hex = hashFromOutput(result.standardOutput);
    if (hex.isEmpty())
        //: %1 is a file on the host %2
        return failText(
            Transfer::tr("hashing %1 on %2 gave no sha256 digest").arg(path, context.where),
            static_cast<int>(SshFailure::Protocol));
    return hex;
}

}  // namespace tb
