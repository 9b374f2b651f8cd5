#pragma once
// trainbench-train --metrics-from-tensorboard DIR [...] --run-dir RUN: started by tb-wrap.sh
// beside a script run, it follows the TensorBoard event files the script writes (SummaryWriter)
// and appends their scalars to RUN/metrics.jsonl, so such a script gets curves unchanged.

#include <string>
#include <vector>

namespace tb {

// Looks once a second at event files under `folders` modified since it started. Ends after a
// last look once RUN/exit_code exists (the wrapper writes it when the command ends), on
// SIGTERM, or when the wrapper that started it is gone. Damaged files are named in
// RUN/output.log. Returns 0.
int runMetricsFromTensorboard(const std::vector<std::string>& folders, const std::string& runDir);

}  // namespace tb
