// SshSession streams: long-lived commands read without blocking, woken by the session's socket.

#include "ssh_session.h"
#include "ssh_session_handles.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace tb {

namespace {

// Data that arrived while an exec or transfer held the thread sits in libssh's buffers, where
// the socket notifier cannot see it; this much later at most it is handed out.
constexpr int kBufferedCheckMs = 200;
constexpr qsizetype kMaxErrorBytes = 16384;

ExecResult streamFailure(SshFailure kind, const QString& message) {
    ExecResult result;
    result.failure = kind;
    result.message = message;
    return result;
}

}  // namespace

void SshSession::openStream(quint64 streamId, const RemoteCommand& command,
                            StreamStderr stderrUse) {
    if (!m_handles->session || !m_authenticated) {
        Q_EMIT streamFinished(streamId,
                              streamFailure(SshFailure::NotConnected,
                                            QCoreApplication::translate(
                                                "SshSession", "not connected to %1; connect first")
                                                .arg(where())));
        return;
    }
    ssh::ChannelPtr channel(ssh_channel_new(m_handles->session.get()));
    const QByteArray text = command.shellLine().toUtf8();
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK ||
        ssh_channel_request_exec(channel.get(), text.constData()) != SSH_OK) {
        //: %1 is the host, %2 libssh's message
        const QString message =
            QCoreApplication::translate("SshSession", "starting a stream on %1 failed: %2")
                .arg(where(), libsshError());
        channel.reset();
        Q_EMIT streamFinished(streamId, streamFailure(SshFailure::Protocol, message));
        return;
    }
    // No EOF on stdin: the command may watch its stdin to learn that the stream was closed.
    OpenStream& stream = m_handles->streams[streamId];
    stream.channel = std::move(channel);
    stream.stderrUse = stderrUse;
    watchStreamSocket();
    pumpStreams();
}

void SshSession::closeStream(quint64 streamId) {
    m_handles->streams.erase(streamId);
}

void SshSession::watchStreamSocket() {
    const socket_t fd = ssh_get_fd(m_handles->session.get());
    if (m_streamNotifier && m_streamNotifier->socket() == fd) {
        m_streamNotifier->setEnabled(true);
        if (m_streamTimer && !m_streamTimer->isActive()) m_streamTimer->start(kBufferedCheckMs);
        return;
    }
    if (m_streamNotifier) {
        m_streamNotifier->setEnabled(false);
        m_streamNotifier->deleteLater();
    }
    // A line of metrics is one small packet; without this it may wait for a delayed ACK.
    const int noDelay = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &noDelay, sizeof noDelay);
    m_streamNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(m_streamNotifier, &QSocketNotifier::activated, this, &SshSession::pumpStreams);
    if (!m_streamTimer) {
        m_streamTimer = new QTimer(this);
        connect(m_streamTimer, &QTimer::timeout, this, &SshSession::pumpStreams);
        // The session is deleted from another thread once this one has stopped; timers and
        // notifiers can only be stopped from their own thread, so here, as it ends.
        connect(
            QThread::currentThread(), &QThread::finished, this,
            [this] {
                delete m_streamNotifier;
                m_streamNotifier = nullptr;
                delete m_streamTimer;
                m_streamTimer = nullptr;
            },
            Qt::DirectConnection);
    }
    if (!m_streamTimer->isActive()) m_streamTimer->start(kBufferedCheckMs);
}

void SshSession::pumpStreams() {
    // Collect the ids first: a signal's receiver may be on this thread and close a stream.
    std::vector<quint64> ids;
    for (const auto& entry : m_handles->streams) ids.push_back(entry.first);
    for (quint64 id : ids) {
        auto found = m_handles->streams.find(id);
        if (found == m_handles->streams.end()) continue;
        if (!pumpStream(id, found->second)) {
            //: %1 is the host, %2 libssh's message
            failStreams(QCoreApplication::translate(
                            "SshSession", "the connection to %1 broke while following (%2)")
                            .arg(where(), libsshError()));
            return;
        }
    }
    // With no stream left nobody reads the socket here, and the notifier is level-triggered:
    // whatever arrives next (the server's EOF, a reply meant for an exec) would wake this loop
    // again and again. It sleeps until a stream opens.
    if (m_handles->streams.empty()) {
        if (m_streamTimer) m_streamTimer->stop();
        if (m_streamNotifier) m_streamNotifier->setEnabled(false);
    }
}

// Hands out what is buffered; false when the session broke. A command that ended is reported
// and forgotten.
bool SshSession::pumpStream(quint64 streamId, OpenStream& stream) {
    ssh_channel channel = stream.channel.get();
    char buffer[32768];
    QByteArray data;
    int n = 0;
    while ((n = ssh_channel_read_nonblocking(channel, buffer, sizeof buffer, 0)) > 0)
        data.append(buffer, n);
    const bool broken = n == SSH_ERROR;
    QByteArray errorData;
    int e = 0;
    while (!broken && (e = ssh_channel_read_nonblocking(channel, buffer, sizeof buffer, 1)) > 0) {
        if (stream.stderrUse == StreamStderr::AsData)
            errorData.append(buffer, e);
        else if (stream.errors.size() < kMaxErrorBytes)
            stream.errors.append(buffer, e);
    }
    if (!data.isEmpty()) Q_EMIT streamData(streamId, data);
    if (!errorData.isEmpty()) Q_EMIT streamErrorData(streamId, errorData);
    if (broken || e == SSH_ERROR || !ssh_is_connected(m_handles->session.get())) return false;
    if (!ssh_channel_is_eof(channel)) return true;
    ExecResult result;
    result.standardError = stream.errors;
    result.exitStatus = ssh_channel_get_exit_status(channel);
    m_handles->streams.erase(streamId);
    Q_EMIT streamFinished(streamId, result);
    return true;
}

void SshSession::failStreams(const QString& why) {
    // The socket may be closed or about to be: stop watching it before anything else.
    if (m_streamNotifier) {
        // Possibly inside its own activated(): disabled now, deleted once back in the loop.
        m_streamNotifier->setEnabled(false);
        m_streamNotifier->deleteLater();
        m_streamNotifier = nullptr;
    }
    if (m_streamTimer) m_streamTimer->stop();
    std::map<quint64, OpenStream> failed;
    failed.swap(m_handles->streams);
    for (auto& [id, stream] : failed) {
        ExecResult result = streamFailure(SshFailure::Protocol, why);
        result.standardError = stream.errors;
        Q_EMIT streamFinished(id, result);
    }
    // Channels of a broken session are freed here, still before the session itself.
}

}  // namespace tb
