#pragma once
// Reads one run directory into a RunInfo: run.json, status.json, annotations.json, exit_code
// and just enough of metrics.jsonl and the checkpoint sidecars for the summary columns.

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "run_info.h"

namespace tb {

// Fills `info` from `dir`. Returns false when the directory holds neither run.json nor
// status.json (it is not a run).
bool readRunInfo(const QString& dir, RunInfo& info);

// The fields of run.json and of status.json, for readers that got the text another way (over
// SSH). Neither concludes `lost`: that needs to know whether the process is alive.
void applyRunJson(const QJsonObject& run, RunInfo& info);
void applyStatusJson(const QJsonObject& status, RunInfo& info);
// The last "train/loss" and the best "val/acc" in the end of metrics.jsonl.
void applyMetricsTail(const QByteArray& tail, bool startsMidFile, RunInfo& info);

// queued, starting or running: the run may still change and may not be deleted.
bool isLiveState(RunState state);

// status.json's modification time in ms since the epoch; -1 when it does not exist.
qint64 statusStamp(const QString& dir);

// Bytes read from the end of metrics.jsonl for the last train loss: enough for hundreds of
// records, small enough that 200 runs load in a few milliseconds.
constexpr qint64 kMetricsTailBytes = 64 * 1024;

}  // namespace tb
