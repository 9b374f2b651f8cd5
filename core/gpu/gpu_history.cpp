// GpuHistory: a deque trimmed by age; lookups by time use binary search.
#include "gpu_history.h"

#include <algorithm>

namespace tb {

void GpuHistory::append(qint64 timeMs, const QList<GpuSample>& gpus) {
    if (!m_rounds.empty() && timeMs < m_rounds.back().timeMs) return;
    m_rounds.push_back({timeMs, gpus});
    while (!m_rounds.empty() && m_rounds.front().timeMs < timeMs - m_keepMs) m_rounds.pop_front();
}

QList<GpuRound> GpuHistory::between(qint64 fromMs, qint64 toMs) const {
    const auto byTime = [](const GpuRound& round, qint64 t) { return round.timeMs < t; };
    auto it = std::lower_bound(m_rounds.begin(), m_rounds.end(), fromMs, byTime);
    QList<GpuRound> found;
    for (; it != m_rounds.end() && it->timeMs <= toMs; ++it) found.append(*it);
    return found;
}

QList<QPointF> GpuHistory::series(int gpuIndex, GpuReading reading, qint64 fromMs,
                                  qint64 toMs) const {
    QList<QPointF> points;
    for (const GpuRound& round : between(fromMs, toMs)) {
        for (const GpuSample& s : round.gpus) {
            if (s.index != gpuIndex) continue;
            const std::optional<double> value =
                reading == GpuReading::Utilization   ? s.utilizationPercent
                : reading == GpuReading::MemoryUsed  ? s.memoryUsedMiB
                : reading == GpuReading::Temperature ? s.temperatureC
                                                     : s.powerW;
            if (value) points.append({double(round.timeMs) / 1000.0, *value});
        }
    }
    return points;
}

}  // namespace tb
