// GpuSource: what the GPU panel follows — nvidia-smi's rounds from this machine or a remote box.
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include "gpu_history.h"
#include "gpu_sample.h"
#include "gpu_sample_parser.h"

namespace tb {

// The common half of GpuMonitor (a local process) and RemoteGpuMonitor (a stream over SSH):
// nvidia-smi's output is parsed and grouped into rounds here, recorded in history() and emitted
// as sampled(); a query that ends after it worked is restarted a few times, one that never
// worked means NoGpu with nvidia-smi's own words.
class GpuSource : public QObject {
    Q_OBJECT
public:
    enum class Mode {
        Stopped,
        Starting,
        Gpu,
        NoGpu,
        Waiting,  // the link to the box is down; the query restarts when it is back
    };
    Q_ENUM(Mode)

    explicit GpuSource(QObject* parent = nullptr);

    virtual void start() = 0;
    virtual void stop() = 0;
    // "this machine" or the host's name, for messages and the panel's title.
    virtual QString placeName() const = 0;
    // True when NoGpu mode sends systemSampled (CPU and memory) instead.
    virtual bool hasSystemFallback() const { return false; }

    // The program that runs the query; tests point it at a fake script.
    void setNvidiaSmiProgram(const QString& program) { m_program = program; }
    QString nvidiaSmiProgram() const { return m_program; }

    Mode mode() const { return m_mode; }
    // What the panel says about the state: empty in Gpu mode, the reason otherwise.
    QString stateMessage() const { return m_message; }
    const GpuHistory& history() const { return m_history; }
    QString noGpuMessage() const;

Q_SIGNALS:
    void sampled(const QList<tb::GpuSample>& gpus);  // one per nvidia-smi round, every GPU
    void systemSampled(const tb::SystemSample& sample);
    // The mode, or the message that goes with it, changed.
    void modeChanged(tb::GpuSource::Mode mode);

protected:
    // Bytes of nvidia-smi's stdout as they arrive, from the start of a fresh query.
    void takeOutput(QByteArrayView bytes);
    // The query ended by itself; `errorText` is what it said on stderr. Restarts it through
    // relaunch() when it had worked, else enters NoGpu with the reason.
    void outputEnded(const QString& errorText);
    // The query was stopped or broke off: a round cut short is dropped, the parser reset.
    void resetOutput();
    virtual void relaunch() = 0;
    virtual void enterNoGpu(const QString& reason);
    void setMode(Mode mode, const QString& message = {});
    bool sawSample() const { return m_sawSample; }
    void stopRestarts() { m_restartTimer.stop(); }

private:
    void flushRound();

    QString m_program = QStringLiteral("nvidia-smi");
    GpuSampleParser m_parser;
    QList<GpuSample> m_round;
    qint64 m_roundTimeMs = 0;  // when the first line of m_round arrived
    int m_gpuCount = 0;        // learnt from the first complete round
    bool m_sawSample = false;
    int m_restarts = 0;
    QTimer m_roundTimer;  // flushes a round whose lines all arrived, when the count is unknown
    QTimer m_restartTimer;
    GpuHistory m_history;
    Mode m_mode = Mode::Stopped;
    QString m_message;
};

}  // namespace tb
