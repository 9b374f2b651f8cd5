// TransferMeter: a sliding window of samples gives a speed that follows changes but not jitter.

#include "transfer_meter.h"

namespace tb {

namespace {

constexpr qint64 kReportEveryMs = 200;
constexpr qint64 kWindowMs = 3000;

}  // namespace

TransferMeter::TransferMeter(Report report, qint64 bytesTotal, QString phase)
    : m_report(std::move(report)) {
    m_progress.bytesTotal = bytesTotal;
    m_progress.phase = std::move(phase);
    m_clock.start();
    m_samples.emplace_back(0, 0);
}

void TransferMeter::setPhase(const QString& phase) {
    m_progress.phase = phase;
    emitProgress();
}

void TransferMeter::add(qint64 bytes) {
    m_done += bytes;
    const qint64 now = m_clock.elapsed();
    // The first bytes are reported at once: a watcher learns that data flows.
    if (m_lastReportMs >= 0 && now - m_lastReportMs < kReportEveryMs) return;
    m_samples.emplace_back(now, m_done);
    while (m_samples.size() > 2 && now - m_samples.front().first > kWindowMs) m_samples.pop_front();
    emitProgress();
}

void TransferMeter::finish() {
    m_samples.emplace_back(m_clock.elapsed(), m_done);
    emitProgress();
}

double TransferMeter::averageBytesPerSecond() const {
    const qint64 ms = m_clock.elapsed();
    return ms > 0 ? m_done * 1000.0 / ms : 0.0;
}

void TransferMeter::emitProgress() {
    m_lastReportMs = m_clock.elapsed();
    const auto& [firstMs, firstBytes] = m_samples.front();
    const auto& [lastMs, lastBytes] = m_samples.back();
    m_progress.bytesDone = m_done;
    m_progress.bytesPerSecond =
        lastMs > firstMs ? (lastBytes - firstBytes) * 1000.0 / (lastMs - firstMs) : 0.0;
    m_progress.etaSeconds =
        m_progress.bytesTotal >= 0 && m_progress.bytesPerSecond > 0
            ? qMax<qint64>(0, m_progress.bytesTotal - m_done) / m_progress.bytesPerSecond
            : -1.0;
    if (m_report) m_report(m_progress);
}

}  // namespace tb
