// GpuMonitor: runs nvidia-smi's loop as a QProcess; GpuSource turns its output into rounds.
#include "gpu_monitor.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace tb {
namespace {

QByteArray readSmallFile(const QString& path) {
    QFile f(path);
    // /proc files report size 0, so read until EOF rather than by size.
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

GpuMonitor::GpuMonitor(QObject* parent) : GpuSource(parent) {
    m_systemTimer.setInterval(1000);
    connect(&m_systemTimer, &QTimer::timeout, this, &GpuMonitor::sampleSystem);
}

GpuMonitor::~GpuMonitor() {
    stop();
}

qint64 GpuMonitor::processId() const {
    return m_process ? m_process->processId() : 0;
}

void GpuMonitor::start() {
    if (m_process) return;
    const QString configured = nvidiaSmiProgram();
    const QString program = QFileInfo(configured).isAbsolute()
                                ? configured
                                : QStandardPaths::findExecutable(configured);
    if (program.isEmpty() || !QFileInfo(program).isExecutable()) {
        enterNoGpu(noGpuMessage());
        return;
    }
    setMode(sawSample() ? Mode::Gpu : Mode::Starting);
    resetOutput();
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
    stopRestarts();
    m_systemTimer.stop();
    if (m_process) {
        QProcess* p = m_process;
        m_process = nullptr;  // onProcessFinished must not treat this as a crash
        p->disconnect(this);
        p->kill();
        p->waitForFinished(2000);
        delete p;
    }
    resetOutput();
    setMode(Mode::Stopped);
}

void GpuMonitor::onReadyRead() {
    if (m_process) takeOutput(m_process->readAllStandardOutput());
}

void GpuMonitor::onProcessFinished() {
    if (!m_process) return;
    QProcess* p = m_process;
    m_process = nullptr;
    takeOutput(p->readAllStandardOutput());
    const QString errorText = QString::fromLocal8Bit(p->readAllStandardError()).trimmed();
    const QString startError = p->error() == QProcess::FailedToStart ? p->errorString() : QString();
    p->deleteLater();
    outputEnded(errorText.isEmpty() ? startError : errorText);
}

void GpuMonitor::enterNoGpu(const QString& reason) {
    GpuSource::enterNoGpu(reason);
    m_lastCpu.reset();
    sampleSystem();
    m_systemTimer.start();
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
