#pragma once
// Sweeps on a host: the folder contract of docs/RUN_FORMAT.md (Sweeps) in the host's runs root,
// the trials queued through RemoteBackend, the scheduler uploaded beside them and started
// detached, so the queue lives on the box while the laptop sleeps; read back and cancelled there.

#include <QString>

#include <functional>

#include "core/protocol/result.h"
#include "core/services/sweep_cancel.h"
#include "core/services/sweep_launcher.h"
#include "core/services/sweep_status.h"

namespace tb {

class RemoteBackend;

template <typename T>
using SweepDone = std::function<void(Result<T>)>;

// `scheduler`: the local tb-sweep.sh to upload. A failure removes what the start made there.
void startRemoteSweep(RemoteBackend& backend, const SweepSetup& setup, const QString& scheduler,
                      SweepDone<StartedSweep> done);
void readRemoteSweep(RemoteBackend& backend, const QString& id, SweepDone<SweepReport> done);
// More trials from `specPath` over the sweep's own base and slots (planSweepAddition), queued
// there; the scheduler is started again when it had drained. The new run ids.
void addToRemoteSweep(RemoteBackend& backend, const QString& id, const QString& specPath,
                      SweepDone<QStringList> done);
// `trial` 1-based; 0 cancels every trial and the sweep (Requested).
void cancelRemoteSweep(RemoteBackend& backend, const QString& id, int trial,
                       SweepDone<TrialCancel> done);

// The report from a read's frames; public for the parser tests.
Result<SweepReport> parseRemoteSweep(const QByteArray& output, const QString& id,
                                     const QString& hostName);

}  // namespace tb
