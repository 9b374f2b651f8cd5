#pragma once
// trainbench upload / download: files and folders between this machine and a stored host.

namespace tb::cli {

// argv[1] is "upload" or "download"; returns the process exit status.
int transferCommand(int argc, char** argv);

}  // namespace tb::cli
