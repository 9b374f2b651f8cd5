#pragma once
// A checked sweep spec expanded into its trials, each a list of key=value assignments ready for
// `--set` (and a script's placeholders), with a short label for the trial's name.

#include <string>
#include <vector>

#include "core/config/schema.h"
#include "core/sweep/sweep_spec.h"

namespace tb {

struct Trial {
    int index = 0;                             // 0-based, in expansion order
    std::vector<SweepAssignment> assignments;  // in the file's order of the keys
    std::string label;  // the varied values, e.g. "lr=0.01 kind=adam"; "base" when none
};

// The trials of a spec from an ok() LoadedSweep. Grid: every combination, the last parameter
// varying fastest. Random: `count` draws from `seed`, the same on every platform. List: the
// trials as written. Empty when the spec is past kMaxSweepTrials.
std::vector<Trial> expandSweep(const SweepSpec& spec);

// The number of trials without expanding them (a grid's product, saturated at INT32_MAX).
int sweepSize(const SweepSpec& spec);

// "optim.lr=0.01" for each schema key of the trial: the `--set` arguments of its run.
std::vector<std::string> setArguments(const Trial& trial);
// Placeholder name -> text, added to the values a script's command template is filled from.
ConfigValues placeholderValues(const Trial& trial);

}  // namespace tb
