// JumpTunnel: socket pair + direct-tcpip channel, joined by two libssh connectors on a thread.

#include "remote/ssh_jump_tunnel.h"

#include <QRegularExpression>

#include <sys/socket.h>
#include <unistd.h>

namespace tb {

namespace {

constexpr int kPollMs = 100;  // how soon the pump notices it should stop

struct ConnectorDeleter {
    void operator()(ssh_connector connector) const { ssh_connector_free(connector); }
};
using ConnectorPtr = std::unique_ptr<ssh_connector_struct, ConnectorDeleter>;

}  // namespace

Result<SshTarget> parseJumpSpec(const QString& spec) {
    QString rest = spec.trimmed();
    if (rest.contains(QLatin1Char(',')))
        return fail("the jump '" + spec.toStdString() +
                    "' has several hops; Trainbench goes through one jump host");
    if (rest.startsWith(QLatin1String("ssh://"))) rest = rest.mid(6);
    static const QRegularExpression form(
        QStringLiteral("^(?:([^@\\s]+)@)?(\\[[^\\]]+\\]|[^:@\\s\\[\\]]+)(?::(\\d{1,5}))?$"));
    const QRegularExpressionMatch match = form.match(rest);
    if (!match.hasMatch())
        return fail("cannot read the jump host '" + spec.toStdString() +
                    "'; write it as user@host:port");
    SshTarget target;
    target.user = match.captured(1);
    target.host = match.captured(2);
    if (target.host.startsWith(QLatin1Char('['))) target.host = target.host.mid(1).chopped(1);
    if (!match.captured(3).isEmpty()) {
        target.port = match.captured(3).toInt();
        if (target.port < 1 || target.port > 65535)
            return fail("the jump host '" + spec.toStdString() + "' has no valid port");
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
        ssh_channel_open_forward(tunnel->m_channel.get(), hostBytes.constData(), port,
                                 "127.0.0.1", 0) != SSH_OK)
        return fail(QStringLiteral("the jump host did not open a way to %1 port %2: %3 (is "
                                   "TCP forwarding allowed there?)")
                        .arg(host)
                        .arg(port)
                        .arg(QString::fromUtf8(ssh_get_error(tunnel->m_session.get())))
                        .toStdString());
    int sockets[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, sockets) != 0)
        return fail("cannot create a socket pair for the jump host");
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

void JumpTunnel::pump() {
    ssh_session session = m_session.get();
    ssh_channel channel = m_channel.get();
    ConnectorPtr toChannel(ssh_connector_new(session));
    ConnectorPtr toSocket(ssh_connector_new(session));
    ssh_event event = ssh_event_new();
    if (!toChannel || !toSocket || !event) {
        if (event) ssh_event_free(event);
        return;
    }
    ssh_connector_set_in_fd(toChannel.get(), m_pumpSocket);
    ssh_connector_set_out_channel(toChannel.get(), channel, SSH_CONNECTOR_STDINOUT);
    ssh_connector_set_in_channel(toSocket.get(), channel, SSH_CONNECTOR_STDINOUT);
    ssh_connector_set_out_fd(toSocket.get(), m_pumpSocket);
    ssh_event_add_connector(event, toChannel.get());
    ssh_event_add_connector(event, toSocket.get());
    while (!m_stop && ssh_channel_is_open(channel) && !ssh_channel_is_eof(channel)) {
        if (ssh_event_dopoll(event, kPollMs) == SSH_ERROR) break;
    }
    ssh_event_remove_connector(event, toChannel.get());
    ssh_event_remove_connector(event, toSocket.get());
    ssh_event_free(event);
    // The target session sees its socket close and reports the connection lost.
    ::shutdown(m_pumpSocket, SHUT_RDWR);
}

}  // namespace tb
