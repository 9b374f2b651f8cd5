// RemoteFollower: offset bookkeeping for a remote run's files, streamed over SSH.
#include "remote_follow.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "core/metrics/run_metrics.h"
#include "core/runs/run_reader.h"
#include "remote/ssh/host_connection.h"
#include "remote_backend.h"
#include "remote_run_frames.h"
#include "remote_run_scan.h"
#include "remote_run_scripts.h"
#include "slurm_state.h"

namespace tb {

namespace {

constexpr int kRetryMs = 2000;
constexpr qsizetype kMaxStatusBytes = 1 << 20;

}  // namespace

RemoteFollower::RemoteFollower(RemoteBackend* backend, QString runId, RunMetrics* metrics,
                               QObject* parent)
    : QObject(parent), m_backend(backend), m_runId(std::move(runId)), m_runMetrics(metrics) {
    m_status.id = m_runId;
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RemoteFollower::open);
    HostConnection* connection = m_backend->connection();
    const SshSession* session = connection->session()->session();
    connect(session, &SshSession::streamData, this, &RemoteFollower::onData);
    connect(session, &SshSession::streamErrorData, this, &RemoteFollower::onLogData);
    connect(session, &SshSession::streamFinished, this, &RemoteFollower::onStreamFinished);
    // Back on line: continue at once from the offsets.
    connect(connection, &HostConnection::stateChanged, this, [this](ConnectionState state) {
        if (state == ConnectionState::Connected) open();
    });
}

RemoteFollower::~RemoteFollower() {
    closeStreams();
}

void RemoteFollower::start() {
    m_active = true;
    open();
}

void RemoteFollower::stop() {
    m_active = false;
    m_retry.stop();
    closeStreams();
}

void RemoteFollower::open() {
    if (!m_active || m_finished || m_filesStream != 0) return;
    if (m_backend->connection()->state() != ConnectionState::Connected) return;
    SshSessionThread* session = m_backend->connection()->session();
    const QString root = m_backend->runsRoot();
    m_statusFrames.clear();
    ++m_opened;
    m_statusStream = session->openStream(followStatusCommand(root, m_runId));
    // metrics.jsonl on stdout, output.log on stderr: two channels per run, not three.
    m_filesStream = session->openStream(
        followFilesCommand(root, m_runId, {QStringLiteral("metrics.jsonl"), m_metrics.readOffset()},
                           {QStringLiteral("output.log"), m_logOffset}),
        StreamStderr::AsData);
}

void RemoteFollower::closeStreams() {
    SshSessionThread* session = m_backend->connection()->session();
    for (quint64* id : {&m_filesStream, &m_statusStream}) {
        if (*id != 0) session->closeStream(*id);
        *id = 0;
    }
}

void RemoteFollower::onData(quint64 streamId, const QByteArray& data) {
    // Data of a stream already closed here is not counted; the reopened one reads it again.
    if (streamId == 0) return;
    if (streamId == m_filesStream) {
        takeMetrics(data);
    } else if (streamId == m_statusStream) {
        takeStatus(data);
    } else {
        return;
    }
    finishIfComplete();
}

void RemoteFollower::onLogData(quint64 streamId, const QByteArray& data) {
    if (streamId == 0 || streamId != m_filesStream) return;
    takeLog(data);
    finishIfComplete();
}

void RemoteFollower::onStreamFinished(quint64 streamId, const ExecResult& result) {
    if (streamId == 0 || (streamId != m_filesStream && streamId != m_statusStream)) return;
    if (streamId == m_statusStream && result.ok() && result.exitStatus == 0 && m_endKnown) {
        m_statusStream = 0;  // it has said all it will
        finishIfComplete();
        return;
    }
    //: %1 is a run id, %2 its host, %3 the follow command's exit status, %4 what it printed
    const QString format =
        streamId == m_statusStream
            ? tr("following status.json of run %1 on %2 stopped (exit %3): %4")
            : tr("following metrics.jsonl and output.log of run %1 on %2 stopped (exit %3): %4");
    const QString message =
        result.ok()
            ? format.arg(m_runId, m_backend->settings().name, QString::number(result.exitStatus),
                         QString::fromUtf8(result.standardError).trimmed())
            : result.message;
    closeStreams();
    Q_EMIT interrupted(message);
    // A broken link is checked (and reconnected) now; the streams reopen once it is back.
    if (!result.ok()) m_backend->connection()->checkNow();
    m_retry.start(kRetryMs);
}

