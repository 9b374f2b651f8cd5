// CodeSyncStep: the host's shared connection carries the sync (remote/sync's engine), the
// transfer dialog shows it, and the launch waits for it.

#include "code_sync_step.h"

#include <QMessageBox>

#include "remote/hosts/hosts_controller.h"
#include "remote/ssh/host_connection.h"
#include "remote/sync/code_record.h"
#include "remote/sync/folder_sync.h"
#include "ui/hosts/transfer_dialog.h"

namespace tb {

CodeSyncStep::CodeSyncStep(HostsController* hosts, QString host, QString folder,
                           LaunchRequest request, QWidget* dialogParent)
    : QObject(dialogParent),
      m_hosts(hosts),
      m_host(std::move(host)),
      m_folder(std::move(folder)),
      m_request(std::move(request)),
      m_dialogParent(dialogParent) {
}

void CodeSyncStep::start() {
    HostConnection* connection = m_hosts->connection(m_host);
    if (!connection) return giveUp(tr("Host %1 is not in the hosts list").arg(m_host));
    const SshSession* session = connection->session()->session();
    connect(session, &SshSession::transferProgress, this,
            [this](quint64 id, const TransferProgress& progress) {
                if (id == m_transferId && m_dialog) m_dialog->showProgress(progress);
            });
    connect(session, &SshSession::transferFinished, this,
            [this](quint64 id, const TransferResult& result) {
                if (id == m_transferId) finish(result, m_sending);
            });
    connect(m_hosts, &HostsController::failed, this,
            [this](const QString& name, const QString& why) {
                if (name == m_host && m_transferId == 0) giveUp(why);
            });
    if (connection->state() == ConnectionState::Connected) return send(false);
    connect(connection, &HostConnection::stateChanged, this, [this](ConnectionState state) {
        if (state == ConnectionState::Connected && m_transferId == 0) send(false);
    });
    m_hosts->connectHost(m_host);
}

void CodeSyncStep::send(bool confirmed) {
    TransferRequest request;
    request.direction = TransferDirection::Upload;
    request.localPath = m_folder;
    request.remotePath = m_request.workDir;
    m_sending = confirmed;
    if (!m_dialog) {
        m_dialog = new TransferDialog(m_host, request, m_dialogParent);
        m_dialog->setWindowTitle(tr("Sync to %1").arg(m_host));
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &TransferDialog::cancelRequested, this, [this] {
            if (HostConnection* connection = m_hosts->connection(m_host))
                connection->session()->cancel();
        });
        m_dialog->show();
    }
    m_transferId = m_hosts->connection(m_host)->session()->transfer(
        request, confirmed ? &runSyncConfirmed : &runSync);
}

void CodeSyncStep::finish(const TransferResult& result, bool confirmed) {
    if (syncHeld(result) && !confirmed) {
        const auto answer = QMessageBox::question(
            m_dialogParent, tr("Sync to %1").arg(m_host),
            tr("This sync would send a lot:\n\n%1\n\nSend anyway? Leave such folders out with a "
               ".gitignore or .trainbenchignore to keep them here.")
                .arg(result.message));
        if (answer == QMessageBox::Yes) return send(true);
        if (m_dialog) m_dialog->close();
        return giveUp(tr("Nothing was synced to %1 and the run was not started").arg(m_host));
    }
    if (!result.ok()) {
        if (m_dialog) m_dialog->showFinished(result);  // stays open with the reason
        return giveUp(tr("Sync to %1 failed: %2").arg(m_host, result.message));
    }
    if (m_dialog) m_dialog->close();
    const auto code = codeRecordOfFolder(m_folder);
    if (code) m_request.code = *code;
    Q_EMIT ready(m_host, m_request);
    deleteLater();
}

void CodeSyncStep::giveUp(const QString& message) {
    Q_EMIT failed(message);
    deleteLater();
}

}  // namespace tb
