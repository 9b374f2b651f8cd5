#pragma once
// RemoteJob: a long command on the box (a build, a package install) started detached in its own
// session with its output in DIR/job.log, followed by polling the log from a byte offset, and
// cancelled by killing its process group. The job never depends on the SSH link: a poll that
// fails is tried again, and a job already running in DIR is followed instead of started twice.

#include "remote/ssh/remote_command.h"
#include "remote/ssh/ssh_result.h"

#include <QObject>
#include <QTimer>

namespace tb {

class SshSessionThread;

class RemoteJob : public QObject {
    Q_OBJECT

public:
    explicit RemoteJob(SshSessionThread* session, QObject* parent = nullptr);

    // `command` runs as `sh -c` on the box inside dir (created); only one job runs per dir.
    void start(const QString& dir, const RemoteCommand& command);
    // Kills the job's process group on the box; finished() follows with Cancelled.
    void cancel();
    void setPollInterval(int ms) { m_poll.setInterval(ms); }
    void setMaxFailedPolls(int count) { m_maxFailedPolls = count; }
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void output(const QByteArray& bytes);  // the log's bytes, in order, each once
    // exitCode is the job's; failure/message say when it could not be started or followed.
    void finished(int exitCode, tb::SshFailure failure, const QString& message);

private:
    void onExecFinished(quint64 requestId, const ExecResult& result);
    void onStarted(const ExecResult& result);
    void onPolled(const ExecResult& result);
    void pollNow();
    void end(int exitCode, SshFailure failure, const QString& message);

    SshSessionThread* m_session;
    QTimer m_poll;
    QString m_dir;
    quint64 m_startId = 0;
    quint64 m_pollId = 0;
    qint64 m_offset = 0;
    int m_failedPolls = 0;
    int m_maxFailedPolls = 60;
    bool m_running = false;
};

}  // namespace tb
