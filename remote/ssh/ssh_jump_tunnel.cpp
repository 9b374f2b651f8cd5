// JumpTunnel: socket pair + direct-tcpip channel, joined by a copying loop on its own thread.

#include "ssh_jump_tunnel.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cerrno>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/runs/fail_text.h"

namespace tb {

namespace {

// JumpTunnel's own name is taken by the class.
struct JumpHost {
    Q_DECLARE_TR_FUNCTIONS(JumpHost)
};

constexpr int kPollMs = 100;  // how soon the pump notices it should stop

bool writeAll(int fd, const char* data, int size) {
    while (size > 0) {
        // send, not write: a closed far end must give EPIPE, not kill us with SIGPIPE.
        const ssize_t n = ::send(fd, data, size_t(size), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= int(n);
    }
    return true;
}

}  // namespace

Result<SshTarget> parseJumpSpec(const QString& spec) {
    QString rest = spec.trimmed();
    if (rest.contains(QLatin1Char(',')))
        return failText(
            JumpHost::tr("the jump '%1' has several hops; Trainbench goes through one jump host")
                .arg(spec));
    if (rest.startsWith(QLatin1String("ssh://"))) rest = rest.mid(6);
    static const QRegularExpression form(
        QStringLiteral("^(?:([^@\\s]+)@)?(\\[[^\\]]+\\]|[^:@\\s\\[\\]]+)(?::(\\d{1,5}))?$"));
    const QRegularExpressionMatch match = form.match(rest);
    if (!match.hasMatch())
        return failText(
            JumpHost::tr("cannot read the jump host '%1'; write it as user@host:port").arg(spec));
    SshTarget target;
    target.user = match.captured(1);
    target.host = match.captured(2);
    if (target.host.startsWith(QLatin1Char('['))) target.host = target.host.mid(1).chopped(1);
    if (!match.captured(3).isEmpty()) {
        target.port = match.captured(3).toInt();
        if (target.port < 1 || target.port > 65535)
            return failText(JumpHost::tr("the jump host '%1' has no valid port").arg(spec));
    }
    return target;
}

Result<std::unique_ptr<JumpTunnel>> JumpTunnel::open(ssh::SessionPtr jumpSession,
                                                     const QString& host, int port) {
    std::unique_ptr<JumpTunnel> tunnel(new JumpTunnel);
    tunnel->m_session = std::move(jumpSession);
    tunnel->m_channel.reset(ssh_channel_new(tunnel->m_session.get()));
    const QByteArray hostBytes = host.toUtf8();
    if (!tunnel->m_channel ||
        ssh_channel_open_forward(tunnel->m_channel.get(), hostBytes.constData(), port, "127.0.0.1",
                                 0) != SSH_OK)
        //: %1 is the target host, %2 its port, %3 libssh's message
        return failText(JumpHost::tr("the jump host did not open a way to %1 port %2: %3 (is TCP "
                                     "forwarding allowed there?)")
                            .arg(host, QString::number(port),
                                 QString::fromUtf8(ssh_get_error(tunnel->m_session.get()))));
    int sockets[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, sockets) != 0)
        return failText(JumpHost::tr("cannot create a socket pair for the jump host"));
    tunnel->m_targetSocket = sockets[0];
    tunnel->m_pumpSocket = sockets[1];
    tunnel->m_thread = std::thread([raw = tunnel.get()] { raw->pump(); });
    return tunnel;
}

JumpTunnel::~JumpTunnel() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
    if (m_pumpSocket >= 0) ::close(m_pumpSocket);
    // m_targetSocket belongs to the target session (libssh closes it); the channel goes
    // before the session that owns it.
    m_channel.reset();
    m_session.reset();
}

// Our own loop rather than libssh's connectors: those lost data under load in 0.10 (a large
// command output stalled for good). Waits on both sockets, so neither direction polls slowly.
void JumpTunnel::pump() {
    ssh_session session = m_session.get();
    ssh_channel channel = m_channel.get();
    char buffer[32768];
    while (!m_stop) {
        // From the jump host to the target session; libssh may hold data it read earlier.
        const int got = ssh_channel_read_nonblocking(channel, buffer, sizeof buffer, 0);
        if (got == SSH_ERROR) break;
        if (got > 0 && !writeAll(m_pumpSocket, buffer, got)) break;
        if (got == 0 && ssh_channel_is_eof(channel)) break;
        // From the target session to the jump host.
        pollfd fds[2] = {{m_pumpSocket, POLLIN, 0}, {ssh_get_fd(session), POLLIN, 0}};
        const bool buffered = got > 0 || ssh_channel_poll(channel, 0) > 0;
        if (::poll(fds, 2, buffered ? 0 : kPollMs) < 0 && errno != EINTR) break;
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t n = ::read(m_pumpSocket, buffer, sizeof buffer);
            if (n <= 0) break;  // the target session closed its end
            if (ssh_channel_write(channel, buffer, uint32_t(n)) != n) break;
        }
    }
    // The target session sees its socket close and reports the connection lost.
    ::shutdown(m_pumpSocket, SHUT_RDWR);
}

}  // namespace tb
