#pragma once
// status.json: the run's state machine, rewritten atomically on every change.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "result.h"

namespace tb {

enum class RunState { Queued, Starting, Running, Finished, Failed, Stopped, Lost };

std::string_view runStateName(RunState state);  // "queued", "running", ...
std::optional<RunState> runStateFromName(std::string_view name);
bool isFinalState(RunState state);  // finished, failed, stopped, lost

struct RunStatus {
    RunState state = RunState::Queued;
    int64_t pid = 0;
    int64_t pgid = 0;
    // The tb-wrap.sh shell around the command: it outlives the command to record its exit, so
    // a run whose pid is gone is lost only once this one is gone too. 0: none (not wrapped).
    int64_t wrapperPid = 0;
    std::string host;
    double started = 0;
    double updated = 0;
    double ended = 0;
    std::optional<int> exitCode;
    int64_t epoch = 0;
    int64_t step = 0;
    std::string message;

    std::string toJson() const;
    static Result<RunStatus> fromJson(std::string_view text);
};

Result<void> writeStatus(const std::string& path, const RunStatus& status);
Result<RunStatus> readStatus(const std::string& path);

}  // namespace tb
