// GpuMonitor: one long-lived `nvidia-smi ... -l 1` process, or /proc sampling without a GPU.
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

#include "gpu/gpu_sample.h"
#include "gpu/gpu_sample_parser.h"
#include "gpu/proc_stats.h"

class QProcess;

namespace tb {

class GpuMonitor : public QObject {
    Q_OBJECT
public:
    enum class Mode { Stopped, Starting, Gpu, NoGpu };
    Q_ENUM(Mode)

    explicit GpuMonitor(QObject* parent = nullptr);
    ~GpuMonitor() override;

    // Both injectable so tests can use a fake nvidia-smi script and captured /proc files.
    void setNvidiaSmiProgram(const QString& program) { m_program = program; }
    void setProcRoot(const QString& dir) { m_procRoot = dir; }
    void setSystemIntervalMs(int ms) { m_systemTimer.setInterval(ms); }

    void start();
    void stop();

    Mode mode() const { return m_mode; }
    // What the panel says about the state: empty in Gpu mode, the reason in NoGpu mode.
    QString stateMessage() const { return m_message; }
    QStringList arguments() const;
    qint64 processId() const;

    static QString noGpuMessage() { return QStringLiteral("no NVIDIA GPU on this machine"); }

Q_SIGNALS:
    void sampled(const QList<tb::GpuSample>& gpus);  // one per nvidia-smi round, every GPU
    void systemSampled(const tb::SystemSample& sample);
    void modeChanged(tb::GpuMonitor::Mode mode);

private:
    void onReadyRead();
    void onProcessFinished();
    void flushRound();
    void enterNoGpu(const QString& reason);
    void setMode(Mode mode);
    void sampleSystem();

    QString m_program = QStringLiteral("nvidia-smi");
    QString m_procRoot = QStringLiteral("/proc");
    QProcess* m_process = nullptr;
    GpuSampleParser m_parser;
    QList<GpuSample> m_round;
    int m_gpuCount = 0;  // learnt from the first complete round
    bool m_sawSample = false;
    int m_restarts = 0;
    QTimer m_roundTimer;  // flushes a round whose lines all arrived, when the count is unknown
    QTimer m_restartTimer;
    QTimer m_systemTimer;
    std::optional<CpuTimes> m_lastCpu;
    Mode m_mode = Mode::Stopped;
    QString m_message;
};

}  // namespace tb
