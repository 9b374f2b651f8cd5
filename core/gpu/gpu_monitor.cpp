// GpuMonitor: reads nvidia-smi's loop output as it arrives and groups it into rounds.
#include "gpu/gpu_monitor.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace tb {
namespace {

constexpr int kMaxRestarts = 3;  // a crashing driver should not respawn nvidia-smi forever

QByteArray readSmallFile(const QString& path) {
    QFile f(path);
    // /proc files report size 0, so read until EOF rather than by size.
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

GpuMonitor::GpuMonitor(QObject* parent) : QObject(parent) {
    m_roundTimer.setSingleShot(true);
    m_roundTimer.setInterval(150);
    connect(&m_roundTimer, &QTimer::timeout, this, &GpuMonitor::flushRound);
    m_restartTimer.setSingleShot(true);
    m_restartTimer.setInterval(2000);
    connect(&m_restartTimer, &QTimer::timeout, this, &GpuMonitor::start);
    m_systemTimer.setInterval(1000);
    connect(&m_systemTimer, &QTimer::timeout, this, &GpuMonitor::sampleSystem);
}

GpuMonitor::~GpuMonitor() {
    stop();
}

QStringList GpuMonitor::arguments() const {
    return {QStringLiteral("--query-gpu=") + QString::fromLatin1(kGpuQueryFields),
            QStringLiteral("--format=csv,noheader,nounits"), QStringLiteral("-l"),
            QStringLiteral("1")};
}

qint64 GpuMonitor::processId() const {
    return m_process ? m_process->processId() : 0;
}

void GpuMonitor::start() {
    if (m_process) return;
    const QString program =
        QFileInfo(m_program).isAbsolute() ? m_program : QStandardPaths::findExecutable(m_program);
    if (program.isEmpty() || !QFileInfo(program).isExecutable()) {
        enterNoGpu(noGpuMessage());
        return;
    }
    setMode(m_sawSample ? Mode::Gpu : Mode::Starting);
    m_parser = GpuSampleParser();
    m_round.clear();
    m_process = new QProcess(this);
    // stderr stays separate: "NVIDIA-SMI has failed ..." must not be parsed as samples.
    connect(m_process, &QProcess::readyReadStandardOutput, this, &GpuMonitor::onReadyRead);
    connect(m_process, &QProcess::finished, this, &GpuMonitor::onProcessFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) onProcessFinished();
    });
    m_process->start(program, arguments(), QIODevice::ReadOnly);
}

void GpuMonitor::stop() {
    m_restartTimer.stop();
    m_roundTimer.stop();
    m_systemTimer.stop();
    if (m_process) {
        QProcess* p = m_process;
        m_process = nullptr;  // onProcessFinished must not treat this as a crash
        p->disconnect(this);
        p->kill();
        p->waitForFinished(2000);
        delete p;
    }
    setMode(Mode::Stopped);
}

void GpuMonitor::onReadyRead() {
    if (!m_process) return;
    for (const GpuSample& s : m_parser.feed(m_process->readAllStandardOutput())) {
        // nvidia-smi prints GPUs in index order each round: a repeated or lower index
        // means the previous round is complete.
        if (!m_round.isEmpty() && s.index <= m_round.last().index) flushRound();
        m_round.append(s);
        if (m_gpuCount > 0 && m_round.size() == m_gpuCount) flushRound();
    }
    if (!m_round.isEmpty()) m_roundTimer.start();
}

void GpuMonitor::flushRound() {
    m_roundTimer.stop();
    if (m_round.isEmpty()) return;
    m_gpuCount = qMax(m_gpuCount, int(m_round.size()));
    const QList<GpuSample> round = std::exchange(m_round, {});
    m_sawSample = true;
    m_restarts = 0;
    setMode(Mode::Gpu);
    Q_EMIT sampled(round);
}

void GpuMonitor::onProcessFinished() {
    if (!m_process) return;
    QProcess* p = m_process;
    m_process = nullptr;
    const QString errorText = QString::fromLocal8Bit(p->readAllStandardError()).trimmed();
    const QString startError = p->error() == QProcess::FailedToStart ? p->errorString() : QString();
    p->deleteLater();
    flushRound();
    if (m_sawSample && m_restarts < kMaxRestarts) {
        ++m_restarts;  // it worked before: a transient failure (driver reload) is worth a retry
        m_restartTimer.start();
        return;
    }
    // nvidia-smi exists but no GPU answers (no driver, a container without devices).
    QString reason = noGpuMessage();
    // nvidia-smi prints its own failures ("couldn't communicate with the driver") on stdout.
    const QString printed = QString::fromLocal8Bit(m_parser.lastRejectedLine()).trimmed();
    const QString detail = !errorText.isEmpty() ? errorText
                           : !printed.isEmpty() ? printed
                                                : startError;
    if (!detail.isEmpty())
        reason += QStringLiteral(" (nvidia-smi: %1)").arg(detail.section(QLatin1Char('\n'), 0, 0));
    enterNoGpu(reason);
}

void GpuMonitor::enterNoGpu(const QString& reason) {
    m_message = reason;
    setMode(Mode::NoGpu);
    m_lastCpu.reset();
    sampleSystem();
    m_systemTimer.start();
}

void GpuMonitor::setMode(Mode mode) {
    if (mode != Mode::NoGpu) m_message.clear();
    if (m_mode == mode) return;
    m_mode = mode;
    Q_EMIT modeChanged(mode);
}

void GpuMonitor::sampleSystem() {
    const auto cpu = ProcStats::parseStat(readSmallFile(m_procRoot + QStringLiteral("/stat")));
    const auto mem =
        ProcStats::parseMeminfo(readSmallFile(m_procRoot + QStringLiteral("/meminfo")));
    SystemSample s;
    if (cpu && m_lastCpu) s.cpuPercent = ProcStats::cpuPercent(*m_lastCpu, *cpu);
    if (cpu) m_lastCpu = cpu;
    if (mem) {
        s.memoryTotalKiB = double(mem->totalKiB);
        s.memoryUsedKiB = double(mem->usedKiB());
    }
    Q_EMIT systemSampled(s);
}

}  // namespace tb
