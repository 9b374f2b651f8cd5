// preflightUpload: one sh script with marked sections, parsed like the host probe's output.

#include "transfer_preflight.h"

#include "core/runs/fail_text.h"
#include "disk_usage.h"

#include <QCoreApplication>

namespace tb {

namespace {

struct Transfer {
    Q_DECLARE_TR_FUNCTIONS(Transfer)
};

// "$1" the destination, "$2" the file name (empty for folders); the space part follows.
const char kPreflightScript[] = R"SH(
d=$1
echo @@kind
if [ -d "$d" ]; then echo folder
elif [ -f "$d" ]; then echo file; wc -c < "$d"
elif [ -e "$d" ] || [ -L "$d" ]; then echo other
else echo missing; fi
t=$d
if [ -n "$2" ] && [ -d "$d" ]; then t=$d/$2; fi
echo @@part
if [ -n "$2" ] && [ -f "$t.part" ]; then wc -c < "$t.part"; fi
echo @@compression
if command -v zstd >/dev/null 2>&1; then echo zstd
elif command -v gzip >/dev/null 2>&1; then echo gzip
else echo none; fi
)SH";

}  // namespace

UploadPreflight parsePreflight(const QString& output) {
    const QHash<QString, QStringList> sections = splitProbeSections(output);
    const QStringList kind = sections.value(QStringLiteral("kind"));
    UploadPreflight preflight;
    const QString word = kind.value(0).trimmed();
    if (word == QLatin1String("folder")) preflight.destination.kind = RemoteKind::Folder;
    if (word == QLatin1String("other")) preflight.destination.kind = RemoteKind::Other;
    if (word == QLatin1String("file")) {
        preflight.destination.kind = RemoteKind::File;
        preflight.destination.size = kind.value(1).trimmed().toLongLong();
    }
    const QStringList part = sections.value(QStringLiteral("part"));
    if (!part.isEmpty()) preflight.partSize = part.first().trimmed().toLongLong();
    preflight.compression =
        compressionFromName(sections.value(QStringLiteral("compression")).value(0).trimmed());
    preflight.space = parseSpaceOutput(output);
    return preflight;
}

Result<UploadPreflight> preflightUpload(const TransferContext& context, const QString& destination,
                                        const QString& fileName) {
    const QString script =
        QString::fromUtf8(kPreflightScript) + QString::fromUtf8(remoteSpaceScript());
    const ExecResult result = context.exec(remoteScript(script, {destination, fileName}));
    if (!result.ok()) return fail(result.message.toStdString(), static_cast<int>(result.failure));
    if (result.exitStatus != 0)
        //: %1 is a path on the host %2, %4 the error output of the check
        return failText(Transfer::tr("looking at %1 on %2 failed (exit status %3): %4")
                            .arg(destination, context.where, QString::number(result.exitStatus),
                                 QString::fromUtf8(result.standardError).trimmed()),
                        static_cast<int>(SshFailure::Protocol));
    return parsePreflight(QString::fromUtf8(result.standardOutput));
}

}  // namespace tb
