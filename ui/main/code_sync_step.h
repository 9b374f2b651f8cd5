#pragma once
// CodeSyncStep: "Sync this folder first" between the Run Script dialog and the launch — connects
// the host when needed, syncs with a progress dialog (Cancel stops it), asks when the size guard
// asks, then hands on the request with its code record for run.json. Deletes itself when done.

#include <QObject>
#include <QPointer>

#include "core/runs/backend.h"
#include "remote/ssh/transfer_types.h"

class QWidget;

namespace tb {

class HostsController;
class TransferDialog;

class CodeSyncStep : public QObject {
    Q_OBJECT

public:
    CodeSyncStep(HostsController* hosts, QString host, QString folder, LaunchRequest request,
                 QWidget* dialogParent);
    void start();

Q_SIGNALS:
    void ready(const QString& host, const tb::LaunchRequest& request);  // synced: launch it
    void failed(const QString& message);                                // nothing launched

private:
    void send(bool confirmed);
    void finish(const TransferResult& result, bool confirmed);
    void giveUp(const QString& message);

    HostsController* m_hosts;
    QString m_host;
    QString m_folder;
    LaunchRequest m_request;
    QPointer<QWidget> m_dialogParent;
    QPointer<TransferDialog> m_dialog;
    quint64 m_transferId = 0;
    bool m_sending = false;
};

}  // namespace tb
