// HostsPanel's dialogs: add/edit, remove, trust, changed key and password prompts — all
// opened window-modal with open(), so the event loop (and every other host) keeps running.

#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

#include "add_host_dialog.h"
#include "host_key_dialogs.h"
#include "hosts_panel.h"
#include "remote/hosts/hosts_controller.h"
#include "remote/ssh/password_vault.h"
#include "remote/ssh/ssh_config_hosts.h"

namespace tb {

namespace {

QString addressOf(const HostsController* controller, const QString& name) {
    const RemoteHost* host = controller->host(name);
    return host ? hostAddress(host->target) : name;
}

}  // namespace

void HostsPanel::addHost() {
    openHostDialog({});
}

void HostsPanel::editHost() {
    if (!currentHost().isEmpty()) openHostDialog(currentHost());
}

void HostsPanel::openHostDialog(const QString& editName) {
    auto* dialog =
        new AddHostDialog(m_controller->hostNames(), m_controller->vault()->persistent(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString configFile = m_sshConfigFile.isEmpty() ? defaultSshConfigFile() : m_sshConfigFile;
    dialog->setSshConfigHosts(sshConfigHostAliases(configFile), [configFile](const QString& alias) {
        return resolveSshConfigHost(alias, configFile);
    });
    if (const RemoteHost* host = m_controller->host(editName)) dialog->setHost(*host);
    connect(
        dialog, &AddHostDialog::submitted, this, [this, dialog, editName](const HostDraft& draft) {
            const Result<void> saved =
                editName.isEmpty() ? m_controller->addHost(draft) : m_controller->updateHost(draft);
            if (!saved) return dialog->showError(QString::fromStdString(saved.error()));
            dialog->accept();
            selectHost(draft.host.name);
            Q_EMIT statusMessage(
                tr("Saved host %1 in %2").arg(draft.host.name, m_controller->hostsFile()));
        });
    dialog->open();
}

void HostsPanel::confirmRemove() {
    const QString name = currentHost();
    if (name.isEmpty()) return;
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Remove host"),
        tr("Remove %1 (%2) from Trainbench?").arg(name, addressOf(m_controller, name)),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRemove"));
    box->setInformativeText(
        tr("Runs on the host stay where they are; its remembered password is forgotten."));
    QPushButton* remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, name](QAbstractButton* clicked) {
        if (clicked != remove) return;
        const Result<void> removed = m_controller->removeHost(name);
        if (!removed) return showMessage(QString::fromStdString(removed.error()), true);
        Q_EMIT statusMessage(tr("Removed host %1").arg(name));
    });
    box->open();
}

void HostsPanel::askToTrust(const QString& name, const QString& fingerprint) {
    auto* dialog = new UnknownHostKeyDialog(name, addressOf(m_controller, name), fingerprint, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, name, fingerprint](int result) {
        if (result == QDialog::Accepted) return m_controller->acceptHostKey(name, fingerprint);
        m_controller->cancelProbe(name);
        showMessage(tr("Not connected to %1 (%2): its host key was not accepted.")
                        .arg(name, addressOf(m_controller, name)),
                    false);
    });
    dialog->open();
}

void HostsPanel::explainChangedKey(const QString& name, const QString& fingerprint) {
    auto* dialog = new ChangedHostKeyDialog(name, addressOf(m_controller, name), fingerprint, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ChangedHostKeyDialog::forgetConfirmed, this, [this, name] {
        const Result<int> forgotten = m_controller->forgetHostKey(name);
        if (!forgotten) return showMessage(QString::fromStdString(forgotten.error()), true);
        showMessage(tr("Forgot the old key of %1. Connect again and compare the new fingerprint "
                       "with your provider's console.")
                        .arg(addressOf(m_controller, name)),
                    false);
    });
    dialog->open();
}

void HostsPanel::askSecret(const QString& name, const QString& message, bool passphrase) {
    auto* prompt = new QInputDialog(this);
    prompt->setObjectName(passphrase ? QStringLiteral("passphrasePrompt")
                                     : QStringLiteral("passwordPrompt"));
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowTitle(passphrase ? tr("Key passphrase — %1").arg(name)
                                      : tr("Password — %1").arg(name));
    prompt->setLabelText(message + QStringLiteral("\n\n") +
                         (passphrase ? tr("Passphrase of the key file:")
                                     : tr("Password for %1 (kept for this session only):")
                                           .arg(addressOf(m_controller, name))));
    prompt->setTextEchoMode(QLineEdit::Password);
    connect(prompt, &QInputDialog::textValueSelected, this,
            [this, name, passphrase](const QString& secret) {
                if (passphrase) return m_controller->retryWithPassphrase(name, secret);
                m_controller->retryWithPassword(name, secret);
            });
    connect(prompt, &QDialog::rejected, this, [this, name] {
        m_controller->cancelProbe(name);
        showMessage(tr("Not connected to %1 (%2).").arg(name, addressOf(m_controller, name)),
                    false);
    });
    prompt->open();
}

}  // namespace tb
