// GpuHistory: the last minutes of GPU readings by wall-clock time, for the panel and the hint.
#pragma once

#include <QList>
#include <QPointF>

#include <deque>

#include "gpu_sample.h"

namespace tb {

// One nvidia-smi round: every GPU of the machine, read at one moment.
struct GpuRound {
    qint64 timeMs = 0;  // milliseconds since the epoch, on this machine's clock
    QList<GpuSample> gpus;
};

// Rounds are kept in time order; gaps (a lost link, a stopped source) stay gaps, so anything
// drawn from here lines up with other series on the same wall-clock axis, such as a run's
// metrics "time".
enum class GpuReading { Utilization, MemoryUsed, Temperature, Power };

class GpuHistory {
public:
    explicit GpuHistory(qint64 keepMs = 300000) : m_keepMs(keepMs) {}

    // A round older than the newest one is dropped: the clock went back, the order stays.
    void append(qint64 timeMs, const QList<GpuSample>& gpus);
    void clear() { m_rounds.clear(); }

    bool isEmpty() const { return m_rounds.empty(); }
    qint64 lastTimeMs() const { return m_rounds.empty() ? 0 : m_rounds.back().timeMs; }
    const std::deque<GpuRound>& rounds() const { return m_rounds; }
    // Rounds with fromMs <= time <= toMs, oldest first.
    QList<GpuRound> between(qint64 fromMs, qint64 toMs) const;
    // One GPU's reading between two times as (x: seconds since the epoch, y) points: the unit
    // of a run's metrics "time", so a chart on the wall-time axis can draw it beside the curves.
    // Readings nvidia-smi could not give are left out.
    QList<QPointF> series(int gpuIndex, GpuReading reading, qint64 fromMs, qint64 toMs) const;

private:
    std::deque<GpuRound> m_rounds;
    qint64 m_keepMs;
};

}  // namespace tb
