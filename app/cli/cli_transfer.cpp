// trainbench upload NAME LOCAL REMOTE / download NAME REMOTE LOCAL, with a one-line progress.

#include "cli_transfer.h"

#include <QElapsedTimer>

#include <cstdio>

#include <unistd.h>

#include "cli_command_specs.h"
#include "cli_common.h"
#include "core/runs/fail_text.h"
#include "remote/hosts/host_store.h"
#include "remote/ssh/ssh_session_thread.h"
#include "remote/transfer/transfer_remote.h"
#include "remote/transfer/transfer_session.h"

namespace tb::cli {
namespace {

constexpr int kExitInterrupted = 130;  // what a shell reports for Ctrl-C

QString megabytes(double bytes) {
    return bytes >= 1e9 ? QStringLiteral("%1 GB").arg(bytes / 1e9, 0, 'f', 2)
                        : QStringLiteral("%1 MB").arg(bytes / 1e6, 0, 'f', 1);
}

}  // namespace

void showProgress(const TransferProgress& progress) {
    QString line = QStringLiteral("  %1").arg(megabytes(progress.bytesDone));
    if (progress.bytesTotal >= 0) line += QStringLiteral(" / ") + megabytes(progress.bytesTotal);
    line += QStringLiteral("  %1/s").arg(megabytes(progress.bytesPerSecond));
    if (progress.etaSeconds >= 0)
        line += QStringLiteral("  ETA ") + formatDuration(qint64(progress.etaSeconds + 0.5));
    line += QStringLiteral("  ") + progress.phase;
    std::fprintf(stderr, "\r%-78s", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

TransferWaitOptions terminalWait(bool& shown) {
    watchInterrupt();
    TransferWaitOptions wait;
    wait.stopRequested = [] { return interrupted(); };
    if (::isatty(STDERR_FILENO) == 1)
        wait.progress = [&shown](const TransferProgress& progress) {
            shown = true;
            showProgress(progress);
        };
    return wait;
}

namespace {

struct ParsedTransfer {
    QStringList positional;
    TransferRequest request;
    ConnectOptions connect;
};

Result<ParsedTransfer> parse(const ParsedArgs& args) {
    ParsedTransfer parsed;
    auto connect = connectOptions(args);
    if (!connect) return connect.failure();
    parsed.connect = *connect;
    parsed.request.resume = !args.has(QStringLiteral("no-resume"));
    if (args.has(QStringLiteral("compression"))) {
        const auto named = compressionNamed(args.value(QStringLiteral("compression")));
        if (!named) return failText(Text::tr("--compression takes zstd, gzip or none"), kExitUsage);
        parsed.request.compression = *named;
    }
    parsed.positional = args.positional;
    if (parsed.positional.size() != 3)
        return failText(Text::tr("needs NAME and two paths"), kExitUsage);
    return parsed;
}

}  // namespace

int transferCommand(const QString& command, const ParsedArgs& args) {
    const bool uploading = command == QLatin1String("upload");
    auto parsed = parse(args);
    if (!parsed) return usageError(commandSpec(command), QString::fromStdString(parsed.error()));
    TransferRequest request = parsed->request;
    request.direction = uploading ? TransferDirection::Upload : TransferDirection::Download;
    request.localPath = parsed->positional.at(uploading ? 1 : 2);
    request.remotePath = parsed->positional.at(uploading ? 2 : 1);

    const auto host = findStoredHost(parsed->positional.at(0));
    if (!host) {
        printErr(QString::fromStdString(host.error()));
        return 1;
    }
    SshSessionThread thread(host->target, host->name);
    const SshResult connected = connectForCli(thread, *host, parsed->connect);
    if (!connected.ok()) {
        printErr(connected.message);
        return 1;
    }
    bool shown = false;
    const TransferWaitOptions wait = terminalWait(shown);
    QElapsedTimer clock;
    clock.start();
    const TransferResult result = awaitTransfer(thread, request, wait);
    if (shown) std::fputc('\n', stderr);
    if (!result.ok()) {
        printErr(result.failure == SshFailure::Cancelled
                     ? Text::tr("interrupted; a file transfer resumes from its .part when "
                                "run again")
                     : result.message);
        return result.failure == SshFailure::Cancelled ? kExitInterrupted : 1;
    }
    const double seconds = qMax<qint64>(1, clock.elapsed()) / 1000.0;
    // One whole sentence for each direction and number, so that a translation can word each.
    const QString pattern =
        uploading ? (result.files == 1
                         //: %1 is 1, %2 a size, %3 seconds, %4 a speed, %5 the method (sftp, tar)
                         ? Text::tr("uploaded %1 file, %2 in %3 s (%4/s, %5)")
                         //: %1 is a number, %2 a size, %3 seconds, %4 a speed, %5 the method
                         : Text::tr("uploaded %1 files, %2 in %3 s (%4/s, %5)"))
                  : (result.files == 1
                         //: %1 is 1, %2 a size, %3 seconds, %4 a speed, %5 the method (sftp, tar)
                         ? Text::tr("downloaded %1 file, %2 in %3 s (%4/s, %5)")
                         //: %1 is a number, %2 a size, %3 seconds, %4 a speed, %5 the method
                         : Text::tr("downloaded %1 files, %2 in %3 s (%4/s, %5)"));
    QString summary = pattern.arg(
        QString::number(result.files), megabytes(result.bytes), QString::number(seconds, 'f', 1),
        megabytes((result.bytes - result.resumedFrom) / seconds), result.method);
    if (result.resumedFrom > 0)
        //: %1 is the sentence that says what was sent, %2 the size sent before
        summary = Text::tr("%1, resumed after %2").arg(summary, megabytes(result.resumedFrom));
    printOut(summary + QLatin1Char('\n'));
    return 0;
}

}  // namespace tb::cli
