#pragma once
// ShutdownControl: arms, cancels and reads a run's on-box shutdown countdown over a session.

#include <QHash>
#include <QObject>

#include "remote/ssh/ssh_result.h"
#include "shutdown_commands.h"

namespace tb {

class SshSessionThread;

// Lives on the caller's thread (GUI or CLI); the commands run on the session's thread and each
// request ends in exactly one finished() or failed(). The countdown itself runs on the box, so
// it goes on while the laptop sleeps; this object only starts it, stops it and looks at it.
class ShutdownControl : public QObject {
    Q_OBJECT

public:
    enum class Request { Arm, Cancel, Read };
    Q_ENUM(Request)

    // hostName names the box in messages.
    ShutdownControl(SshSessionThread* session, QString hostName, QObject* parent = nullptr);

    // After the run in runDir ends (any final state), waits delaySeconds, then runs
    // `command` (the host's shutdownCommand) on the box. Arming again replaces the watcher.
    void arm(const QString& runDir, int delaySeconds, const QString& command);
    void cancel(const QString& runDir);
    void readState(const QString& runDir);

    // How often the watcher looks at status.json while the run goes on (tests use 1 s).
    void setPollSeconds(int seconds) { m_pollSeconds = seconds; }
    // How long a run may stay queued or starting with no process before it counts as ended.
    void setStaleSeconds(int seconds) { m_staleSeconds = seconds; }

Q_SIGNALS:
    void finished(tb::ShutdownControl::Request request, const tb::ShutdownState& state);
    // What went wrong, naming the host and the run directory.
    void failed(tb::ShutdownControl::Request request, const QString& runDir,
                const QString& message);

private:
    void send(Request request, const QString& runDir, const RemoteCommand& command);
    void onExecFinished(quint64 requestId, const ExecResult& result);

    struct Pending {
        Request request;
        QString runDir;
    };

    SshSessionThread* m_session;
    QString m_hostName;
    QHash<quint64, Pending> m_pending;
    int m_pollSeconds = 5;
    int m_staleSeconds = kDefaultStaleRunSeconds;
};

}  // namespace tb
