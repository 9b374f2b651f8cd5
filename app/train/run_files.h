#pragma once
// Prepares a run directory for trainbench-train: run.json, config copies, the checkpoint to
// resume from, and metrics.jsonl trimmed back to that checkpoint.

#include <string>

#include "config_source.h"
#include "core/protocol/result.h"
#include "core/protocol/run_layout.h"

namespace tb {

// "latest" resolves through <runDir>/checkpoints/latest.json; anything else is a file path.
Result<std::string> resolveCheckpointPath(const RunLayout& layout, const std::string& which);

// Returns the checkpoint file to resume from ("" for a fresh start). Refuses a fresh start in a
// directory that already holds checkpoints, so nothing is overwritten by mistake.
Result<std::string> prepareRunDirectory(const RunLayout& layout, const ConfigSource& source,
                                        const std::string& resolvedConfig,
                                        const std::string& resume, int argc, char** argv);

// Keeps the complete lines of metrics.jsonl whose step is at most `step` (atomic rewrite), so
// a run resumed in place never shows the steps it is about to train again twice.
Result<void> trimMetrics(const std::string& path, int64_t step);

}  // namespace tb
