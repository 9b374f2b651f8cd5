#pragma once
// TransferChannel: one exec channel whose stdin or stdout carries a stream of bytes.

#include "remote/ssh/ssh_handles.h"
#include "remote/ssh/transfer_context.h"

#include <QByteArray>

namespace tb {

// Opened with a command; then either write() the command's stdin or read() its stdout,
// then finish() for its exit status. Destroying it unfinished closes the channel, which
// ends the remote command: its stdin sees EOF and its stdout a broken pipe.
class TransferChannel {
public:
    explicit TransferChannel(const TransferContext& context) : m_context(context) {}

    TransferResult start(const RemoteCommand& command);
    // All of it, or a failure (Cancelled when the context says so).
    TransferResult write(const char* data, qint64 size);
    // Before reading: as many bytes as the far side may send ahead of us (at most
    // kMaxReceiveWindow), whatever size each read() asks for. A far link needs its bandwidth
    // times its round trip; without this, a read of N bytes makes the window N (at least
    // libssh's 1.28 MB).
    void setReceiveWindow(qint64 bytes);
    static constexpr qint64 kMaxReceiveWindow = 64 << 20;
    // What downloads ask for: enough for 50 MB/s at 300 ms round trip. libssh's own 1.28 MB
    // gave 0.46x scp at 100 ms.
    static constexpr qint64 kDownloadWindow = 16 << 20;
    // > 0 bytes read, 0 at the end of the command's stdout, -1 on failure (see failure()).
    qint64 read(char* data, qint64 size);
    const TransferResult& failure() const { return m_failure; }
    // Sends EOF, collects stdout (for commands that answer) and stderr, waits for the exit
    // status; a nonzero status is a failure that quotes the command's stderr.
    TransferResult finish(const QString& doing);
    void abort() { m_channel.reset(); }
    // After a cancel: sends EOF and waits (at most a few seconds) until the remote command
    // has ended, so that cleaning up after it cannot race with it still writing.
    void stopAndWait();

    const QByteArray& standardOutput() const { return m_stdout; }
    const QByteArray& standardError() const { return m_stderr; }

private:
    TransferResult lost(const QString& doing);
    qint64 receive(char* data, qint64 size);  // straight from libssh, growing its window
    void drainStderr();

    const TransferContext& m_context;
    ssh::ChannelPtr m_channel;
    TransferResult m_failure;
    qint64 m_sinceWindowGrown = 1LL << 40;  // the first read sets the window
    QByteArray m_stage;  // a window's worth received, not yet read (empty: no window set)
    qint64 m_stagedAt = 0;
    qint64 m_stagedEnd = 0;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

}  // namespace tb
