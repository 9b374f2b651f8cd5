#pragma once
// TransferDialog: one upload or download — bytes, speed, ETA, phase, and Cancel until it ends.

#include <QDialog>

#include "remote/ssh/transfer_types.h"

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace tb {

class TransferDialog : public QDialog {
    Q_OBJECT

public:
    TransferDialog(const QString& hostName, const TransferRequest& request,
                   QWidget* parent = nullptr);

    void showProgress(const TransferProgress& progress);
    void showFinished(const TransferResult& result);
    bool isFinished() const { return m_finished; }

    QProgressBar* progressBar() const { return m_bar; }
    QLabel* detailLabel() const { return m_detail; }
    QLabel* resultLabel() const { return m_result; }
    QPushButton* cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    QProgressBar* m_bar = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_close = nullptr;
    bool m_finished = false;
};

// "12.3 MiB", "1.2 GiB": sizes in the transfer dialog.
QString formatBytes(qint64 bytes);

}  // namespace tb
