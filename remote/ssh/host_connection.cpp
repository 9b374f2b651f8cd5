// HostConnection: the state machine Offline → Connecting → Connected ⇄ Reconnecting → Offline.

#include "host_connection.h"

#include <algorithm>

namespace tb {

namespace {

// What no retry can fix: a person has to answer, or change the host's settings.
bool needsPerson(SshFailure failure) {
    switch (failure) {
        case SshFailure::HostKeyUnknown:
        case SshFailure::HostKeyChanged:
        case SshFailure::KeyPassphraseNeeded:
        case SshFailure::WrongPassword:
        case SshFailure::AuthDenied:
        case SshFailure::Cancelled:
            return true;
        default:
            return false;
    }
}

}  // namespace

QString connectionStateName(ConnectionState state) {
    switch (state) {
        case ConnectionState::Offline:
            return HostConnection::tr("offline");
        case ConnectionState::Connecting:
            return HostConnection::tr("connecting");
        case ConnectionState::Connected:
            return HostConnection::tr("connected");
        case ConnectionState::Reconnecting:
            return HostConnection::tr("reconnecting");
    }
    return {};
}

HostConnection::HostConnection(SshTarget target, QString hostName, HostConnectionOptions options,
                               QObject* parent)
    : QObject(parent),
      m_target(target),
      m_hostName(hostName),
      m_options(options),
      m_thread(std::move(target), std::move(hostName), options.session) {
    m_keepalive.setInterval(m_options.keepaliveMs);
    connect(&m_keepalive, &QTimer::timeout, this, &HostConnection::checkNow);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &HostConnection::retry);
    connect(m_thread.session(), &SshSession::connectFinished, this,
            &HostConnection::onConnectFinished);
    connect(m_thread.session(), &SshSession::aliveChecked, this, &HostConnection::onAliveChecked);
    connect(m_thread.session(), &SshSession::hostKeyUnknown, this, &HostConnection::hostKeyUnknown);
    // A command that broke mid-way is the earliest sign of a dead link; look now.
    connect(m_thread.session(), &SshSession::execFinished, this,
            [this](quint64, const ExecResult& result) {
                if (result.failure == SshFailure::Protocol) checkNow();
            });
}

HostConnection::~HostConnection() = default;

void HostConnection::setPassword(const QString& password) {
    m_thread.setPassword(password);
}

void HostConnection::setKeyPassphrase(const QString& passphrase) {
    m_thread.setKeyPassphrase(passphrase);
}

void HostConnection::connectToHost() {
    m_retryTimer.stop();
    m_attempt = 0;
    setState(ConnectionState::Connecting, tr("connecting to %1").arg(m_hostName));
    m_thread.connectToHost();
}

void HostConnection::acceptHostKey(const QString& fingerprint) {
    m_retryTimer.stop();
    m_attempt = 0;
    setState(ConnectionState::Connecting, tr("connecting to %1").arg(m_hostName));
    m_thread.acceptHostKey(fingerprint);
}

void HostConnection::disconnectFromHost() {
    m_keepalive.stop();
    m_retryTimer.stop();
    m_attempt = 0;
    m_checking = false;
    m_thread.cancel();
    m_thread.disconnectFromHost();
    setState(ConnectionState::Offline, tr("disconnected"));
}

void HostConnection::checkNow() {
    if (m_state != ConnectionState::Connected || m_checking) return;
    m_checking = true;
    m_thread.checkAlive();
}

void HostConnection::onConnectFinished(const SshResult& result) {
    // A late answer to a connect the user has since abandoned.
    if (m_state == ConnectionState::Offline) return;
    if (result.ok()) {
        m_attempt = 0;
        m_checking = false;
        m_keepalive.start();
        setState(ConnectionState::Connected, tr("connected to %1").arg(m_hostName));
        return;
    }
    if (m_state == ConnectionState::Reconnecting && !needsPerson(result.failure)) {
        m_retryTimer.start(retryDelayMs());
        //: %1 is why the connection failed, %2 the attempt's number, %3 seconds
        setState(ConnectionState::Reconnecting,
                 tr("%1; reconnect attempt %2 in %3 s")
                     .arg(result.message, QString::number(m_attempt + 1),
                          QString::number(retryDelayMs() / 1000.0)));
        return;
    }
    m_keepalive.stop();
    setState(ConnectionState::Offline, result.message);
    Q_EMIT connectFailed(result);
}

void HostConnection::onAliveChecked(const SshResult& result) {
    m_checking = false;
    if (m_state != ConnectionState::Connected) return;
    if (!result.ok()) startReconnecting(result.message);
}

void HostConnection::startReconnecting(const QString& why) {
    m_keepalive.stop();
    m_lostReason = why;
    m_attempt = 0;
    retry();
}

void HostConnection::retry() {
    if (m_options.maxAttempts > 0 && m_attempt >= m_options.maxAttempts) {
        setState(ConnectionState::Offline,
                 //: %1 is why the connection was lost (a sentence), %2 a number of attempts
                 tr("%1 Gave up after %2 reconnect attempts; connect again when the host is back.")
                     .arg(m_lostReason, QString::number(m_attempt)));
        return;
    }
    ++m_attempt;
    setState(ConnectionState::Reconnecting,
             //: %1 is why the connection was lost (a sentence), %2 the attempt's number
             tr("%1 Reconnecting (attempt %2).").arg(m_lostReason, QString::number(m_attempt)));
    m_thread.connectToHost(true);
}

int HostConnection::retryDelayMs() const {
    // 1 s, 2 s, 4 s ... for attempts 1, 2, 3 ..., capped.
    const int shift = std::clamp(m_attempt - 1, 0, 16);
    return static_cast<int>(
        std::min<qint64>(qint64(m_options.firstRetryMs) << shift, m_options.maxRetryMs));
}

void HostConnection::setState(ConnectionState state, const QString& message) {
    m_state = state;
    m_message = message;
    Q_EMIT stateChanged(state, message);
}

}  // namespace tb
