#pragma once
// SshSessionThread: owns an SshSession and the QThread it lives on; the only way to talk to it.

#include "ssh_session.h"

#include <QObject>
#include <QThread>

namespace tb {

// Calls return at once; results arrive as the session's signals, connect to them through
// session(). The session object must never be called directly from another thread.
class SshSessionThread : public QObject {
    Q_OBJECT

public:
    SshSessionThread(SshTarget target, QString hostName, SshSessionOptions options = {},
                     QObject* parent = nullptr);
    // Cancels what runs, then waits for the worker (at most one libssh timeout).
    ~SshSessionThread() override;

    const SshSession* session() const { return m_session; }

    void setPassword(const QString& password);
    void setKeyPassphrase(const QString& passphrase);
    // `again`: a reconnect after a lost link (short timeouts, see SshSessionOptions).
    void connectToHost(bool again = false);
    void acceptHostKey(const QString& fingerprint);
    // Returns the id that execFinished will carry.
    quint64 exec(const RemoteCommand& command);
    // Returns the id that transferProgress and transferFinished will carry. Callers go through
    // startTransfer (remote/transfer/transfer_session.h), which supplies the engine.
    quint64 transfer(const TransferRequest& request, TransferEngine engine);
    void disconnectFromHost();
    // The session's aliveChecked answers; HostConnection sends these as keepalives.
    void checkAlive();
    // Stops every request queued or running now; later requests run normally.
    void cancel() { m_session->requestCancel(); }

private:
    template <typename Call>
    void post(Call&& call);

    QThread m_thread;
    SshSession* m_session;  // lives on m_thread; deleted here once m_thread has stopped
    quint64 m_nextRequestId = 1;

public:
    // A long-lived command; returns the id that streamData and streamFinished will carry.
    // cancel() leaves streams alone; closeStream ends one, a lost connection ends all.
    quint64 openStream(const RemoteCommand& command,
                       StreamStderr stderrUse = StreamStderr::Collect);
    void closeStream(quint64 streamId);
};

}  // namespace tb
