// SshSession::checkAlive: a keepalive that must hear back from the server to count as alive.

#include "ssh_session.h"

#include <QCoreApplication>
#include "ssh_session_handles.h"

namespace tb {

// ssh_send_ignore only writes, and a write into a link whose far end is gone can still
// succeed; opening a channel waits for the server's answer, so a closed or silent link fails
// here, within checkSeconds rather than the patient timeout of commands. The channel is closed
// at once and runs nothing. Empty when the server answered, else what was seen.
QString SshSession::probe() {
    setTimeout(m_options.checkSeconds);
    ssh::ChannelPtr channel(ssh_channel_new(m_handles->session.get()));
    const bool opened = channel && ssh_channel_open_session(channel.get()) == SSH_OK;
    setTimeout(m_options.timeoutSeconds);
    // A server that answers "no" (MaxSessions reached by our own follow channels) is alive.
    if (opened || (ssh_is_connected(m_handles->session.get()) &&
                   ssh_get_error_code(m_handles->session.get()) == SSH_REQUEST_DENIED))
        return {};
    // A silent link leaves libssh nothing to say: then say what was seen.
    const QString detail = libsshError();
    return QCoreApplication::translate("SshSession", "The connection to %1 was lost (%2).")
        .arg(where(), detail.isEmpty()
                          ? QCoreApplication::translate("SshSession", "no answer within %1 s")
                                .arg(m_options.checkSeconds)
                          : detail);
}

void SshSession::checkAlive(quint64 generation) {
    m_activeGeneration = generation;
    SshResult result;
    if (!m_handles->session || !m_authenticated) {
        result.failure = SshFailure::NotConnected;
        result.message =
            QCoreApplication::translate("SshSession", "not connected to %1").arg(where());
        Q_EMIT aliveChecked(result);
        return;
    }
    result.message = probe();
    if (!result.message.isEmpty()) {
        result.failure = SshFailure::NotConnected;
        // The session is unusable now; a reconnect starts a fresh one.
        disconnectFromHost();
    }
    Q_EMIT aliveChecked(result);
}

}  // namespace tb
