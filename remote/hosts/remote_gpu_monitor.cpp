// RemoteGpuMonitor: the stream's life follows the connection's; GpuSource does the parsing.
#include "remote_gpu_monitor.h"

#include "remote/ssh/host_connection.h"

namespace tb {

namespace {

constexpr int kRetryMs = 2000;
constexpr int kNotFound = 127;  // the script's exit status when the program is missing

// The shell becomes nvidia-smi (exec keeps its pid), so the watcher in the background can end
// it once the channel is closed and stdin ends — even a query that prints nothing for a while.
// A query that ends by itself ends the stream with its own exit status.
const char kGpuQueryScript[] = R"sh(
command -v "$1" >/dev/null 2>&1 || exit 127
exec 3<&0
{ cat <&3 >/dev/null 2>&1; kill "$$" 2>/dev/null; } >/dev/null 2>&1 &
exec "$@" 3<&- </dev/null
)sh";

}  // namespace

RemoteCommand remoteGpuQueryCommand(const QString& program) {
    RemoteCommand command(QStringLiteral("sh"));
    command.arg(QStringLiteral("-c"))
        .arg(QString::fromLatin1(kGpuQueryScript))
        .arg(QStringLiteral("sh"))
        .arg(program);
    return command.args(nvidiaSmiQueryArguments());
}

RemoteGpuMonitor::RemoteGpuMonitor(HostConnection* connection, QObject* parent)
    : GpuSource(parent), m_connection(connection), m_hostName(connection->hostName()) {
    m_retry.setSingleShot(true);
    m_retry.setInterval(kRetryMs);
    connect(&m_retry, &QTimer::timeout, this, &RemoteGpuMonitor::open);
    const SshSession* session = m_connection->session()->session();
    connect(session, &SshSession::streamData, this, &RemoteGpuMonitor::onData);
    connect(session, &SshSession::streamFinished, this, &RemoteGpuMonitor::onStreamFinished);
    connect(m_connection, &HostConnection::stateChanged, this,
            [this](ConnectionState state, const QString& message) {
                if (!m_active || mode() == Mode::NoGpu) return;
                if (state == ConnectionState::Connected)
                    open();
                else if (m_stream == 0)
                    waitForLink(message);
            });
}

RemoteGpuMonitor::~RemoteGpuMonitor() {
    closeStream();
}

void RemoteGpuMonitor::start() {
    if (m_active) return;
    m_active = true;
    if (m_connection && m_connection->state() == ConnectionState::Connected)
        open();
    else
        waitForLink(m_connection ? m_connection->message() : QString());
}

void RemoteGpuMonitor::stop() {
    m_active = false;
    m_retry.stop();
    stopRestarts();
    closeStream();
    resetOutput();
    setMode(Mode::Stopped);
}

void RemoteGpuMonitor::open() {
    if (!m_active || m_stream != 0 || !m_connection) return;
    if (m_connection->state() != ConnectionState::Connected) return;
    resetOutput();
    setMode(sawSample() ? Mode::Gpu : Mode::Starting);
    ++m_opened;
    m_stream = m_connection->session()->openStream(remoteGpuQueryCommand(nvidiaSmiProgram()));
}

void RemoteGpuMonitor::closeStream() {
    if (m_stream != 0 && m_connection) m_connection->session()->closeStream(m_stream);
    m_stream = 0;
}

void RemoteGpuMonitor::onData(quint64 streamId, const QByteArray& data) {
    if (streamId != 0 && streamId == m_stream) takeOutput(data);
}

void RemoteGpuMonitor::onStreamFinished(quint64 streamId, const ExecResult& result) {
    if (streamId == 0 || streamId != m_stream) return;
    m_stream = 0;
    if (!result.ok()) {
        // The link broke (or a channel could not open): check it now; the stream reopens once
        // the connection holds, or after a pause if it never went.
        resetOutput();
        waitForLink(result.message);
        if (m_connection) m_connection->checkNow();
        m_retry.start();
        return;
    }
    if (result.exitStatus == kNotFound && !sawSample()) {
        enterNoGpu(tr("%1: “%2” not found there (is the NVIDIA driver installed?)")
                       .arg(noGpuMessage(), nvidiaSmiProgram()));
        return;
    }
    outputEnded(QString::fromUtf8(result.standardError));
}

void RemoteGpuMonitor::waitForLink(const QString& why) {
    const QString reason = why.trimmed();
    if (reason.isEmpty()) {
        setMode(Mode::Waiting,
                tr("waiting for the connection to %1; GPU readings resume when it is back")
                    .arg(placeName()));
        return;
    }
    //: %1 is the host, %2 why the connection is down
    setMode(Mode::Waiting,
            tr("waiting for the connection to %1 (%2); GPU readings resume when it is back")
                .arg(placeName(), reason));
}

}  // namespace tb
