#pragma once
// Whether a sweep fits the run it is started with: the built-in trainer takes config keys and
// writes known metrics; a script run also takes its own {placeholders}, each of which its
// command must use.

#include <string>
#include <vector>

#include "core/sweep/sweep_spec.h"

namespace tb {

struct SweepRun {
    // A script run's command line with its {placeholders}; empty for the built-in trainer.
    std::string command;
};

// Metrics the built-in trainer writes (core/train/trainer.cpp), in the order it writes them.
const std::vector<std::string>& builtInMetrics();

// Every problem of `spec` (from an ok() LoadedSweep) with `run`, at its place in the sweep file.
std::vector<Diagnostic> checkSweepRun(const SweepSpec& spec, const SweepRun& run);

}  // namespace tb
