#pragma once
// RemoteFollower: follows one remote run over two long-lived streams on the host's session —
// metrics.jsonl and output.log from byte offsets (`tail -c +N -F`, one file on stdout, the other
// on stderr) and status.json's changes. Metrics bytes are cut into lines by a ByteTail (the
// same as a local follower's) and the complete lines go straight to the run's RunMetrics,
// which parses them once. When a stream breaks (the link went), the follower waits for the
// connection to come back and reopens them from the offsets it has, so no line is lost or read
// twice.

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <optional>

#include "core/metrics/byte_tail.h"
#include "core/runs/run_info.h"
#include "remote/ssh/ssh_result.h"
#include "slurm_state.h"

namespace tb {

class RemoteBackend;
class RunMetrics;

class RemoteFollower : public QObject {
    Q_OBJECT

public:
    // `metrics` (a fed RunMetrics, see RunMetrics::fed) may be null: then only metricsLines
    // carries the lines.
    RemoteFollower(RemoteBackend* backend, QString runId, RunMetrics* metrics,
                   QObject* parent = nullptr);
    ~RemoteFollower() override;

    void start();
    void stop();  // closes the streams; start() continues from the offsets

    QString runId() const { return m_runId; }
    const RunInfo& status() const { return m_status; }
    qint64 metricsOffset() const { return m_metrics.offset(); }  // after the last complete line
    qint64 logOffset() const { return m_logOffset; }
    bool isFinished() const { return m_finished; }
    int streamsOpened() const { return m_opened; }  // times the streams were (re)opened

Q_SIGNALS:
    void metricsLines(const QByteArray& lines);  // exactly the complete lines consumed
    void logAppended(const QByteArray& bytes);
    void statusChanged(const tb::RunInfo& status);
    // The streams broke or could not start; they reopen once the connection holds.
    void interrupted(const QString& message);
    // The run reached a final state and everything it wrote has been read.
    void finished();
    // A metrics line over the cap was dropped (it is counted in the offset); the message names
    // the run and host.
    void lineSkipped(const QString& message);

private:
    void open();
    void closeStreams();
    void onData(quint64 streamId, const QByteArray& data);
    void onLogData(quint64 streamId, const QByteArray& data);
    void onStreamFinished(quint64 streamId, const ExecResult& result);
    void takeMetrics(const QByteArray& bytes);
    void takeLog(const QByteArray& bytes);
    void takeStatus(const QByteArray& bytes);
    void finishIfComplete();

    RemoteBackend* m_backend;
    QString m_runId;
    QPointer<RunMetrics> m_runMetrics;  // the pool may close it first
    QTimer m_retry;                     // reopens after a stream ended while the link still held
    // metrics.jsonl's offset and the start of a line not finished yet; an endless line is
    // skipped past ByteTail::kMetricsMaxLine.
    ByteTail m_metrics{ByteTail::kMetricsMaxLine, ByteTail::LongLine::Skip};
    QByteArray m_statusFrames;
    qint64 m_logOffset = 0;
    quint64 m_filesStream = 0;  // metrics.jsonl on stdout, output.log on stderr
    quint64 m_statusStream = 0;
    RunInfo m_status;
    QByteArray m_statusText;
    std::optional<SlurmJobState> m_slurm;  // a Slurm job's last state, put over each status
    bool m_endKnown = false;  // the status stream said the run ended, with the files' sizes
    qint64 m_endMetrics = -1;
    qint64 m_endLog = -1;
    int m_opened = 0;
    bool m_active = false;
    bool m_finished = false;
};

}  // namespace tb
