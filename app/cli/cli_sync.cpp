// trainbench sync: connect, sync with a progress line, ask when the guard asks, print the tally.

#include "cli_sync.h"

#include <cstdio>

#include "cli_command_specs.h"
#include "cli_common.h"
#include "cli_transfer.h"
#include "core/runs/fail_text.h"
#include "remote/hosts/host_store.h"
#include "remote/ssh/ssh_session_thread.h"
#include "remote/sync/code_record.h"
#include "remote/sync/folder_sync.h"
#include "remote/transfer/transfer_session.h"

namespace tb::cli {
namespace {

constexpr int kExitInterrupted = 130;

bool askToSend(const QString& reasons) {
    //: the reasons follow, one an indented line
    printErr(Text::tr("this sync would send a lot:") + QStringLiteral("\n  ") +
             QString(reasons).replace(QLatin1Char('\n'), QStringLiteral("\n  ")));
    if (!stdinIsTerminal()) return false;
    //: only y or Y (in Latin letters) sends: keep [y/N]
    std::fputs(Text::tr("Send anyway? [y/N] ").toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    char answer[16] = {};
    if (!std::fgets(answer, sizeof answer, stdin)) return false;
    return answer[0] == 'y' || answer[0] == 'Y';
}

}  // namespace

Result<QMap<QString, QString>> syncForCli(SshSessionThread& thread, const QString& local,
                                          const QString& remote, bool yes) {
    TransferRequest request;
    request.localPath = local;
    request.remotePath = remote;
    bool shown = false;
    const TransferWaitOptions wait = terminalWait(shown);
    TransferResult result =
        awaitTransfer(thread, request, wait, yes ? &runSyncConfirmed : &runSync);
    if (syncHeld(result)) {
        if (shown) std::fputc('\n', stderr);
        shown = false;
        if (!askToSend(result.message))
            return failText(
                Text::tr("nothing was sent; leave such folders out with a .gitignore "
                         "or .trainbenchignore, or add --yes to send anyway"));
        result = awaitTransfer(thread, request, wait, &runSyncConfirmed);
    }
    if (shown) std::fputc('\n', stderr);
    if (!result.ok())
        return failText(result.failure == SshFailure::Cancelled
                            ? Text::tr("interrupted; the next sync sends what this one did not")
                            : result.message,
                        result.failure == SshFailure::Cancelled ? kExitInterrupted : 1);
    //: %1 is a local folder, %2 a folder on the host, %3 what was sent
    printErr(Text::tr("synced %1 to %2: %3").arg(local, remote, result.message));
    return codeRecordOfFolder(local);
}

int syncCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("sync"));
    if (args.positional.size() != 3) return usageError(spec, Text::tr("needs NAME LOCAL REMOTE"));
    auto connect = connectOptions(args);
    if (!connect) return usageError(spec, QString::fromStdString(connect.error()));
    const auto host = findStoredHost(args.positional.at(0));
    if (!host) {
        printErr(QString::fromStdString(host.error()));
        return 1;
    }
    SshSessionThread thread(host->target, host->name);
    if (const SshResult connected = connectForCli(thread, *host, *connect); !connected.ok()) {
        printErr(connected.message);
        return 1;
    }
    const auto record = syncForCli(thread, args.positional.at(1), args.positional.at(2),
                                   args.has(QStringLiteral("yes")));
    if (!record) {
        printErr(QString::fromStdString(record.error()));
        return record.failure().code == kExitInterrupted ? kExitInterrupted : 1;
    }
    QString line;
    for (auto it = record->cbegin(); it != record->cend(); ++it)
        if (!it.value().isEmpty()) line += QStringLiteral("%1 %2\n").arg(it.key(), it.value());
    printOut(line);
    return 0;
}

}  // namespace tb::cli
