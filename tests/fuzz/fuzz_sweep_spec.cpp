// Fuzz target: a sweep file's YAML text, read and checked as the Sweep dialog and `trainbench
// sweep` do, then, when it is valid, counted, expanded and checked against a script run.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/sweep/sweep_expand.h"
#include "core/sweep/sweep_run_check.h"
#include "core/sweep/sweep_spec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const tb::LoadedSweep sweep = tb::parseSweepText(text, "fuzz.yaml");
    const int count = tb::sweepSize(sweep.spec);
    if (!sweep.ok()) return 0;
    const std::vector<tb::Trial> trials = tb::expandSweep(sweep.spec);
    if (trials.size() != static_cast<size_t>(count)) __builtin_trap();
    for (const tb::Trial& trial : trials) {
        (void)tb::setArguments(trial);
        (void)tb::placeholderValues(trial);
    }
    (void)tb::checkSweepRun(sweep.spec, tb::SweepRun{"./train.sh --lr {lr} --width={width}"});
    (void)tb::checkSweepRun(sweep.spec, tb::SweepRun{});
    return 0;
}
