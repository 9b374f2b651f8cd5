// SshSession::exec: one command over one channel, collecting stdout, stderr and the exit status.

#include "ssh_session.h"
#include "ssh_session_handles.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace tb {

namespace {

constexpr int kPollMs = 100;  // how soon a cancel is noticed while a command is quiet
// What one command may send back. Our commands answer in kilobytes (a listing with its
// configs, a scan with 4 KiB tails); a box that sends more is not believed, and memory here
// is not the box's to fill.
constexpr qsizetype kMaxExecOutput = qsizetype(64) << 20;
constexpr qsizetype kMaxExecErrors = qsizetype(4) << 20;

ExecResult execFailure(SshFailure kind, const QString& message) {
    ExecResult result;
    result.failure = kind;
    result.message = message;
    return result;
}

// Reads what is already buffered on one stream without waiting, stopping once `into` holds
// more than `limit`; false on a broken channel. SSH_EOF is not an error: the command closed
// its output.
bool drain(ssh_channel channel, QByteArray& into, int isStderr, qsizetype limit) {
    char buffer[16384];
    int n = 0;
    while (into.size() <= limit &&
           (n = ssh_channel_read_nonblocking(channel, buffer, sizeof buffer, isStderr)) > 0)
        into.append(buffer, n);
    return n != SSH_ERROR;
}

QString tooMuch(const QString& where, const char* what, qsizetype limit) {
    //: %1 is the host, %2 a number of MiB, %3 the stream (stdout or stderr)
    return QCoreApplication::translate("SshSession",
                                       "a command on %1 sent more than %2 MiB on %3, far more "
                                       "than any Trainbench command answers; it was stopped and "
                                       "its output dropped. Check what runs on that box.")
        .arg(where, QString::number(limit >> 20), QLatin1String(what));
}

}  // namespace

void SshSession::exec(quint64 requestId, const RemoteCommand& command, quint64 generation) {
    m_activeGeneration = generation;
    Q_EMIT execFinished(requestId, runCommand(command));
}

ExecResult SshSession::runCommand(const RemoteCommand& command) {
    if (!m_handles->session || !m_authenticated)
        return execFailure(
            SshFailure::NotConnected,
            QCoreApplication::translate("SshSession", "not connected to %1; connect first")
                .arg(where()));
    const auto cancelledResult = [] {
        return execFailure(SshFailure::Cancelled,
                           QCoreApplication::translate("SshSession", "cancelled"));
    };
    if (cancelled()) return cancelledResult();
    // `failed` names the step and holds %1 for the host and %2 for libssh's message.
    const auto lost = [this](const QString& failed) {
        return execFailure(SshFailure::Protocol, failed.arg(where(), libsshError()));
    };
    const auto readingFailed = [] {
        //: %1 is the host, %2 libssh's message
        return QCoreApplication::translate("SshSession", "reading command output on %1 failed: %2");
    };
    ssh::ChannelPtr channel(ssh_channel_new(m_handles->session.get()));
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK)
        //: %1 is the host, %2 libssh's message
        return lost(
            QCoreApplication::translate("SshSession", "opening a channel on %1 failed: %2"));
    const QByteArray text = command.shellLine().toUtf8();
    if (ssh_channel_request_exec(channel.get(), text.constData()) != SSH_OK)
        //: %1 is the host, %2 libssh's message
        return lost(
            QCoreApplication::translate("SshSession", "starting a command on %1 failed: %2"));
    // Nothing to feed it: a command that reads stdin must see its end, not hang.
    ssh_channel_send_eof(channel.get());

    ExecResult result;
    char buffer[16384];
    // This thread serves one call at a time, so keepalives wait behind a command: a command
    // quiet for checkSeconds asks the server itself whether it is still there. A link that
    // went silent (or a server that stopped serving it) fails the command then, instead of
    // holding every later call of this host for ever; a slow command goes on.
    QElapsedTimer quiet;
    quiet.start();
    while (!ssh_channel_is_eof(channel.get())) {
        if (cancelled()) return cancelledResult();
        const qsizetype before = result.standardOutput.size() + result.standardError.size();
        const int n = ssh_channel_read_timeout(channel.get(), buffer, sizeof buffer, 0, kPollMs);
        if (n == SSH_ERROR) return lost(readingFailed());
        if (n > 0) result.standardOutput.append(buffer, n);
        if (!drain(channel.get(), result.standardError, 1, kMaxExecErrors))
            //: %1 is the host, %2 libssh's message
            return lost(
                QCoreApplication::translate("SshSession", "reading errors on %1 failed: %2"));
        if (result.standardOutput.size() + result.standardError.size() > before) {
            quiet.restart();
        } else if (quiet.hasExpired(m_options.checkSeconds * 1000)) {
            if (const QString gone = probe(); !gone.isEmpty())
                return execFailure(SshFailure::Protocol, gone);
            quiet.restart();
        }
        // Closing the channel (by its deleter) ends the command with SIGPIPE on the box.
        if (result.standardOutput.size() > kMaxExecOutput)
            return execFailure(SshFailure::Protocol, tooMuch(where(), "stdout", kMaxExecOutput));
        if (result.standardError.size() > kMaxExecErrors)
            return execFailure(SshFailure::Protocol, tooMuch(where(), "stderr", kMaxExecErrors));
    }
    if (!drain(channel.get(), result.standardOutput, 0, kMaxExecOutput) ||
        !drain(channel.get(), result.standardError, 1, kMaxExecErrors))
        return lost(readingFailed());
    if (result.standardOutput.size() > kMaxExecOutput)
        return execFailure(SshFailure::Protocol, tooMuch(where(), "stdout", kMaxExecOutput));
    if (result.standardError.size() > kMaxExecErrors)
        return execFailure(SshFailure::Protocol, tooMuch(where(), "stderr", kMaxExecErrors));
    result.exitStatus = ssh_channel_get_exit_status(channel.get());
    return result;
}

}  // namespace tb
