// GpuSource: nvidia-smi's loop output grouped into rounds, and what its end means.
#include "gpu_source.h"

#include <QDateTime>

namespace tb {
namespace {

constexpr int kMaxRestarts = 3;  // a crashing driver should not respawn nvidia-smi forever

}  // namespace

GpuSource::GpuSource(QObject* parent) : QObject(parent) {
    m_roundTimer.setSingleShot(true);
    m_roundTimer.setInterval(150);
    connect(&m_roundTimer, &QTimer::timeout, this, &GpuSource::flushRound);
    m_restartTimer.setSingleShot(true);
    m_restartTimer.setInterval(2000);
    connect(&m_restartTimer, &QTimer::timeout, this, &GpuSource::relaunch);
}

QString GpuSource::noGpuMessage() const {
    return tr("no NVIDIA GPU on %1").arg(placeName());
}

void GpuSource::takeOutput(QByteArrayView bytes) {
    for (const GpuSample& s : m_parser.feed(bytes)) {
        // nvidia-smi prints GPUs in index order each round: a repeated or lower index
        // means the previous round is complete.
        if (!m_round.isEmpty() && s.index <= m_round.last().index) flushRound();
        if (m_round.isEmpty()) m_roundTimeMs = QDateTime::currentMSecsSinceEpoch();
        m_round.append(s);
        if (m_gpuCount > 0 && m_round.size() == m_gpuCount) flushRound();
    }
    if (!m_round.isEmpty()) m_roundTimer.start();
}

void GpuSource::flushRound() {
    m_roundTimer.stop();
    if (m_round.isEmpty()) return;
    m_gpuCount = qMax(m_gpuCount, int(m_round.size()));
    const QList<GpuSample> round = std::exchange(m_round, {});
    m_sawSample = true;
    m_restarts = 0;
    m_history.append(m_roundTimeMs, round);
    setMode(Mode::Gpu);
    Q_EMIT sampled(round);
}

void GpuSource::resetOutput() {
    m_roundTimer.stop();
    // Half a round would show some GPUs a second late and the rest not at all.
    if (m_gpuCount > 0 && m_round.size() < m_gpuCount) m_round.clear();
    flushRound();
    m_parser = GpuSampleParser();
}

void GpuSource::outputEnded(const QString& errorText) {
    const QString printed = QString::fromLocal8Bit(m_parser.lastRejectedLine()).trimmed();
    resetOutput();
    if (m_sawSample && m_restarts < kMaxRestarts) {
        ++m_restarts;  // it worked before: a transient failure (driver reload) is worth a retry
        m_restartTimer.start();
        return;
    }
    // nvidia-smi exists but no GPU answers (no driver, a container without devices). It
    // prints its own failures ("couldn't communicate with the driver") on stdout.
    QString reason = noGpuMessage();
    const QString detail = !errorText.trimmed().isEmpty() ? errorText.trimmed() : printed;
    //: %1 is "no NVIDIA GPU on ...", %2 the first line nvidia-smi printed
    if (!detail.isEmpty())
        reason = tr("%1 (nvidia-smi: %2)").arg(reason, detail.section(QLatin1Char('\n'), 0, 0));
    enterNoGpu(reason);
}

void GpuSource::enterNoGpu(const QString& reason) {
    setMode(Mode::NoGpu, reason);
}

void GpuSource::setMode(Mode mode, const QString& message) {
    if (m_mode == mode && m_message == message) return;
    m_mode = mode;
    m_message = message;
    Q_EMIT modeChanged(mode);
}

}  // namespace tb
