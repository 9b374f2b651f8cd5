#pragma once
// Error categories the trainer reports; trainbench-train maps them to its exit codes.

namespace tb {

enum TrainErrorCode : int {
    kTrainFailed = 1,        // training or I/O went wrong
    kConfigInvalid = 2,      // bad config, bad arguments
    kCheckpointUnusable = 3  // corrupt, truncated or mismatched checkpoint
};

}  // namespace tb
