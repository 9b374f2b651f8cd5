#pragma once
// SshSession: one libssh session, living on its own worker thread; requests in, signals out.

#include "remote_command.h"
#include "ssh_result.h"
#include "ssh_target.h"
#include "transfer_types.h"

#include <QObject>

class QSocketNotifier;
class QTimer;

#include <atomic>
#include <memory>

namespace tb {

// What a stream does with its command's stderr.
enum class StreamStderr { Collect, AsData };

struct SshSessionOptions {
    int timeoutSeconds = 15;
    // A keepalive and a reconnect wait this long for the server: a link that went silent is
    // seen within a keepalive interval plus this, and a reconnect attempt that met a dead link
    // gives way to the next one soon enough to catch the link as it comes back.
    int checkSeconds = 5;
    bool useAgent = true;          // tests turn it off so a developer's agent cannot interfere
    bool processSshConfig = true;  // read ~/.ssh/config as OpenSSH would
};

// Every member except requestCancel() and cancelGeneration() runs on the session's own
// thread: SshSessionThread moves it there and queues the calls. libssh sessions are not
// thread-safe, so this object is the only one that ever touches its libssh session.
class SshSession : public QObject {
    Q_OBJECT

public:
    SshSession(SshTarget target, QString hostName, SshSessionOptions options);
    ~SshSession() override;

    // Any thread. Requests stamped with an older generation stop at their next check.
    void requestCancel() { ++m_cancelGeneration; }
    quint64 cancelGeneration() const { return m_cancelGeneration.load(); }

    void setPassword(const QString& password) { m_password = password; }
    void setKeyPassphrase(const QString& passphrase) { m_passphrase = passphrase; }

    // `again`: a reconnect after a lost link, which waits only checkSeconds for each answer.
    void connectToHost(quint64 generation, bool again = false);
    // The user accepted this fingerprint: connect again, and record the key only if the
    // server still shows the same one.
    void acceptHostKey(const QString& fingerprint, quint64 generation);
    void exec(quint64 requestId, const RemoteCommand& command, quint64 generation);
    void disconnectFromHost();
    // A round trip that needs the server's answer: aliveChecked says whether the link holds.
    void checkAlive(quint64 generation);
    // A folder or file upload or download run by `engine` on this thread (remote/transfer
    // supplies it: startTransfer in transfer_session.h); progress meanwhile.
    void transfer(quint64 requestId, const tb::TransferRequest& request, tb::TransferEngine engine,
                  quint64 generation);

Q_SIGNALS:
    void hostKeyUnknown(const QString& sha256Fingerprint);
    void connectFinished(const tb::SshResult& result);
    void execFinished(quint64 requestId, const tb::ExecResult& result);
    void transferProgress(quint64 requestId, const tb::TransferProgress& progress);
    void transferFinished(quint64 requestId, const tb::TransferResult& result);
    void aliveChecked(const tb::SshResult& result);

private:
    SshResult connectAndVerify(const QString& acceptedFingerprint);
    SshResult applyOptions();
    bool setTimeout(long seconds);
    // ProxyJump: connects the jump host (its key checked like any other) and tunnels to ours.
    SshResult openJumpTunnel(const QString& acceptedFingerprint);
    SshResult connectFailure() const;
    SshResult verifyHostKey(const QString& acceptedFingerprint);
    SshResult authenticate();
    SshResult authenticateWithKeyFile(bool& passphraseNeeded);
    bool answerKeyboardInteractive();
    ExecResult runCommand(const RemoteCommand& command);
    // Whether the server still answers (a channel opened and closed, within checkSeconds):
    // empty if so, else the message saying the connection was lost.
    QString probe();

    bool cancelled() const { return m_cancelGeneration.load() != m_activeGeneration; }
    QString where() const;  // "root@example.com port 22", for messages
    QString libsshError() const;

    SshTarget m_target;
    QString m_hostName;  // the stored host's name, for remedies like `hosts forget-key NAME`
    SshSessionOptions m_options;
    // The libssh session, jump tunnel and stream channels (remote/ssh_session_handles.h):
    // behind a pointer so that code outside the SSH layer never sees a libssh header.
    struct Handles;
    std::unique_ptr<Handles> m_handles;
    bool m_authenticated = false;
    bool m_connectingAgain = false;  // this connect is a reconnect: short timeouts
    // Secrets stay in memory only; never logged or put in a message.
    QString m_password;
    QString m_passphrase;
    std::atomic<quint64> m_cancelGeneration{0};
    quint64 m_activeGeneration = 0;

    // Streams (ssh_session_stream.cpp): long-lived commands whose output is handed out as it
    // arrives, several open at once, read without blocking between the other requests.
public:
    // With StreamStderr::AsData the command's stderr is a second byte stream (streamErrorData)
    // instead of text kept for the failure message.
    void openStream(quint64 streamId, const tb::RemoteCommand& command,
                    tb::StreamStderr stderrUse = tb::StreamStderr::Collect);
    // Closes the channel; the command sees its stdin end. No streamFinished follows.
    void closeStream(quint64 streamId);

Q_SIGNALS:
    void streamData(quint64 streamId, const QByteArray& data);
    void streamErrorData(quint64 streamId, const QByteArray& data);  // StreamStderr::AsData
    // The command ended (exitStatus), or the stream failed (failure; the link is likely gone).
    void streamFinished(quint64 streamId, const tb::ExecResult& result);

private:
    struct OpenStream;  // in m_handles->streams
    void pumpStreams();
    bool pumpStream(quint64 streamId, OpenStream& stream);
    void failStreams(const QString& why);
    void watchStreamSocket();
    QSocketNotifier* m_streamNotifier = nullptr;
    QTimer* m_streamTimer = nullptr;  // for data libssh buffered while another request ran
};

}  // namespace tb
