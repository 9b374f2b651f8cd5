// SshSession: connecting, and the host-key check as a switch over ssh_session_is_known_server.

#include "ssh_session.h"
#include "ssh_session_handles.h"

#include "ssh_config_hosts.h"
#include "ssh_jump_tunnel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace tb {

namespace {

SshResult failure(SshFailure kind, const QString& message) {
    return SshResult{kind, message, {}};
}

QString fingerprintOf(ssh_session session) {
    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(session, &rawKey) != SSH_OK) return {};
    const ssh::KeyPtr key(rawKey);
    unsigned char* rawHash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &rawHash, &length) != 0)
        return {};
    const ssh::HashPtr hash(rawHash);
    // "SHA256:<base64>", the form `ssh-keygen -lf` and OpenSSH's prompt print.
    const ssh::CharPtr text(
        ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash.get(), length));
    return text ? QString::fromLatin1(text.get()) : QString();
}

// The jump host to connect first. "ProxyJump bastion" may name a Host of ~/.ssh/config, whose
// values fill what the spec leaves out. The target's key file and known_hosts serve the jump
// host too (one bastion usually knows the user's key); its password does not: it is the
// target's.
Result<SshTarget> jumpTargetFor(const SshTarget& target, bool readSshConfig) {
    auto hop = parseJumpSpec(target.jump);
    if (!hop) return hop;
    SshTarget jump = *hop;
    if (readSshConfig && sshConfigHostAliases().contains(jump.host)) {
        if (auto alias = resolveSshConfigHost(jump.host); alias.ok()) {
            if (jump.user.isEmpty()) jump.user = alias->user;
            if (!target.jump.contains(QLatin1Char(':'))) jump.port = alias->port;
            jump.host = alias->host;
            jump.identityFile = alias->identityFile;
        }
    }
    if (jump.identityFile.isEmpty()) jump.identityFile = target.identityFile;
    jump.knownHostsFile = target.knownHostsFile;
    return jump;
}

}  // namespace

SshSession::SshSession(SshTarget target, QString hostName, SshSessionOptions options)
    : m_target(std::move(target)),
      m_hostName(std::move(hostName)),
      m_options(options),
      m_handles(std::make_unique<Handles>()) {
}

SshSession::~SshSession() = default;

QString SshSession::where() const {
    const QString user = m_target.user.isEmpty() ? QString() : m_target.user + QLatin1Char('@');
    return QStringLiteral("%1%2 port %3").arg(user, m_target.host).arg(m_target.port);
}

QString SshSession::libsshError() const {
    return m_handles->session ? QString::fromUtf8(ssh_get_error(m_handles->session.get()))
                              : QString();
}

void SshSession::connectToHost(quint64 generation, bool again) {
    m_activeGeneration = generation;
    m_connectingAgain = again;
    SshResult result = connectAndVerify({});
    m_connectingAgain = false;
    // Once connected, commands and transfers get the patient timeout again.
    if (result.ok()) setTimeout(m_options.timeoutSeconds);
    Q_EMIT connectFinished(result);
}

bool SshSession::setTimeout(long seconds) {
    return m_handles->session &&
           ssh_options_set(m_handles->session.get(), SSH_OPTIONS_TIMEOUT, &seconds) == SSH_OK;
}

void SshSession::acceptHostKey(const QString& fingerprint, quint64 generation) {
    m_activeGeneration = generation;
    Q_EMIT connectFinished(connectAndVerify(fingerprint));
}

void SshSession::disconnectFromHost() {
    failStreams(
        QCoreApplication::translate("SshSession", "the connection to %1 was closed").arg(where()));
    // The session first: it closes its end of the tunnel's socket, then the tunnel stops.
    m_handles->session.reset();
    m_handles->tunnel.reset();
    m_authenticated = false;
}

SshResult SshSession::connectAndVerify(const QString& acceptedFingerprint) {
    disconnectFromHost();
    if (!m_target.jump.isEmpty()) {
        if (SshResult via = openJumpTunnel(acceptedFingerprint); !via.ok()) return via;
    }
    m_handles->session.reset(ssh_new());
    if (!m_handles->session)
        return failure(SshFailure::Protocol,
                       QCoreApplication::translate("SshSession", "libssh could not start"));
    if (SshResult set = applyOptions(); !set.ok()) return set;
    const auto cancelledResult = [] {
        return failure(SshFailure::Cancelled,
                       QCoreApplication::translate("SshSession", "cancelled"));
    };
    if (cancelled()) return cancelledResult();

    if (ssh_connect(m_handles->session.get()) != SSH_OK) {
        SshResult result = connectFailure();
        m_handles->session.reset();
        return result;
    }
    SshResult verified = verifyHostKey(acceptedFingerprint);
    if (verified.ok()) {
        const QString fingerprint = verified.fingerprint;
        verified = cancelled() ? cancelledResult() : authenticate();
        verified.fingerprint = fingerprint;
    }
    if (!verified.ok()) {
        m_handles->session.reset();
        return verified;
    }
    m_authenticated = true;
    return verified;
}

