// RemoteFollower: offset bookkeeping for a remote run's files, polled over SSH.
#include "remote/remote_follow.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include "metrics/series_store.h"
#include "remote/host_connection.h"
#include "remote/remote_backend.h"
#include "remote/remote_run_frames.h"
#include "remote/remote_run_scripts.h"
#include "runs/run_reader.h"

namespace tb {

RemoteFollower::RemoteFollower(RemoteBackend* backend, QString runId, SeriesStore* store,
                               QObject* parent)
    : QObject(parent),
      m_backend(backend),
      m_runId(std::move(runId)),
      m_store(store),
      m_timer(new QTimer(this)) {
    m_status.id = m_runId;
    connect(m_timer, &QTimer::timeout, this, &RemoteFollower::poll);
    // Back on line: catch up at once rather than at the next tick.
    connect(m_backend->connection(), &HostConnection::stateChanged, this,
            [this](ConnectionState state) {
                if (state == ConnectionState::Connected && m_timer->isActive()) poll();
            });
}

void RemoteFollower::start(int intervalMs) {
    m_timer->start(intervalMs);
    poll();
}

void RemoteFollower::stop() {
    m_timer->stop();
}

void RemoteFollower::poll() {
    if (m_inFlight || m_finished) return;
    if (m_backend->connection()->state() != ConnectionState::Connected) return;
    m_inFlight = true;
    const RemoteCommand read =
        readRunFilesCommand(m_backend->runsRoot(), m_runId, m_metricsOffset + m_partial.size(),
                            m_logOffset, m_maxBytes);
    // The answer may come after this follower is gone (a closed run view).
    m_backend->execAsync(read, [self = QPointer<RemoteFollower>(this)](const ExecResult& result) {
        if (self) self->answered(result);
    });
}

void RemoteFollower::answered(const ExecResult& result) {
    m_inFlight = false;
    ++m_pollsDone;
    if (!result.ok() || result.exitStatus != 0) {
        Q_EMIT pollFailed(result.ok() ? QString::fromUtf8(result.standardError).trimmed()
                                      : result.message);
        return;
    }
    handle(result.standardOutput);
}

void RemoteFollower::handle(const QByteArray& output) {
    auto frames = parseRemoteFrames(output);
    if (!frames) {
        Q_EMIT pollFailed(QString::fromStdString(frames.error()));
        return;
    }
    bool final = false;
    bool atEnd = true;
    for (const RemoteFrame& frame : *frames) {
        if (frame.key == "status" && frame.value != m_statusText) {
            m_statusText = frame.value;
            applyStatusJson(QJsonDocument::fromJson(frame.value).object(), m_status);
            Q_EMIT statusChanged(m_status);
        } else if (frame.key == "metrics") {
            atEnd = takeMetrics(frame.value, frame.fileSize) && atEnd;
        } else if (frame.key == "log") {
            atEnd = takeLog(frame.value, frame.fileSize) && atEnd;
        }
    }
    final = !m_statusText.isEmpty() && isFinalState(m_status.state);
    // status.json is read before the files, so a final state there means nothing more comes.
    if (final && atEnd) {
        m_finished = true;
        m_timer->stop();
        Q_EMIT finished();
    } else if (!atEnd && m_timer->isActive()) {
        QTimer::singleShot(0, this, &RemoteFollower::poll);  // more is waiting: no pause
    }
}

// Returns true when the file has been read to its end.
bool RemoteFollower::takeMetrics(const QByteArray& bytes, qint64 fileSize) {
    const qint64 readTo = m_metricsOffset + m_partial.size() + bytes.size();
    if (bytes.isEmpty()) return fileSize < 0 || fileSize <= readTo;
    m_partial += bytes;
    m_batch.clear();
    const ParseResult parsed = m_parser.parse(
        std::string_view(m_partial.constData(), std::size_t(m_partial.size())), m_batch);
    if (parsed.bytesConsumed > 0) {
        const QByteArray lines = m_partial.left(qsizetype(parsed.bytesConsumed));
        m_partial.remove(0, qsizetype(parsed.bytesConsumed));
        m_metricsOffset += qint64(parsed.bytesConsumed);
        if (m_store) m_store->append(m_batch, m_parser.keyNames());
        Q_EMIT metricsLines(lines);
        if (parsed.records > 0) Q_EMIT recordsAppended(qsizetype(parsed.records));
    }
    return fileSize <= readTo;
}

bool RemoteFollower::takeLog(const QByteArray& bytes, qint64 fileSize) {
    m_logOffset += bytes.size();
    if (!bytes.isEmpty()) Q_EMIT logAppended(bytes);
    return fileSize < 0 || fileSize <= m_logOffset;
}

}  // namespace tb
