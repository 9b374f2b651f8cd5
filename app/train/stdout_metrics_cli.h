#pragma once
// trainbench-train --metrics-from-stdout REGEX --run-dir DIR: the filter tb-wrap.sh puts after
// a script run's command. Needs no LibTorch at run time, only what the trainer is built from.

#include <string>

namespace tb {

// Copies stdin to DIR/output.log as it arrives and appends one DIR/metrics.jsonl record per
// line the regex matches. Keeps reading to the end even when the regex is bad or a file cannot
// be written, so the command never sees a broken pipe. 0, or 2 for a bad regex.
int runMetricsFromStdout(const std::string& pattern, const std::string& runDir);

}  // namespace tb
