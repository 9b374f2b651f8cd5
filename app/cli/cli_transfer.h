#pragma once
// trainbench upload / download: files and folders between this machine and a stored host.

#include <QString>

#include "cli_options.h"

namespace tb {
struct TransferProgress;
}

namespace tb::cli {

// `command` is "upload" or "download"; returns the process exit status.
int transferCommand(const QString& command, const ParsedArgs& args);

// "  1.2 GB / 4.0 GB  312.5 MB/s  ETA 0:09  sending" on stderr, rewritten in place.
void showProgress(const TransferProgress& progress);

}  // namespace tb::cli