SshResult SshSession::applyOptions() {
    ssh_session s = m_handles->session.get();
    const QByteArray host = m_target.host.toUtf8();
    const unsigned int port = static_cast<unsigned int>(m_target.port);
    const long timeout = m_connectingAgain ? m_options.checkSeconds : m_options.timeoutSeconds;
    const int noMoreConfig = 0;
    // Short requests and responses (every exec, SFTP writes) must not wait for delayed ACKs.
    const int noDelay = 1;
    // ~/.ssh/config is read now, right after the host it matches against and before our own
    // values: ssh_connect would otherwise read it last and let it override the pasted port.
    bool ok = ssh_options_set(s, SSH_OPTIONS_HOST, host.constData()) == SSH_OK &&
              (!m_options.processSshConfig || ssh_options_parse_config(s, nullptr) == 0) &&
              ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &noMoreConfig) == SSH_OK &&
              ssh_options_set(s, SSH_OPTIONS_PORT, &port) == SSH_OK &&
              ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout) == SSH_OK &&
              ssh_options_set(s, SSH_OPTIONS_NODELAY, &noDelay) == SSH_OK;
    if (ok && m_handles->tunnel) {
        // libssh closes this socket with the session.
        const socket_t fd = m_handles->tunnel->targetSocket();
        ok = ssh_options_set(s, SSH_OPTIONS_FD, &fd) == SSH_OK;
    }
    if (ok && !m_target.user.isEmpty()) {
        const QByteArray user = m_target.user.toUtf8();
        ok = ssh_options_set(s, SSH_OPTIONS_USER, user.constData()) == SSH_OK;
    }
    if (ok && !m_target.knownHostsFile.isEmpty()) {
        // The override replaces ~/.ssh/known_hosts entirely, and the system-wide file too,
        // so a test sees only what it wrote.
        QDir().mkpath(QFileInfo(m_target.knownHostsFile).absolutePath());
        const QByteArray file = QFile::encodeName(m_target.knownHostsFile);
        ok = ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, file.constData()) == SSH_OK &&
             ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, file.constData()) == SSH_OK;
    }
    if (!ok)
        return failure(
            SshFailure::Protocol,
            //: %1 is the host, %2 libssh's message
            QCoreApplication::translate("SshSession", "cannot set up a connection to %1: %2")
                .arg(where(), libsshError()));
    return {};
}

SshResult SshSession::openJumpTunnel(const QString& acceptedFingerprint) {
    auto jumpTarget = jumpTargetFor(m_target, m_options.processSshConfig);
    if (!jumpTarget)
        return failure(SshFailure::Protocol,
                       where() + QStringLiteral(": ") + QString::fromStdString(jumpTarget.error()));
    SshSession jump(*jumpTarget, m_hostName, m_options);
    jump.m_passphrase = m_passphrase;
    jump.m_activeGeneration = jump.m_cancelGeneration = m_activeGeneration;
    SshResult result = jump.connectAndVerify(acceptedFingerprint);
    if (!result.ok()) {
        if (result.failure == SshFailure::HostKeyUnknown) Q_EMIT hostKeyUnknown(result.fingerprint);
        result.message = QCoreApplication::translate("SshSession", "Jump host for %1: %2")
                             .arg(where(), result.message);
        return result;
    }
    auto tunnel =
        JumpTunnel::open(std::move(jump.m_handles->session), m_target.host, m_target.port);
    if (!tunnel)
        return failure(SshFailure::Protocol,
                       QCoreApplication::translate("SshSession", "Cannot reach %1 through %2: %3")
                           .arg(where(), m_target.jump, QString::fromStdString(tunnel.error())));
    m_handles->tunnel = std::move(*tunnel);
    return {};
}