void RemoteFollower::takeMetrics(const QByteArray& bytes) {
    const qint64 skippedLines = m_metrics.skippedLines();
    m_metrics.append(bytes);
    const QByteArrayView lines = m_metrics.takeLines();
    if (m_metrics.skippedLines() > skippedLines)
        //: %3 is the longest line in MiB, %4 how many lines were skipped so far
        Q_EMIT lineSkipped(tr("run %1 on %2: a metrics.jsonl line longer than %3 MiB was skipped "
                              "(%4 so far); a metrics record should be one short JSON line")
                               .arg(m_runId, m_backend->settings().name,
                                    QString::number(m_metrics.maxLine() >> 20),
                                    QString::number(m_metrics.skippedLines())));
    if (lines.isEmpty()) return;
    const QByteArray complete = lines.toByteArray();
    if (m_runMetrics) m_runMetrics->appendLines(complete);
    Q_EMIT metricsLines(complete);
}

void RemoteFollower::takeLog(const QByteArray& bytes) {
    m_logOffset += bytes.size();
    Q_EMIT logAppended(bytes);
}

void RemoteFollower::takeStatus(const QByteArray& bytes) {
    m_statusFrames += bytes;
    auto frames = parseRemoteFrames(m_statusFrames);
    if (!frames) {
        // Most likely a frame cut in two by the transport: the rest comes with the next data.
        if (m_statusFrames.size() > kMaxStatusBytes) m_statusFrames.clear();
        return;
    }
    m_statusFrames.clear();
    for (const RemoteFrame& frame : *frames) {
        if (frame.key == "status" && frame.value != m_statusText) {
            m_statusText = frame.value;
            applyStatusJson(QJsonDocument::fromJson(frame.value).object(), m_status);
            if (m_slurm) applySlurmState(*m_slurm, m_status);
            Q_EMIT statusChanged(m_status);
        } else if (frame.key == "slurm") {
            // What Slurm says of the job: why it waits, or why it ended.
            m_slurm = parseSlurmFrame(frame.value);
            if (m_slurm) applySlurmState(*m_slurm, m_status);
            Q_EMIT statusChanged(m_status);
        } else if (frame.key == "lost" && isLiveState(m_status.state)) {
            // The box's watcher saw the process gone with no final state or exit code.
            m_status.state = RunState::Lost;
            if (m_status.message.isEmpty())
                m_status.message = lostMessage(m_status.pid, m_backend->settings().name);
            Q_EMIT statusChanged(m_status);
        } else if (frame.key == "end") {
            // Both sizes whole numbers, -1 for a file that does not exist, or the end is not
            // believed (and the follow goes on until a believable one comes).
            const QList<QByteArray> sizes = frame.value.split(' ');
            bool metricsOk = false;
            bool logOk = false;
            const qint64 metrics = sizes.value(0).toLongLong(&metricsOk);
            const qint64 log = sizes.value(1).toLongLong(&logOk);
            m_endKnown = sizes.size() == 2 && metricsOk && logOk && metrics >= -1 && log >= -1;
            m_endMetrics = m_endKnown ? metrics : -1;
            m_endLog = m_endKnown ? log : -1;
        }
    }
}

void RemoteFollower::finishIfComplete() {
    if (!m_endKnown || m_finished) return;
    if (m_metrics.readOffset() < m_endMetrics || m_logOffset < m_endLog) return;
    m_finished = true;
    m_retry.stop();
    closeStreams();
    Q_EMIT finished();
}

}  // namespace tb
