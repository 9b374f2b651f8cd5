#pragma once
// A data-parallel run on one machine that torchrun did not start (train.devices > 1): this
// process is rank 0 and starts ranks 1..N-1 as its children — this same program with the same
// arguments and the torchrun environment (RANK, LOCAL_RANK, WORLD_SIZE, LOCAL_WORLD_SIZE,
// MASTER_ADDR, MASTER_PORT) pointing at rank 0's store. Children die with rank 0.

#include <chrono>
#include <string>
#include <vector>

#include "core/protocol/result.h"

namespace tb {

class RankChildren {
public:
    RankChildren() = default;
    RankChildren(const RankChildren&) = delete;
    RankChildren& operator=(const RankChildren&) = delete;
    ~RankChildren();  // stops and reaps any child still running

    // Starts ranks 1..size-1. `resumeFrom` (a checkpoint path, or "") is passed on as
    // TRAINBENCH_RESUME_FROM, so every rank resumes from the file rank 0 chose.
    Result<void> start(int size, int port, char** argv, const std::string& resumeFrom);

    // The first child that has ended with a failure, waiting up to `patience` for one (a
    // collective can fail a moment before the peer that broke it is reaped), as "rank 1 (pid
    // 4242) was killed by signal 9 (Killed)"; "" when none has.
    std::string failedRank(std::chrono::milliseconds patience);
    // Waits for every child to end; "" when all ended well (0, or 143 after a stop).
    std::string waitAll();
    void stopAll();  // SIGTERM to those still running, then waits for them

private:
    std::string describe(std::size_t index, int status) const;

    std::vector<int> m_pids;  // index i is rank i + 1; 0 once reaped
    std::vector<int> m_status;
};

// The checkpoint rank 0 passed on to its children (TRAINBENCH_RESUME_FROM); "" when none.
std::string inheritedResume();

}  // namespace tb
