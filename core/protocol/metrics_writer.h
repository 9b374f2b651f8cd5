#pragma once
// Appends records to metrics.jsonl: each line written whole with one write() and flushed,
// so a follower never sees half a record except a trailing partial line.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "result.h"

namespace tb {

struct MetricRecord {
    int64_t step = 0;
    int64_t epoch = 0;
    double time = 0;
    std::vector<std::pair<std::string, double>> values;  // e.g. {"train/loss", 0.31}
    bool hasEpoch = true;  // false: no "epoch" key (a script's output that never names one)

    std::string toJsonLine() const;  // with the trailing '\n'
};

// Writes all of `bytes` to the descriptor (of `path`, for the message), retrying short writes.
Result<void> writeWhole(int fd, const std::string& path, std::string_view bytes);

class MetricsWriter {
public:
    MetricsWriter() = default;
    ~MetricsWriter();
    MetricsWriter(const MetricsWriter&) = delete;
    MetricsWriter& operator=(const MetricsWriter&) = delete;

    Result<void> open(const std::string& path);  // append mode, created if missing
    Result<void> append(const MetricRecord& record);
    void close();

private:
    int m_fd = -1;
    std::string m_path;
};

}  // namespace tb
