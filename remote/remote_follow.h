#pragma once
// RemoteFollower: follows one remote run by polling its metrics.jsonl and output.log from byte
// offsets (one round trip per poll), feeding complete metrics lines through the same parser
// the local follower uses. A failed poll changes nothing: once the backend has reconnected,
// it continues from the offsets it has, so no line is lost or read twice.

#include <QByteArray>
#include <QObject>
#include <QString>

#include "metrics/metrics_parser.h"
#include "remote/ssh_result.h"
#include "runs/run_info.h"

class QTimer;

namespace tb {

class RemoteBackend;
class SeriesStore;

class RemoteFollower : public QObject {
    Q_OBJECT

public:
    // `store` may be null; it must outlive this.
    RemoteFollower(RemoteBackend* backend, QString runId, SeriesStore* store,
                   QObject* parent = nullptr);

    void start(int intervalMs = 250);
    void stop();
    // One round trip now, unless one is in flight or the connection is down.
    void poll();

    QString runId() const { return m_runId; }
    const RunInfo& status() const { return m_status; }
    qint64 metricsOffset() const { return m_metricsOffset; }  // after the last complete line
    qint64 logOffset() const { return m_logOffset; }
    const MetricsParser& parser() const { return m_parser; }
    bool isFinished() const { return m_finished; }
    quint64 pollsDone() const { return m_pollsDone; }  // answered round trips, for benchmarks
    void setMaxBytesPerPoll(qint64 bytes) { m_maxBytes = qMax<qint64>(1, bytes); }

Q_SIGNALS:
    void metricsLines(const QByteArray& lines);  // exactly the complete lines consumed
    void recordsAppended(qsizetype count);
    void logAppended(const QByteArray& bytes);
    void statusChanged(const tb::RunInfo& status);
    void pollFailed(const QString& message);
    // The run reached a final state and everything it wrote has been read.
    void finished();

private:
    void answered(const ExecResult& result);
    void handle(const QByteArray& output);
    bool takeMetrics(const QByteArray& bytes, qint64 fileSize);
    bool takeLog(const QByteArray& bytes, qint64 fileSize);

    RemoteBackend* m_backend;
    QString m_runId;
    SeriesStore* m_store;
    QTimer* m_timer;
    MetricsParser m_parser;
    MetricsBatch m_batch;
    QByteArray m_partial;  // the start of a metrics line not finished yet
    qint64 m_metricsOffset = 0;
    qint64 m_logOffset = 0;
    qint64 m_maxBytes = 4 << 20;
    RunInfo m_status;
    QByteArray m_statusText;
    quint64 m_pollsDone = 0;
    bool m_inFlight = false;
    bool m_finished = false;
};

}  // namespace tb
