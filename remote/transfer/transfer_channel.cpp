// TransferChannel: blocking writes and reads with a short poll, so that a cancel is seen soon.

#include "transfer_channel.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstring>

namespace tb {

namespace {

constexpr int kPollMs = 100;
constexpr qint64 kStopWaitMs = 10000;

struct Transfer {
    Q_DECLARE_TR_FUNCTIONS(Transfer)
};

}  // namespace

TransferResult TransferChannel::lost(const QString& doing) {
    m_failure = transferFailure(
        SshFailure::Protocol,
        //: %1 is what was being done ("sending data"), %2 the host, %3 libssh's error
        Transfer::tr("%1 on %2 failed: %3").arg(doing, m_context.where, m_context.libsshError()));
    return m_failure;
}

TransferResult TransferChannel::start(const RemoteCommand& command) {
    m_channel.reset(ssh_channel_new(m_context.session));
    if (!m_channel || ssh_channel_open_session(m_channel.get()) != SSH_OK)
        return lost(Transfer::tr("opening a channel"));
    const QByteArray text = command.shellLine().toUtf8();
    if (ssh_channel_request_exec(m_channel.get(), text.constData()) != SSH_OK)
        return lost(Transfer::tr("starting a command"));
    return {};
}

void TransferChannel::drainStderr() {
    char buffer[4096];
    int n = 0;
    while ((n = ssh_channel_read_nonblocking(m_channel.get(), buffer, sizeof buffer, 1)) > 0)
        m_stderr.append(buffer, n);
}

TransferResult TransferChannel::write(const char* data, qint64 size) {
    while (size > 0) {
        if (m_context.cancelled()) return m_failure = transferCancelled();
        // Blocks only while the remote window is full, which the remote command empties.
        const int chunk = static_cast<int>(qMin<qint64>(size, 1 << 20));
        const int n = ssh_channel_write(m_channel.get(), data, chunk);
        if (n < 0 || ssh_channel_is_closed(m_channel.get()))
            return lost(Transfer::tr("sending data"));
        data += n;
        size -= n;
    }
    drainStderr();
    return {};
}

void TransferChannel::setReceiveWindow(qint64 bytes) {
    m_stage.resize(static_cast<int>(qBound<qint64>(0, bytes, kMaxReceiveWindow)));
    m_stagedAt = m_stagedEnd = 0;
}

qint64 TransferChannel::read(char* data, qint64 size) {
    if (m_stage.isEmpty()) return receive(data, size);
    // Received a window's worth at a time (see receive()), handed out in the sizes asked for.
    if (m_stagedAt == m_stagedEnd) {
        const qint64 n = receive(m_stage.data(), m_stage.size());
        if (n <= 0) return n;
        m_stagedAt = 0;
        m_stagedEnd = n;
    }
    const qint64 n = qMin(size, m_stagedEnd - m_stagedAt);
    std::memcpy(data, m_stage.constData() + m_stagedAt, static_cast<size_t>(n));
    m_stagedAt += n;
    return n;
}

qint64 TransferChannel::receive(char* data, qint64 size) {
    // libssh 0.10 grows the channel's receive window to the size asked of it when the window
    // and what is buffered hold less, and otherwise tops it up only to 1.28 MB once it is half
    // used: one 1.28 MB window per round trip is 6 MB/s at 200 ms. So a big buffer asks for
    // all of itself, but only after a quarter of it arrived since it last did, because every
    // such ask sends a WINDOW_ADJUST.
    const qint64 window = qMin<qint64>(size, kMaxReceiveWindow);
    int chunk = static_cast<int>(qMin<qint64>(window, 1 << 20));
    if (m_sinceWindowGrown >= window / 4) {
        chunk = static_cast<int>(window);
        m_sinceWindowGrown = 0;
    }
    while (true) {
        if (m_context.cancelled()) {
            m_failure = transferCancelled();
            return -1;
        }
        const int n = ssh_channel_read_timeout(m_channel.get(), data, chunk, 0, kPollMs);
        drainStderr();
        if (n == SSH_ERROR) {
            (void)lost(Transfer::tr("receiving data"));
            return -1;
        }
        if (n > 0) {
            m_sinceWindowGrown += n;
            return n;
        }
        if (ssh_channel_is_eof(m_channel.get())) return 0;
    }
}

TransferResult TransferChannel::finish(const QString& doing) {
    if (ssh_channel_send_eof(m_channel.get()) != SSH_OK && !ssh_channel_is_eof(m_channel.get()))
        return lost(doing);
    char buffer[16384];
    qint64 n = 0;
    while ((n = read(buffer, sizeof buffer)) > 0) m_stdout.append(buffer, static_cast<int>(n));
    if (n < 0) return m_failure;
    drainStderr();
    // The exit status may trail the EOF by a packet; this waits for it (or the close).
    const int status = ssh_channel_get_exit_status(m_channel.get());
    if (status != 0)
        return m_failure = transferFailure(SshFailure::Protocol,
                                           //: %1 is what was being done ("reading FILE"), %2 the
                                           //: host, %4 the command's error output
                                           Transfer::tr("%1 on %2 failed (exit status %3): %4")
                                               .arg(doing, m_context.where, QString::number(status),
                                                    QString::fromUtf8(m_stderr).trimmed()));
    return {};
}

void TransferChannel::stopAndWait() {
    if (!m_channel) return;
    ssh_channel channel = m_channel.get();
    ssh_channel_send_eof(channel);
    char buffer[16384];
    QElapsedTimer clock;
    clock.start();
    while (!ssh_channel_is_eof(channel) && !ssh_channel_is_closed(channel) &&
           clock.elapsed() < kStopWaitMs) {
        if (ssh_channel_read_timeout(channel, buffer, sizeof buffer, 0, kPollMs) == SSH_ERROR)
            break;
        drainStderr();
    }
    if (ssh_channel_is_eof(channel)) (void)ssh_channel_get_exit_status(channel);
    m_channel.reset();
}

}  // namespace tb
