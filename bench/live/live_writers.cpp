// LiveWriters: paced appends, one whole line per write(2) on an O_APPEND descriptor.
#include "live_writers.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>

#include "latency_log.h"

namespace tb {

LiveWriters::LiveWriters(QStringList metricsFiles, int linesPerSecond)
    : m_files(std::move(metricsFiles)), m_linesPerSecond(linesPerSecond) {
}

LiveWriters::~LiveWriters() {
    stop();
}

void LiveWriters::start() {
    m_stop = false;
    for (int run = 0; run < m_files.size(); ++run)
        m_threads.emplace_back([this, run] { writeRun(run); });
}

void LiveWriters::stop() {
    m_stop = true;
    for (std::thread& t : m_threads) t.join();
    m_threads.clear();
}

void LiveWriters::writeRun(int run) {
    const int fd =
        ::open(m_files[run].toLocal8Bit().constData(), O_WRONLY | O_APPEND | O_CREAT, 0644);
    if (fd < 0) return;
    std::mt19937 rng(unsigned(run) * 7919u + 1u);
    std::normal_distribution<double> noise(0.0, 1.0);
    const auto period = std::chrono::nanoseconds(1'000'000'000 / m_linesPerSecond);
    auto next = std::chrono::steady_clock::now();
    constexpr int kStepsPerEpoch = 500;
    const double baseLr = 1e-3 * (1 + run % 3);
    char line[512];
    for (long long step = 1; !m_stop; ++step) {
        std::this_thread::sleep_until(next);
        next += period;
        const double progress = double(step) / 20000.0;
        const double loss =
            2.3 * std::exp(-double(step) / (600.0 + 40 * run)) + 0.05 + 0.04 * std::abs(noise(rng));
        const double acc = std::clamp(1.0 - loss / 2.5 + 0.01 * noise(rng), 0.0, 1.0);
        const double lr = baseLr * 0.5 * (1 + std::cos(M_PI * std::min(progress, 1.0)));
        const double throughput = 12800 + 350 * noise(rng);
        const int n = std::snprintf(
            line, sizeof line,
            "{\"step\":%lld,\"epoch\":%lld,\"time\":%.6f,\"train/loss\":%.6f,\"train/acc\":%.5f,"
            "\"lr\":%.8g,\"samples_per_sec\":%.1f}\n",
            step, step / kStepsPerEpoch, wallNow(), loss, acc, lr, throughput);
        if (::write(fd, line, std::size_t(n)) != n) break;
        ++m_lines;
    }
    ::close(fd);
}

}  // namespace tb
