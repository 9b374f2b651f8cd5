// LatencyLog: written-to-plotted delays of the points written inside the measured window.
#pragma once

#include <time.h>

#include <cstddef>
#include <utility>
#include <vector>

namespace tb {

double wallNow();  // CLOCK_REALTIME in seconds: the clock the writers stamp lines with
// The CPU-time clock of the calling thread; another thread may read it with cpuSeconds().
clockid_t callingThreadCpuClock();
double cpuSeconds(clockid_t clock);

// Keeps every point it is told about; the window is applied when asked, so it may be set
// afterwards from what was really measured.
class LatencyLog {
public:
    void record(double writtenAt, double plottedAt) { m_points.emplace_back(writtenAt, plottedAt); }
    void setWindow(double from, double to);
    bool inWindow(double writtenAt) const { return writtenAt >= m_from && writtenAt <= m_to; }

    std::size_t count() const;            // points written inside the window
    double percentileMs(double p) const;  // of those; p in [0, 100]; NaN when none

private:
    std::vector<double> windowMs() const;

    double m_from = 0;
    double m_to = 0;
    std::vector<std::pair<double, double>> m_points;
};

}  // namespace tb
