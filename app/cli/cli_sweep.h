#pragma once
// What the sweep commands share, on this machine and on a host (cli_sweep.cpp,
// cli_remote_sweep.cpp): slots from the options, printing a sweep, following it.

#include <QJsonObject>
#include <QStringList>

#include <functional>

#include "cli_options.h"
#include "core/protocol/result.h"
#include "core/services/sweep_status.h"

namespace tb::cli {

// "0,1,3" -> {"0", "1", "3"}: GPU indices as --gpus and nvidia-smi give them.
Result<QStringList> gpuList(const QString& text);
// The slots --slots, --gpus and --per-gpu ask for; `detected`: the target's GPUs otherwise.
Result<QStringList> slotsFrom(const ParsedArgs& args, const QStringList& detected);

void printReport(const SweepReport& report);  // the trials ranked, the best marked *
QJsonObject reportJson(const SweepReport& report);
// Prints each trial as it starts and ends, asking `read` every `pollMs`, then the ranking once
// the scheduler has drained; 0 when every trial finished.
int followSweep(const std::function<Result<SweepReport>()>& read, int pollMs);

}  // namespace tb::cli
