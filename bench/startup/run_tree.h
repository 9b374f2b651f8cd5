// A runs root filled with realistic run directories, for start-up measurements.
#pragma once

#include <QString>

namespace tb {

// Writes `count` runs under root, newest last created: run.json, config.yaml, status.json
// (finished, failed, stopped, queued, and a few "running" ones whose pid is dead),
// exit_code, metrics.jsonl (2000 to 6000 lines), output.log and checkpoint sidecars with
// small placeholder .pt files and latest.json. Returns the bytes written.
qint64 writeRunTree(const QString& root, int count);

}  // namespace tb
