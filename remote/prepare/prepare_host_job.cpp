// RemoteJob: start detached, poll job.log from an offset, kill the process group on cancel.

#include "prepare_host_job.h"

#include "remote/ssh/ssh_session_thread.h"
#include "remote/transfer/transfer_remote.h"

namespace tb {

namespace {

constexpr qint64 kMaxBytesPerPoll = 1 << 20;

// $1 dir, $2 the command. setsid makes the job its own process group (the pid in job.pid),
// so a cancel reaches every compiler it started; job.exit appears only once the log is final.
const char kStartScript[] = R"SH(
mkdir -p "$1" && cd "$1" || exit 1
if [ -f job.pid ] && [ ! -f job.exit ] && kill -0 "$(cat job.pid)" 2>/dev/null; then
  echo attached; exit 0
fi
rm -f job.exit job.log job.pid
run='echo $$ > job.pid; sh -c "$1" > job.log 2>&1 < /dev/null; echo $? > job.exit.new; mv job.exit.new job.exit'
if command -v setsid >/dev/null 2>&1; then
  setsid sh -c "$run" sh "$2" > /dev/null 2>&1 < /dev/null &
else
  nohup sh -c "$run" sh "$2" > /dev/null 2>&1 < /dev/null &
fi
echo started
)SH";

// $1 dir, $2 offset: the exit code (or "running") on the first line, then the log from $2.
// The exit file is read before the log, so a job seen ended has its whole log in this answer.
const char kPollScript[] = R"SH(
cd "$1" || exit 3
if [ -f job.exit ]; then cat job.exit; else echo running; fi
tail -c +$(($2 + 1)) job.log 2>/dev/null | head -c $3
)SH";

const char kCancelScript[] = R"SH(
cd "$1" || exit 0
pid=$(cat job.pid 2>/dev/null) || exit 0
kill -TERM "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
echo 130 > job.exit
)SH";

}  // namespace

RemoteJob::RemoteJob(SshSessionThread* session, QObject* parent)
    : QObject(parent), m_session(session) {
    m_poll.setInterval(500);
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &RemoteJob::pollNow);
    connect(m_session->session(), &SshSession::execFinished, this, &RemoteJob::onExecFinished);
}

void RemoteJob::start(const QString& dir, const RemoteCommand& command) {
    m_dir = dir;
    m_offset = 0;
    m_failedPolls = 0;
    m_running = true;
    m_startId = m_session->exec(remoteScript(kStartScript, {dir, command.toString()}));
}

void RemoteJob::cancel() {
    if (!m_running) return;
    m_poll.stop();
    m_pollId = 0;
    m_startId = 0;
    m_running = false;
    // Fire and forget: the answer does not change the outcome, and the session may be gone.
    m_session->exec(remoteScript(kCancelScript, {m_dir}));
    // Reported from the event loop: cancel() may be called from inside an output() handler.
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT finished(130, SshFailure::Cancelled, tr("cancelled")); },
        Qt::QueuedConnection);
}

void RemoteJob::onExecFinished(quint64 requestId, const ExecResult& result) {
    if (requestId == 0) return;
    if (requestId == m_startId) {
        m_startId = 0;
        onStarted(result);
    } else if (requestId == m_pollId) {
        m_pollId = 0;
        onPolled(result);
    }
}

void RemoteJob::onStarted(const ExecResult& result) {
    if (!result.ok() || result.exitStatus != 0) {
        const QString why =
            result.ok() ? QString::fromUtf8(result.standardError).trimmed() : result.message;
        end(-1, result.ok() ? SshFailure::Protocol : result.failure,
            tr("could not start the job in %1: %2").arg(m_dir, why));
        return;
    }
    pollNow();
}

void RemoteJob::pollNow() {
    if (!m_running) return;
    m_pollId = m_session->exec(remoteScript(
        kPollScript, {m_dir, QString::number(m_offset), QString::number(kMaxBytesPerPoll)}));
}

void RemoteJob::onPolled(const ExecResult& result) {
    if (!m_running) return;
    const qsizetype newline = result.standardOutput.indexOf('\n');
    if (!result.ok() || result.exitStatus != 0 || newline < 0) {
        if (++m_failedPolls >= m_maxFailedPolls) {
            end(-1, result.ok() ? SshFailure::Protocol : result.failure,
                //: %1 is a folder on the host, %2 why ("no answer" or a connection error)
                tr("lost track of the job in %1 (%2); it may still run there: "
                   "prepare again to follow it")
                    .arg(m_dir, result.ok() ? tr("no answer") : result.message));
            return;
        }
        m_poll.start();
        return;
    }
    m_failedPolls = 0;
    const QByteArray state = result.standardOutput.left(newline).trimmed();
    const QByteArray bytes = result.standardOutput.mid(newline + 1);
    m_offset += bytes.size();
    if (!bytes.isEmpty()) Q_EMIT output(bytes);
    if (state != "running" && bytes.size() < kMaxBytesPerPoll) {
        end(state.toInt(), SshFailure::None, {});
        return;
    }
    if (bytes.size() >= kMaxBytesPerPoll)
        pollNow();
    else
        m_poll.start();
}

void RemoteJob::end(int exitCode, SshFailure failure, const QString& message) {
    m_running = false;
    m_poll.stop();
    Q_EMIT finished(exitCode, failure, message);
}

}  // namespace tb
