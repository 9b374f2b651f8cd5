// LatencyLog and the clocks bench_live measures with.
#include "latency_log.h"

#include <pthread.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tb {

double cpuSeconds(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

double wallNow() {
    return cpuSeconds(CLOCK_REALTIME);
}

clockid_t callingThreadCpuClock() {
    clockid_t clock = CLOCK_THREAD_CPUTIME_ID;
    pthread_getcpuclockid(pthread_self(), &clock);
    return clock;
}

void LatencyLog::setWindow(double from, double to) {
    m_from = from;
    m_to = to;
}

std::vector<double> LatencyLog::windowMs() const {
    std::vector<double> ms;
    for (const auto& [written, plotted] : m_points)
        if (inWindow(written)) ms.push_back((plotted - written) * 1e3);
    return ms;
}

std::size_t LatencyLog::count() const {
    return windowMs().size();
}

double LatencyLog::percentileMs(double p) const {
    std::vector<double> ms = windowMs();
    if (ms.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(ms.begin(), ms.end());
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(ms.size())));
    return ms[std::clamp<std::size_t>(rank, 1, ms.size()) - 1];
}

}  // namespace tb
