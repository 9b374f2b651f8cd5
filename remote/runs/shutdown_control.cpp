// ShutdownControl: the three shutdown commands sent through one SshSessionThread.
#include "shutdown_control.h"

#include "remote/ssh/ssh_session_thread.h"

namespace tb {

ShutdownControl::ShutdownControl(SshSessionThread* session, QString hostName, QObject* parent)
    : QObject(parent), m_session(session), m_hostName(std::move(hostName)) {
    qRegisterMetaType<tb::ShutdownState>();
    // The session's results for everyone come through here; ours are picked by request id.
    connect(m_session->session(), &SshSession::execFinished, this,
            &ShutdownControl::onExecFinished);
}

void ShutdownControl::arm(const QString& runDir, int delaySeconds, const QString& command) {
    const QByteArray watcher = shutdownWatcherScript();
    if (watcher.isEmpty()) {
        Q_EMIT failed(Request::Arm, runDir, tr("the shutdown watcher is missing from this build"));
        return;
    }
    send(Request::Arm, runDir,
         armShutdownCommand(runDir, watcher, std::max(0, delaySeconds), command, newShutdownToken(),
                            m_pollSeconds, m_staleSeconds));
}

void ShutdownControl::cancel(const QString& runDir) {
    send(Request::Cancel, runDir, cancelShutdownCommand(runDir));
}

void ShutdownControl::readState(const QString& runDir) {
    send(Request::Read, runDir, readShutdownCommand(runDir));
}

void ShutdownControl::send(Request request, const QString& runDir, const RemoteCommand& command) {
    m_pending.insert(m_session->exec(command), Pending{request, runDir});
}

void ShutdownControl::onExecFinished(quint64 requestId, const ExecResult& result) {
    const auto found = m_pending.constFind(requestId);
    if (found == m_pending.constEnd()) return;
    const Pending pending = *found;
    m_pending.erase(found);
    const QString& where = m_hostName;
    if (!result.ok()) {
        Q_EMIT failed(pending.request, pending.runDir, result.message);
        return;
    }
    if (result.exitStatus == 3) {
        Q_EMIT failed(pending.request, pending.runDir,
                      tr("%1: no run directory %2 (or it cannot be written); check the run's "
                         "path on the box")
                          .arg(where, pending.runDir));
        return;
    }
    auto state = parseShutdownState(result.standardOutput);
    if (!state || result.exitStatus != 0) {
        const QString why = state ? QString::fromUtf8(result.standardError).trimmed()
                                  : QString::fromStdString(state.error());
        Q_EMIT failed(pending.request, pending.runDir,
                      //: %1 is the host, %2 the run's folder, %3 the exit status, %4 the reason
                      tr("%1: shutdown command for %2 failed (exit %3): %4")
                          .arg(where, pending.runDir, QString::number(result.exitStatus), why));
        return;
    }
    Q_EMIT finished(pending.request, *state);
}

}  // namespace tb
