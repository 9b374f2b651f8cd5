#pragma once
// HostConnection: one host's session kept alive — connect, keepalives, reconnect with backoff.

#include "ssh_session_thread.h"

#include <QObject>
#include <QTimer>

namespace tb {

enum class ConnectionState { Offline, Connecting, Connected, Reconnecting };

QString connectionStateName(ConnectionState state);  // "offline", "connecting", ...

struct HostConnectionOptions {
    SshSessionOptions session;
    // A round trip on the session this often notices a dead link: with the session's
    // checkSeconds (5 s), a link that went silent reads "reconnecting" within 8 s.
    int keepaliveMs = 3000;
    // Reconnect after 0.5 s, then every 1 s: a long backoff would sleep through the moment the
    // network comes back (the laptop wakes, Wi-Fi returns), and an attempt costs one SYN.
    int firstRetryMs = 500;
    int maxRetryMs = 1000;
    // Then Offline; 0: keep trying. A laptop that slept all night still finds its runs again.
    int maxAttempts = 0;
};

// Lives on the GUI (or any event-loop) thread; the session itself runs on its own thread.
// Failures a person must answer (unknown or changed host key, wrong password, passphrase)
// never retry: they end in Offline with the message, and hostKeyUnknown / connectFailed say
// what to ask. Network failures after a successful connect retry with backoff.
class HostConnection : public QObject {
    Q_OBJECT

public:
    HostConnection(SshTarget target, QString hostName, HostConnectionOptions options = {},
                   QObject* parent = nullptr);
    ~HostConnection() override;

    ConnectionState state() const { return m_state; }
    QString message() const { return m_message; }  // what the last stateChanged said
    int attempt() const { return m_attempt; }      // reconnect attempt now, 0 when none
    QString hostName() const { return m_hostName; }
    const SshTarget& target() const { return m_target; }

    // Exec, transfers and their signals go through this thread; valid while this lives.
    SshSessionThread* session() { return &m_thread; }

    void setPassword(const QString& password);
    void setKeyPassphrase(const QString& passphrase);
    void connectToHost();
    // The user confirmed the fingerprint hostKeyUnknown showed: connect and record it.
    void acceptHostKey(const QString& fingerprint);
    // The user's choice: stops keepalives and retries, state Offline.
    void disconnectFromHost();
    // Checks the link now instead of at the next keepalive; a failed exec does it by itself.
    void checkNow();

Q_SIGNALS:
    void stateChanged(tb::ConnectionState state, const QString& message);
    void hostKeyUnknown(const QString& sha256Fingerprint);
    // A connect failed in a way no retry fixes (host key, password, passphrase, refused ...).
    void connectFailed(const tb::SshResult& result);

private:
    void onConnectFinished(const SshResult& result);
    void onAliveChecked(const SshResult& result);
    void startReconnecting(const QString& why);
    void retry();
    void setState(ConnectionState state, const QString& message);
    int retryDelayMs() const;

    SshTarget m_target;
    QString m_hostName;
    HostConnectionOptions m_options;
    SshSessionThread m_thread;
    QTimer m_keepalive;
    QTimer m_retryTimer;
    ConnectionState m_state = ConnectionState::Offline;
    QString m_message;
    QString m_lostReason;  // why the link went, kept for the Offline message after giving up
    int m_attempt = 0;
    bool m_checking = false;  // a keepalive is on its way; do not stack them
};

}  // namespace tb
