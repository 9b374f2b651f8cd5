// SshSession::transfer: lends the session to a transfer engine on this thread and reports back.

#include "ssh_session.h"
#include "ssh_session_handles.h"
#include "transfer_context.h"

#include <QCoreApplication>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace tb {

void SshSession::transfer(quint64 requestId, const TransferRequest& request, TransferEngine engine,
                          quint64 generation) {
    m_activeGeneration = generation;
    if (!m_handles->session || !m_authenticated) {
        Q_EMIT transferFinished(
            requestId, transferFailure(SshFailure::NotConnected,
                                       QCoreApplication::translate(
                                           "SshSession", "not connected to %1; connect first")
                                           .arg(where())));
        return;
    }
    // Transfers are many request/answer round trips (SFTP writes, the short commands around
    // a stream); with Nagle's algorithm each small answer waits for a delayed ACK (~40 ms).
    const int noDelay = 1;
    ::setsockopt(ssh_get_fd(m_handles->session.get()), IPPROTO_TCP, TCP_NODELAY, &noDelay,
                 sizeof noDelay);
    TransferContext context;
    context.session = m_handles->session.get();
    context.where = where();
    context.cancelled = [this] { return cancelled(); };
    context.exec = [this](const RemoteCommand& command) { return runCommand(command); };
    context.execForCleanup = [this](const RemoteCommand& command) {
        // Cleaning up must run although the request was cancelled: adopt the current
        // generation for this one command.
        const quint64 requested = m_activeGeneration;
        m_activeGeneration = m_cancelGeneration.load();
        ExecResult result = runCommand(command);
        m_activeGeneration = requested;
        return result;
    };
    context.report = [this, requestId](const TransferProgress& progress) {
        Q_EMIT transferProgress(requestId, progress);
    };
    Q_EMIT transferFinished(requestId, engine(context, request));
}

}  // namespace tb
