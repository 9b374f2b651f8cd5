#pragma once
// HostsPanel: the hosts dock — table, actions, the selected host's probe report, and the dialogs.

#include <QHash>
#include <QPointer>
#include <QWidget>

#include "remote/ssh/transfer_types.h"

class QAction;
class QLabel;
class QTableView;

namespace tb {

class HostReportPanel;
class HostsController;
class HostsTableModel;
class TransferDialog;
struct ProbeResult;

class HostsPanel : public QWidget {
    Q_OBJECT

public:
    // sshConfigFile: where "a Host from ~/.ssh/config" looks; empty: ~/.ssh/config.
    explicit HostsPanel(HostsController* controller, QString sshConfigFile = {},
                        QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    HostsTableModel* model() const { return m_model; }
    HostReportPanel* reportPanel() const { return m_report; }
    QLabel* messageLabel() const { return m_message; }
    QString currentHost() const;
    void selectHost(const QString& name);

    QAction* addHostAction() const { return m_add; }
    QAction* editHostAction() const { return m_edit; }
    QAction* removeHostAction() const { return m_remove; }
    QAction* connectHostAction() const { return m_connect; }
    QAction* disconnectHostAction() const { return m_disconnect; }
    QAction* probeHostAction() const { return m_probe; }
    QAction* prepareHostAction() const { return m_prepare; }
    QAction* uploadAction() const { return m_upload; }
    QAction* downloadAction() const { return m_download; }

    // Starts a transfer on the selected (connected) host and shows its progress dialog.
    void startTransfer(const TransferRequest& request);
    // Asks (without blocking: a QInputDialog "uploadTargetDialog") where on the selected host
    // `localFolder` goes, then uploads it: after Upload… and after a folder dropped on a host.
    void offerUpload(const QString& localFolder);

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void createActions();
    void connectController();
    void updateActions();
    void showCurrentReport();
    void showMessage(const QString& message, bool error);

    void addHost();
    void editHost();
    void confirmRemove();
    void openHostDialog(const QString& editName);
    void askToTrust(const QString& name, const QString& fingerprint);
    void explainChangedKey(const QString& name, const QString& fingerprint);
    void askSecret(const QString& name, const QString& message, bool passphrase);
    void onProbeFinished(const QString& name, const ProbeResult& result);
    void prepareHost();
    void createTransferActions();
    void chooseUpload();
    void chooseDownload();

    HostsController* m_controller;
    QString m_sshConfigFile;
    QString m_selectedBeforeReset;
    HostsTableModel* m_model;
    QTableView* m_view;
    HostReportPanel* m_report;
    QLabel* m_message;
    QAction* m_add = nullptr;
    QAction* m_edit = nullptr;
    QAction* m_remove = nullptr;
    QAction* m_connect = nullptr;
    QAction* m_disconnect = nullptr;
    QAction* m_probe = nullptr;
    QAction* m_prepare = nullptr;
    QAction* m_upload = nullptr;
    QAction* m_download = nullptr;
    QHash<quint64, QPointer<TransferDialog>> m_transfers;
};

}  // namespace tb