SshResult SshSession::connectFailure() const {
    const QString detail = libsshError();
    const QString lower = detail.toLower();
    if (lower.contains(QLatin1String("refused")))
        return failure(SshFailure::ConnectionRefused,
                       QCoreApplication::translate(
                           "SshSession",
                           "%1 refused the connection: nothing listens on that port. Check the "
                           "port (cloud consoles change it when an instance is re-created) and "
                           "that the instance is running.")
                           .arg(where()));
    if (lower.contains(QLatin1String("timeout")) || lower.contains(QLatin1String("timed out")))
        return failure(
            SshFailure::Timeout,
            QCoreApplication::translate(
                "SshSession",
                "No answer from %1 within %2 s. The instance may be off, or "
                "a firewall drops the connection.")
                .arg(where())
                .arg(m_connectingAgain ? m_options.checkSeconds : m_options.timeoutSeconds));
    if (lower.contains(QLatin1String("resolve")) || lower.contains(QLatin1String("unreachable")) ||
        lower.contains(QLatin1String("no route")))
        return failure(
            SshFailure::HostUnreachable,
            QCoreApplication::translate("SshSession",
                                        "Cannot reach %1 (%2). Check the host name and your "
                                        "network.")
                .arg(where(), detail));
    return failure(
        SshFailure::Protocol,
        QCoreApplication::translate("SshSession", "Cannot connect to %1: %2").arg(where(), detail));
}

SshResult SshSession::verifyHostKey(const QString& acceptedFingerprint) {
    const QString fingerprint = fingerprintOf(m_handles->session.get());
    SshResult result;
    result.fingerprint = fingerprint;
    switch (ssh_session_is_known_server(m_handles->session.get())) {
        case SSH_KNOWN_HOSTS_OK:
            return result;
        case SSH_KNOWN_HOSTS_CHANGED:
        case SSH_KNOWN_HOSTS_OTHER:
            result.failure = SshFailure::HostKeyChanged;
            if (m_hostName.isEmpty())
                //: %1 is the host, %2 the new key's fingerprint
                result.message =
                    QCoreApplication::translate(
                        "SshSession",
                        "The host key of %1 has CHANGED (it is now %2). Either the instance was "
                        "re-created (cloud providers reuse addresses and ports) or someone is "
                        "intercepting the connection. Trainbench did not log in. If you know the "
                        "instance was re-created, remove its line from known_hosts and connect "
                        "again.")
                        .arg(where(), fingerprint);
            else
                //: %1 is the host, %2 the new key's fingerprint, %3 the host's name in Trainbench
                result.message =
                    QCoreApplication::translate(
                        "SshSession",
                        "The host key of %1 has CHANGED (it is now %2). Either the instance was "
                        "re-created (cloud providers reuse addresses and ports) or someone is "
                        "intercepting the connection. Trainbench did not log in. If you know the "
                        "instance was re-created, run `trainbench hosts forget-key %3` and "
                        "connect again.")
                        .arg(where(), fingerprint, m_hostName);
            return result;
        case SSH_KNOWN_HOSTS_NOT_FOUND:
        case SSH_KNOWN_HOSTS_UNKNOWN:
            if (!fingerprint.isEmpty() && fingerprint == acceptedFingerprint) {
                if (ssh_session_update_known_hosts(m_handles->session.get()) != SSH_OK) {
                    result.failure = SshFailure::Protocol;
                    result.message = QCoreApplication::translate(
                                         "SshSession", "Cannot record the host key of %1: %2")
                                         .arg(where(), libsshError());
                }
                return result;
            }
            result.failure = SshFailure::HostKeyUnknown;
            if (acceptedFingerprint.isEmpty())
                //: %1 is the host, %2 its key's fingerprint
                result.message = QCoreApplication::translate(
                                     "SshSession",
                                     "%1 is not a known host; its key fingerprint is %2. Accept "
                                     "it only if it matches what the provider shows.")
                                     .arg(where(), fingerprint);
            else
                //: %1 is the host, %2 its key's fingerprint, %3 the fingerprint accepted before
                result.message =
                    QCoreApplication::translate(
                        "SshSession",
                        "%1 is not a known host; its key fingerprint is %2. Accept it only if it "
                        "matches what the provider shows. (It differs from the fingerprint you "
                        "accepted, %3.)")
                        .arg(where(), fingerprint, acceptedFingerprint);
            Q_EMIT hostKeyUnknown(fingerprint);
            return result;
        case SSH_KNOWN_HOSTS_ERROR:
            break;
    }
    result.failure = SshFailure::Protocol;
    result.message =
        QCoreApplication::translate("SshSession", "Cannot check the host key of %1: %2")
            .arg(where(), libsshError());
    return result;
}

}  // namespace tb
