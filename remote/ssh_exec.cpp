// SshSession::exec: one command over one channel, collecting stdout, stderr and the exit status.

#include "remote/ssh_session.h"

namespace tb {

namespace {

constexpr int kPollMs = 100;  // how soon a cancel is noticed while a command is quiet

ExecResult execFailure(SshFailure kind, const QString& message) {
    ExecResult result;
    result.failure = kind;
    result.message = message;
    return result;
}

// Reads what is already buffered on one stream without waiting; false on a broken channel.
// SSH_EOF is not an error: the command closed its output.
bool drain(ssh_channel channel, QByteArray& into, int isStderr) {
    char buffer[16384];
    int n = 0;
    while ((n = ssh_channel_read_nonblocking(channel, buffer, sizeof buffer, isStderr)) > 0)
        into.append(buffer, n);
    return n != SSH_ERROR;
}

}  // namespace

void SshSession::exec(quint64 requestId, const RemoteCommand& command, quint64 generation) {
    m_activeGeneration = generation;
    Q_EMIT execFinished(requestId, runCommand(command));
}

ExecResult SshSession::runCommand(const RemoteCommand& command) {
    if (!m_session || !m_authenticated)
        return execFailure(SshFailure::NotConnected,
                           QStringLiteral("not connected to %1; connect first").arg(where()));
    if (cancelled()) return execFailure(SshFailure::Cancelled, QStringLiteral("cancelled"));
    const auto lost = [this](const char* doing) {
        return execFailure(SshFailure::Protocol,
                           QStringLiteral("%1 on %2 failed: %3")
                               .arg(QLatin1String(doing), where(), libsshError()));
    };
    ssh::ChannelPtr channel(ssh_channel_new(m_session.get()));
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK)
        return lost("opening a channel");
    const QByteArray text = command.toString().toUtf8();
    if (ssh_channel_request_exec(channel.get(), text.constData()) != SSH_OK)
        return lost("starting a command");
    // Nothing to feed it: a command that reads stdin must see its end, not hang.
    ssh_channel_send_eof(channel.get());

    ExecResult result;
    char buffer[16384];
    while (!ssh_channel_is_eof(channel.get())) {
        if (cancelled()) return execFailure(SshFailure::Cancelled, QStringLiteral("cancelled"));
        const int n = ssh_channel_read_timeout(channel.get(), buffer, sizeof buffer, 0, kPollMs);
        if (n == SSH_ERROR) return lost("reading command output");
        if (n > 0) result.standardOutput.append(buffer, n);
        if (!drain(channel.get(), result.standardError, 1)) return lost("reading errors");
    }
    if (!drain(channel.get(), result.standardOutput, 0) ||
        !drain(channel.get(), result.standardError, 1))
        return lost("reading command output");
    result.exitStatus = ssh_channel_get_exit_status(channel.get());
    return result;
}

}  // namespace tb
