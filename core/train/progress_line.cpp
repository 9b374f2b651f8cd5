// Progress display for trainbench-train, throttled to ten redraws a second.
#include "progress_line.h"

namespace tb {
namespace {

std::string formatDuration(double seconds) {
    if (seconds < 0) return "--:--";
    const auto total = static_cast<long long>(seconds + 0.5);
    char text[32];
    if (total >= 3600) {
        std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
    } else {
        std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
    }
    return text;
}

}  // namespace

ProgressLine::ProgressLine(std::FILE* out, bool live) : m_out(out), m_live(live) {}

void ProgressLine::onPlan(const TrainPlan& plan) {
    m_plan = plan;
    m_epochs = plan.stepsPerEpoch > 0 ? (plan.totalSteps + plan.stepsPerEpoch - 1) / plan.stepsPerEpoch : 0;
    m_start = std::chrono::steady_clock::now();
    m_step = plan.startStep;
}

std::string ProgressLine::render(int64_t epoch, int64_t step) const {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    const int64_t done = step - m_plan.startStep;
    const double eta = done > 0 ? elapsed / done * (m_plan.totalSteps - step) : -1;
    char text[256];
    int n = std::snprintf(text, sizeof text, "epoch %lld/%lld  step %lld/%lld",
                          static_cast<long long>(epoch), static_cast<long long>(m_epochs),
                          static_cast<long long>(step), static_cast<long long>(m_plan.totalSteps));
    if (m_loss >= 0) {
        n += std::snprintf(text + n, sizeof text - n, "  loss %.4f  acc %.1f%%", m_loss, m_acc * 100);
    }
    if (m_samplesPerSec > 0) {
        n += std::snprintf(text + n, sizeof text - n, "  %.0f samples/s", m_samplesPerSec);
    }
    std::snprintf(text + n, sizeof text - n, "  ETA %s", formatDuration(eta).c_str());
    return text;
}

void ProgressLine::redraw(int64_t epoch, int64_t step) {
    std::fprintf(m_out, "\r\033[K%s", render(epoch, step).c_str());
    std::fflush(m_out);
    m_lastDraw = std::chrono::steady_clock::now();
}

void ProgressLine::onStep(int64_t epoch, int64_t step) {
    m_epoch = epoch;
    m_step = step;
    if (!m_live) return;
    if (std::chrono::steady_clock::now() - m_lastDraw < std::chrono::milliseconds(100)) return;
    redraw(epoch, step);
}

void ProgressLine::onRecord(const MetricRecord& record) {
    bool validation = false;
    for (const auto& [key, value] : record.values) {
        if (key == "train/loss") m_loss = value;
        if (key == "train/acc") m_acc = value;
        if (key == "samples_per_sec") m_samplesPerSec = value;
        validation = validation || key.rfind("val/", 0) == 0;
    }
    if (validation) {
        char text[160];
        double loss = 0, acc = 0;
        for (const auto& [key, value] : record.values) {
            if (key == "val/loss") loss = value;
            if (key == "val/acc") acc = value;
        }
        std::snprintf(text, sizeof text, "epoch %lld  val loss %.4f  val acc %.2f%%",
                      static_cast<long long>(record.epoch), loss, acc * 100);
        printLine(text);
    } else if (!m_live) {
        printLine(render(record.epoch, record.step));
    }
}

void ProgressLine::onCheckpoint(const CheckpointEvent& event) {
    if (!m_live) printLine("checkpoint " + event.path);
}

void ProgressLine::printLine(const std::string& line) {
    std::fprintf(m_out, m_live ? "\r\033[K%s\n" : "%s\n", line.c_str());
    if (m_live && m_step > 0) redraw(m_epoch, m_step);
    std::fflush(m_out);
}

}  // namespace tb
