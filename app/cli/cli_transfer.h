#pragma once
// trainbench upload / download: files and folders between this machine and a stored host.

#include <QString>

#include "cli_options.h"

#include "remote/transfer/transfer_session.h"

namespace tb::cli {

// `command` is "upload" or "download"; returns the process exit status.
int transferCommand(const QString& command, const ParsedArgs& args);

// "  1.2 GB / 4.0 GB  312.5 MB/s  ETA 0:09  sending" on stderr, rewritten in place.
void showProgress(const TransferProgress& progress);

// What a command-line transfer waits with: Ctrl-C cancels it, and on a terminal the progress
// line is shown (`shown` set once it was, so the caller ends the line).
TransferWaitOptions terminalWait(bool& shown);

}  // namespace tb::cli
