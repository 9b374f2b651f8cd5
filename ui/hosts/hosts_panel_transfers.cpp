// HostsPanel's transfers: pick what to move, then one progress dialog per transfer.

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QStyle>
#include <QTableView>

#include "host_folder_drop.h"
#include "hosts_panel.h"
#include "hosts_table_model.h"
#include "remote/hosts/hosts_controller.h"
#include "transfer_dialog.h"

namespace tb {

void HostsPanel::createTransferActions() {
    auto* drop = new HostFolderDrop(
        m_view, HostsTableModel::HostNameRole,
        [this](const QString& h) { return m_controller->state(h) == ConnectionState::Connected; });
    connect(drop, &HostFolderDrop::folderDropped, this,
            [this](const QString& host, const QString& folder) {
                selectHost(host);
                offerUpload(folder);
            });
    m_upload = new QAction(style()->standardIcon(QStyle::SP_ArrowUp), tr("&Upload…"), this);
    m_upload->setShortcut(Qt::CTRL | Qt::Key_U);
    m_upload->setToolTip(tr("Upload a folder (packed and streamed) to the host (Ctrl+U)"));
    m_download = new QAction(style()->standardIcon(QStyle::SP_ArrowDown), tr("Do&wnload…"), this);
    m_download->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_U);
    m_download->setToolTip(tr("Download a file or folder from the host (Ctrl+Shift+U)"));
    for (QAction* action : {m_upload, m_download}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        m_view->addAction(action);
    }
    connect(m_upload, &QAction::triggered, this, &HostsPanel::chooseUpload);
    connect(m_download, &QAction::triggered, this, &HostsPanel::chooseDownload);
    connect(m_controller, &HostsController::transferProgress, this,
            [this](const QString&, quint64 id, const TransferProgress& progress) {
                if (TransferDialog* dialog = m_transfers.value(id)) dialog->showProgress(progress);
            });
    connect(m_controller, &HostsController::transferFinished, this,
            [this](const QString& name, quint64 id, const TransferResult& result) {
                if (TransferDialog* dialog = m_transfers.take(id)) dialog->showFinished(result);
                Q_EMIT statusMessage(result.ok() ? tr("Transfer with %1 done").arg(name)
                                                 : result.message);
            });
}

void HostsPanel::chooseUpload() {
    const RemoteHost* host = m_controller->host(currentHost());
    if (!host) return;
    const QString local =
        QFileDialog::getExistingDirectory(this, tr("Folder to upload to %1").arg(host->name));
    if (!local.isEmpty()) offerUpload(local);
}

void HostsPanel::offerUpload(const QString& localFolder) {
    const RemoteHost* host = m_controller->host(currentHost());
    if (!host) return;
    const QString root = host->runsRoot.isEmpty() ? QStringLiteral("~/trainbench") : host->runsRoot;
    auto* ask = new QInputDialog(this);
    ask->setObjectName(QStringLiteral("uploadTargetDialog"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Upload to %1").arg(host->name));
    ask->setLabelText(tr("Folder on %1 that will hold the files:").arg(host->name));
    ask->setTextValue(root + QStringLiteral("/data/") + QFileInfo(localFolder).fileName());
    connect(ask, &QInputDialog::textValueSelected, this, [this, localFolder](const QString& to) {
        if (to.trimmed().isEmpty()) return;
        TransferRequest request;
        request.direction = TransferDirection::Upload;
        request.localPath = localFolder;
        request.remotePath = to.trimmed();
        startTransfer(request);
    });
    ask->open();
}

void HostsPanel::chooseDownload() {
    const RemoteHost* host = m_controller->host(currentHost());
    if (!host) return;
    bool ok = false;
    const QString remote = QInputDialog::getText(this, tr("Download from %1").arg(host->name),
                                                 tr("File or folder on %1:").arg(host->name),
                                                 QLineEdit::Normal, QString(), &ok);
    if (!ok || remote.trimmed().isEmpty()) return;
    const QString local = QFileDialog::getExistingDirectory(
        this, tr("Local folder to download into"), QDir::homePath());
    if (local.isEmpty()) return;
    TransferRequest request;
    request.direction = TransferDirection::Download;
    request.remotePath = remote.trimmed();
    request.localPath = local;
    startTransfer(request);
}

void HostsPanel::startTransfer(const TransferRequest& request) {
    const QString name = currentHost();
    const Result<quint64> id = m_controller->startTransfer(name, request);
    if (!id) return showMessage(QString::fromStdString(id.error()), true);
    auto* dialog = new TransferDialog(name, request, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TransferDialog::cancelRequested, this,
            [this, name] { m_controller->cancelTransfers(name); });
    m_transfers.insert(*id, dialog);
    dialog->show();
}

}  // namespace tb
