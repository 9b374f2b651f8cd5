// ProcStats: CPU and memory use from the text of /proc/stat and /proc/meminfo (Linux).
#pragma once

#include <QByteArrayView>

#include <optional>

namespace tb {

// Cumulative jiffies from the aggregate "cpu" line; usage is the busy share of a difference.
struct CpuTimes {
    quint64 total = 0;
    quint64 idle = 0;  // idle + iowait: waiting on a disk is not work done by the CPU
};

struct MemoryInfo {
    quint64 totalKiB = 0;
    quint64 availableKiB = 0;
    quint64 usedKiB() const { return totalKiB > availableKiB ? totalKiB - availableKiB : 0; }
};

class ProcStats {
public:
    static std::optional<CpuTimes> parseStat(QByteArrayView procStat);
    static std::optional<MemoryInfo> parseMeminfo(QByteArrayView procMeminfo);
    // Percentage of non-idle time between two readings; empty when no time passed or the
    // counters went backwards (a different machine, a counter reset).
    static std::optional<double> cpuPercent(const CpuTimes& before, const CpuTimes& after);
};

}  // namespace tb
