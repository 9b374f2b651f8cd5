#pragma once
// Trust dialogs: accept an unknown host key by its fingerprint, or face a changed one.

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tb {

// The first connection to a host: shows host:port and the SHA256 fingerprint. Accepted
// means "trust this fingerprint"; Cancel (the default button) trusts nothing.
class UnknownHostKeyDialog : public QDialog {
    Q_OBJECT

public:
    UnknownHostKeyDialog(const QString& hostName, const QString& address,
                         const QString& fingerprint, QWidget* parent = nullptr);

    QString fingerprint() const { return m_fingerprint; }
    QLabel* fingerprintLabel() const { return m_fingerprintLabel; }
    QPushButton* acceptButton() const { return m_accept; }

private:
    QString m_fingerprint;
    QLabel* m_fingerprintLabel = nullptr;
    QPushButton* m_accept = nullptr;
};

// The host shows another key than the one recorded: Trainbench refused to log in. The only
// way on is to forget the old key, which needs the host's name typed to confirm.
class ChangedHostKeyDialog : public QDialog {
    Q_OBJECT

public:
    ChangedHostKeyDialog(const QString& hostName, const QString& address,
                         const QString& newFingerprint, QWidget* parent = nullptr);

    QLineEdit* confirmEdit() const { return m_confirm; }
    QPushButton* forgetButton() const { return m_forget; }
    QLabel* explanationLabel() const { return m_explanation; }

Q_SIGNALS:
    // The user typed the host's name and pressed "Forget the old key".
    void forgetConfirmed();

private:
    QString m_hostName;
    QLabel* m_explanation = nullptr;
    QLineEdit* m_confirm = nullptr;
    QPushButton* m_forget = nullptr;
};

}  // namespace tb
