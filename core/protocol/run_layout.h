#pragma once
// Names of the files in a run directory: the one contract between launcher and trainer.
// See docs/RUN_FORMAT.md.

#include <cstdint>
#include <string>

namespace tb {

constexpr int kRunProtocolVersion = 1;

struct RunLayout {
    std::string dir;

    std::string runJson() const { return dir + "/run.json"; }
    std::string configYaml() const { return dir + "/config.yaml"; }
    std::string resolvedConfig() const { return dir + "/config.resolved"; }
    std::string statusJson() const { return dir + "/status.json"; }
    std::string metrics() const { return dir + "/metrics.jsonl"; }
    std::string outputLog() const { return dir + "/output.log"; }
    std::string exitCode() const { return dir + "/exit_code"; }
    std::string checkpointsDir() const { return dir + "/checkpoints"; }
    std::string latestJson() const { return checkpointsDir() + "/latest.json"; }
};

// "ckpt-e0003-s0001200" (no extension): .pt holds the state, .json the sidecar.
std::string checkpointStem(int64_t epoch, int64_t step);

// "20261122-153012-<slug>" in local time; the slug keeps [a-z0-9-] of `name`.
std::string makeRunId(double unixTime, const std::string& name);

// Seconds since the Unix epoch, with sub-second precision.
double unixNow();

}  // namespace tb
