#pragma once
// trainbench upload / download: files and folders between this machine and a stored host.

namespace tb {
struct TransferProgress;
}

namespace tb::cli {

// argv[1] is "upload" or "download"; returns the process exit status.
int transferCommand(int argc, char** argv);

// "  1.2 GB / 4.0 GB  312.5 MB/s  ETA 0:09  sending" on stderr, rewritten in place.
void showProgress(const TransferProgress& progress);

}  // namespace tb::cli
