#pragma once
// AddHostDialog: a host from a pasted ssh line, a ~/.ssh/config Host, or by hand; plus a password.

#include <QDialog>

#include <functional>
#include <optional>

#include "core/protocol/result.h"
#include "remote/hosts/host_draft.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tb {

class AddHostDialog : public QDialog {
    Q_OBJECT

public:
    using ConfigResolver = std::function<Result<SshTarget>(const QString& alias)>;

    // takenNames: existing hosts, so a suggested name is free. vaultPersistent: whether a
    // remembered password outlives the session (the dialog says so when it does not).
    AddHostDialog(const QStringList& takenNames, bool vaultPersistent, QWidget* parent = nullptr);

    // Hosts from ~/.ssh/config to offer, and how to turn one into a target.
    void setSshConfigHosts(const QStringList& aliases, ConfigResolver resolver);
    // Edit mode: the fields show `host`, its name stays as it is.
    void setHost(const RemoteHost& host);

    HostDraft draft() const;
    // Shown inline; the dialog stays open so nothing typed is lost.
    void showError(const QString& message);

    QLineEdit* sshLineEdit() const { return m_sshLine; }
    QLabel* sshLineStatus() const { return m_sshLineStatus; }
    QLabel* errorLabel() const { return m_error; }
    QLabel* passwordNote() const { return m_passwordNote; }

Q_SIGNALS:
    // The user pressed Add/Save with fields that pass the dialog's own checks.
    void submitted(const tb::HostDraft& draft);

private:
    void buildForm(QFormLayout* form);
    void onSshLineEdited(const QString& line);
    void onConfigHostChosen(int index);
    void fillTarget(const SshTarget& target);
    SshTarget formTarget() const;
    void browseKeyFile();
    void submit();

    QStringList m_takenNames;
    bool m_editing = false;
    bool m_nameTouched = false;
    RemoteHost m_original;  // keeps what the form does not show (known_hosts override)
    ConfigResolver m_resolver;
    QString m_origin = QStringLiteral("by hand");  // "ssh line", "ssh config ALIAS"
    std::optional<SshTarget> m_lineTarget;         // what the pasted line last put into the fields

    QLineEdit* m_sshLine = nullptr;
    QLabel* m_sshLineStatus = nullptr;
    QComboBox* m_configHosts = nullptr;
    QLabel* m_configLabel = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_keyFile = nullptr;
    QLineEdit* m_jump = nullptr;
    QLineEdit* m_runsRoot = nullptr;
    QLineEdit* m_python = nullptr;
    QDoubleSpinBox* m_price = nullptr;
    QLineEdit* m_shutdownCommand = nullptr;
    QCheckBox* m_slurm = nullptr;  // a Slurm login node: runs go through sbatch
    QLineEdit* m_slurmOptions = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_remember = nullptr;
    QLabel* m_passwordNote = nullptr;
    QLabel* m_error = nullptr;
};

}  // namespace tb
