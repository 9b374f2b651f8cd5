#pragma once
// MetricsSink: what a helper beside a script run (the stdout filter, the TensorBoard follower)
// appends to the run's metrics.jsonl. The file is made at the first record, so a run without
// any has none; the first failure (a full disk) is reported once and ends the taking.

#include <functional>
#include <string>
#include <vector>

#include "core/protocol/metrics_writer.h"

namespace tb {

class MetricsSink {
public:
    // `onFailure` gets the writer's error, once.
    MetricsSink(std::string path, std::function<void(const std::string&)> onFailure);

    void append(const std::vector<MetricRecord>& records);

private:
    std::string m_path;
    std::function<void(const std::string&)> m_onFailure;
    MetricsWriter m_writer;
    bool m_open = false;
    bool m_broken = false;
};

}  // namespace tb
