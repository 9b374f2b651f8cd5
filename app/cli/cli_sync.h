#pragma once
// trainbench sync NAME LOCAL REMOTE, and the sync that `run --host --sync LOCAL` does first.

#include <QMap>

#include "cli_options.h"
#include "core/protocol/result.h"

namespace tb {
class SshSessionThread;
}

namespace tb::cli {

int syncCommand(const ParsedArgs& args);

// Syncs `local` into `remote` on a connected session with a progress line; when the size
// guard asks, asks on the terminal (or refuses without one) unless `yes`. The code record
// for run.json, or the message to print (code 130 when interrupted).
Result<QMap<QString, QString>> syncForCli(SshSessionThread& thread, const QString& local,
                                          const QString& remote, bool yes);

}  // namespace tb::cli
