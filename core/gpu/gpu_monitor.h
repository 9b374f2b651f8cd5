// GpuMonitor: one long-lived `nvidia-smi ... -l 1` process, or /proc sampling without a GPU.
#pragma once

#include <QString>
#include <QStringList>
#include <QTimer>

#include <optional>

#include "gpu_source.h"
#include "proc_stats.h"

class QProcess;

namespace tb {

class GpuMonitor : public GpuSource {
    Q_OBJECT
public:
    explicit GpuMonitor(QObject* parent = nullptr);
    ~GpuMonitor() override;

    // Injectable so tests can use captured /proc files (and a fake nvidia-smi, see GpuSource).
    void setProcRoot(const QString& dir) { m_procRoot = dir; }
    void setSystemIntervalMs(int ms) { m_systemTimer.setInterval(ms); }

    void start() override;
    void stop() override;
    QString placeName() const override { return tr("this machine"); }
    bool hasSystemFallback() const override { return true; }

    QStringList arguments() const { return nvidiaSmiQueryArguments(); }
    qint64 processId() const;

protected:
    void relaunch() override { start(); }
    void enterNoGpu(const QString& reason) override;

private:
    void onReadyRead();
    void onProcessFinished();
    void sampleSystem();

    QString m_procRoot = QStringLiteral("/proc");
    QProcess* m_process = nullptr;
    QTimer m_systemTimer;
    std::optional<CpuTimes> m_lastCpu;
};

}  // namespace tb
