// AddHostDialog: the pasted line is parsed on every keystroke and fills the fields below it.

#include "add_host_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "remote/ssh/ssh_command_line.h"
#include "ui/style/tone.h"

namespace tb {

namespace {

QLineEdit* lineEdit(QWidget* parent, const char* name, const QString& placeholder,
                    const QString& tip) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(tip);
    edit->setClearButtonEnabled(true);
    return edit;
}

void setStatus(QLabel* label, const QString& text, bool good) {
    label->setText(text);
    theme::setTextTone(label, good ? theme::Tone::Success : theme::Tone::Error);
    label->setVisible(!text.isEmpty());
}

}  // namespace

AddHostDialog::AddHostDialog(const QStringList& takenNames, bool vaultPersistent, QWidget* parent)
    : QDialog(parent), m_takenNames(takenNames) {
    setWindowTitle(tr("Add host"));
    setObjectName(QStringLiteral("AddHostDialog"));
    auto* layout = new QVBoxLayout(this);

    m_sshLine = lineEdit(
        this, "sshLine", QStringLiteral("ssh -p 52979 root@connect.westd.seetacloud.com"),
        tr("Paste the ssh command your provider shows (-p, -i, -J, -l and -o are understood)"));
    m_sshLineStatus = new QLabel(this);
    m_sshLineStatus->setObjectName(QStringLiteral("sshLineStatus"));
    m_sshLineStatus->setWordWrap(true);
    m_sshLineStatus->hide();
    auto* pasteLabel = new QLabel(tr("&Paste an ssh command:"), this);
    pasteLabel->setBuddy(m_sshLine);
    layout->addWidget(pasteLabel);
    layout->addWidget(m_sshLine);
    layout->addWidget(m_sshLineStatus);

    m_configLabel = new QLabel(tr("or a &Host from ~/.ssh/config:"), this);
    m_configHosts = new QComboBox(this);
    m_configHosts->setObjectName(QStringLiteral("sshConfigHost"));
    m_configHosts->setToolTip(
        tr("HostName, Port, User, IdentityFile and ProxyJump are taken from the file"));
    m_configLabel->setBuddy(m_configHosts);
    layout->addWidget(m_configLabel);
    layout->addWidget(m_configHosts);
    m_configLabel->hide();
    m_configHosts->hide();

    auto* form = new QFormLayout;
    buildForm(form);
    layout->addLayout(form);

    m_passwordNote = new QLabel(this);
    m_passwordNote->setObjectName(QStringLiteral("passwordNote"));
    m_passwordNote->setWordWrap(true);
    m_passwordNote->setText(vaultPersistent
                                ? tr("A remembered password is stored in the system keychain.")
                                : tr("No keychain service runs here: a remembered password is kept "
                                     "in memory for this session only."));
    theme::setTextTone(m_passwordNote, theme::Tone::Muted);
    layout->addWidget(m_passwordNote);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("submitButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &AddHostDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_sshLine, &QLineEdit::textEdited, this, &AddHostDialog::onSshLineEdited);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });
    resize(560, sizeHint().height());
}

void AddHostDialog::buildForm(QFormLayout* form) {
    const QString byProbe = tr("decided by the probe");
    m_name = lineEdit(this, "name", tr("e.g. westd-52979"),
                      tr("What you call this host; also what `trainbench probe NAME` takes"));
    m_host =
        lineEdit(this, "host", tr("connect.westd.seetacloud.com"), tr("Host name or IP address"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(22);
    m_user = lineEdit(this, "user", tr("your local user name"), tr("User to log in as, e.g. root"));
    m_keyFile = lineEdit(this, "keyFile", tr("agent and default keys"),
                         tr("Private key file (-i); its passphrase is asked when needed"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    browse->setToolTip(tr("Choose a private key file"));
    connect(browse, &QPushButton::clicked, this, &AddHostDialog::browseKeyFile);
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFile);
    keyRow->addWidget(browse);
    m_jump = lineEdit(this, "jump", tr("none"),
                      tr("Jump host (-J / ProxyJump), e.g. user@bastion:2222"));
    m_runsRoot = lineEdit(this, "runsRoot", byProbe + tr(" (data disk when there is one)"),
                          tr("Folder on the host that holds this host's run directories"));
    m_python = lineEdit(this, "python", byProbe,
                        tr("Python interpreter on the host, e.g. /root/miniconda3/bin/python"));
    m_price = new QDoubleSpinBox(this);
    m_price->setObjectName(QStringLiteral("price"));
    m_price->setRange(0, 10000);
    m_price->setDecimals(2);
    m_price->setSpecialValueText(tr("unknown"));
    m_price->setSuffix(tr(" per hour"));
    m_price->setToolTip(tr("What the instance costs per hour, for the cost meter"));
    m_shutdownCommand = lineEdit(
        this, "shutdownCommand", RemoteHost{}.shutdownCommand,
        tr("What \"shut the instance down when this run ends\" runs on the host (one shell line; "
           "empty: %1)")
            .arg(RemoteHost{}.shutdownCommand));
    m_shutdownCommand->setText(RemoteHost{}.shutdownCommand);
    m_slurm = new QCheckBox(tr("Slurm &login node: submit runs with sbatch"), this);
    m_slurm->setObjectName(QStringLiteral("slurm"));
    m_slurm->setToolTip(
        tr("The host is a cluster's login node: each run becomes a Slurm job, "
           "waits in the queue and runs on a compute node"));
    m_slurmOptions = lineEdit(this, "slurmOptions", tr("partition=gpu,gpus=2,time=4:00:00"),
                              tr("sbatch defaults for this cluster: partition, gpus (per node), "
                                 "nodes, cpus, time, account; empty: the cluster's own"));
    m_slurmOptions->setEnabled(false);
    connect(m_slurm, &QCheckBox::toggled, m_slurmOptions, &QWidget::setEnabled);
    m_password = lineEdit(this, "password", tr("none (keys only)"),
                          tr("Login password; never written to any file or log"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("&Remember password"), this);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    m_remember->setToolTip(tr("Keep the password for the next connection"));

    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("H&ost:"), m_host);
    form->addRow(tr("Po&rt:"), m_port);
    form->addRow(tr("&User:"), m_user);
    auto* keyLabel = new QLabel(tr("&Key file:"), this);
    keyLabel->setBuddy(m_keyFile);
    form->addRow(keyLabel, keyRow);
    form->addRow(tr("&Jump host:"), m_jump);
    form->addRow(tr("Runs roo&t:"), m_runsRoot);
    form->addRow(tr("P&ython:"), m_python);
    form->addRow(tr("Pr&ice:"), m_price);
    form->addRow(tr("&Shutdown command:"), m_shutdownCommand);
    form->addRow(QString(), m_slurm);
    form->addRow(tr("Slurm opt&ions:"), m_slurmOptions);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(QString(), m_remember);
}

void AddHostDialog::setSshConfigHosts(const QStringList& aliases, ConfigResolver resolver) {
    m_resolver = std::move(resolver);
    m_configHosts->clear();
    m_configHosts->addItem(tr("(choose a Host)"));
    m_configHosts->addItems(aliases);
    const bool any = !aliases.isEmpty() && m_resolver;
    m_configLabel->setVisible(any);
    m_configHosts->setVisible(any);
    connect(m_configHosts, &QComboBox::activated, this, &AddHostDialog::onConfigHostChosen,
            Qt::UniqueConnection);
}

void AddHostDialog::setHost(const RemoteHost& host) {
    m_editing = true;
    m_original = host;
    m_origin = host.origin;
    setWindowTitle(tr("Edit host %1").arg(host.name));
    m_name->setText(host.name);
    m_name->setReadOnly(true);
    m_name->setToolTip(tr("A host keeps its name; remove it and add it again to rename it"));
    fillTarget(host.target);
    m_runsRoot->setText(host.runsRoot);
    m_python->setText(host.python);
    m_price->setValue(host.pricePerHour);
    m_shutdownCommand->setText(host.shutdownCommand);
    m_slurm->setChecked(host.slurm.enabled);
    if (host.slurm.enabled) m_slurmOptions->setText(slurmText(host.slurm));
    findChild<QPushButton*>(QStringLiteral("submitButton"))->setText(tr("&Save"));
}

void AddHostDialog::onSshLineEdited(const QString& line) {
    const bool empty = line.trimmed().isEmpty();
    const Result<SshTarget> parsed =
        empty ? Result<SshTarget>(fail({})) : parseSshCommandLine(line);
    if (!parsed) {
        // What an earlier (partial) line put into the fields goes with it; edits stay.
        if (m_lineTarget && formTarget() == *m_lineTarget) fillTarget(SshTarget{});
        m_lineTarget.reset();
        setStatus(m_sshLineStatus, QString::fromStdString(parsed.error()), false);
        return;
    }
    fillTarget(*parsed);
    m_lineTarget = formTarget();
    m_origin = QStringLiteral("ssh line");
    setStatus(m_sshLineStatus, tr("Understood: %1").arg(hostAddress(*parsed)), true);
}

SshTarget AddHostDialog::formTarget() const {
    SshTarget target = m_original.target;
    target.host = m_host->text().trimmed();
    target.port = m_port->value();
    target.user = m_user->text().trimmed();
    target.identityFile = m_keyFile->text().trimmed();
    target.jump = m_jump->text().trimmed();
    return target;
}

void AddHostDialog::onConfigHostChosen(int index) {
    if (index <= 0 || !m_resolver) return;
    const QString alias = m_configHosts->itemText(index);
    const Result<SshTarget> target = m_resolver(alias);
    if (!target) {
        showError(QString::fromStdString(target.error()));
        return;
    }
    fillTarget(*target);
    m_origin = QStringLiteral("ssh config ") + alias;
    if (!m_editing && !m_nameTouched && HostStore::checkName(alias).ok() &&
        !m_takenNames.contains(alias))
        m_name->setText(alias);
}

void AddHostDialog::fillTarget(const SshTarget& target) {
    m_host->setText(target.host);
    m_port->setValue(target.port);
    m_user->setText(target.user);
    m_keyFile->setText(target.identityFile);
    m_jump->setText(target.jump);
    if (!m_editing && !m_nameTouched)
        m_name->setText(target.host.isEmpty() ? QString() : suggestHostName(target, m_takenNames));
}

void AddHostDialog::browseKeyFile() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Private key file"),
                                                      QDir::homePath() + QStringLiteral("/.ssh"));
    if (!file.isEmpty()) m_keyFile->setText(file);
}

HostDraft AddHostDialog::draft() const {
    HostDraft draft;
    draft.host = m_original;
    draft.host.name = m_name->text().trimmed();
    draft.host.target = formTarget();
    draft.host.origin = m_origin;
    draft.host.runsRoot = m_runsRoot->text().trimmed();
    draft.host.python = m_python->text().trimmed();
    draft.host.pricePerHour = m_price->value();
    const QString shutdown = m_shutdownCommand->text().trimmed();
    draft.host.shutdownCommand = shutdown.isEmpty() ? RemoteHost{}.shutdownCommand : shutdown;
    if (m_slurm->isChecked()) {
        if (auto slurm = parseSlurmOptions(m_slurmOptions->text())) draft.host.slurm = *slurm;
    } else {
        draft.host.slurm = SlurmOptions{};
    }
    draft.password = m_password->text();
    draft.rememberPassword = m_remember->isChecked() && !draft.password.isEmpty();
    return draft;
}

void AddHostDialog::showError(const QString& message) {
    m_error->setText(message);
    theme::setTextTone(m_error, theme::Tone::Error);
    m_error->setVisible(!message.isEmpty());
}

void AddHostDialog::submit() {
    const HostDraft current = draft();
    if (current.host.target.host.isEmpty()) {
        showError(tr("Paste an ssh command or type the host's address."));
        m_sshLine->setFocus();
        return;
    }
    if (const Result<void> name = HostStore::checkName(current.host.name); !name) {
        showError(QString::fromStdString(name.error()));
        m_name->setFocus();
        return;
    }
    if (current.host.shutdownCommand.contains(QLatin1Char('\n'))) {
        showError(tr("The shutdown command is one shell line; join the lines with ';' or '&&'."));
        m_shutdownCommand->setFocus();
        return;
    }
    if (m_slurm->isChecked()) {
        if (auto slurm = parseSlurmOptions(m_slurmOptions->text()); !slurm) {
            showError(QString::fromStdString(slurm.error()));
            m_slurmOptions->setFocus();
            return;
        }
    }
    showError({});
    Q_EMIT submitted(current);
}

}  // namespace tb
