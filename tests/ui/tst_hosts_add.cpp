// The hosts dock offscreen without a server: adding a host by pasting an ssh line or picking a
// ~/.ssh/config Host, inline errors that keep the dialog open, and removing with a confirmation.
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "remote/hosts/hosts_controller.h"
#include "remote/ssh/password_vault.h"
#include "ui/hosts/add_host_dialog.h"
#include "ui/hosts/hosts_panel.h"
#include "ui/hosts/hosts_table_model.h"

using namespace tb;

class TestHostsAdd : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pastedLineAddsHostWithoutPassword();
    void badLineIsExplainedInline();
    void duplicateNameKeepsDialogOpen();
    void sshConfigHostFillsFields();
    void removeAsksFirst();
    void editKeepsNameAndSavesChanges();
    void slurmLoginNodeKeepsItsOptions();

private:
    AddHostDialog* openAddDialog();
    QString hostsJson() const;
    void screenshot(QWidget& widget, const QString& name);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<HostsController> m_controller;
    std::unique_ptr<HostsPanel> m_panel;
};

void TestHostsAdd::init() {
    m_home = std::make_unique<QTemporaryDir>();
    HostsControllerOptions options;
    options.checkKeychain = false;  // no keychain service offscreen: memory only
    options.vaultService = QStringLiteral("trainbench-test");
    m_controller = std::make_unique<HostsController>(m_home->path(), options);
    QVERIFY(m_controller->load().ok());
    m_panel = std::make_unique<HostsPanel>(m_controller.get(), m_home->filePath("ssh_config"));
    m_panel->resize(900, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestHostsAdd::cleanup() {
    m_panel.reset();
    m_controller.reset();
    m_home.reset();
}

AddHostDialog* TestHostsAdd::openAddDialog() {
    m_panel->addHostAction()->trigger();
    AddHostDialog* dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] { return (dialog = m_panel->findChild<AddHostDialog*>()) && dialog->isVisible(); });
    return shown ? dialog : nullptr;
}

QString TestHostsAdd::hostsJson() const {
    QFile file(m_controller->hostsFile());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestHostsAdd::screenshot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("TB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) widget.grab().save(dir + "/" + name);
}

void TestHostsAdd::pastedLineAddsHostWithoutPassword() {
    AddHostDialog* dialog = openAddDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->sshLineEdit(), "ssh -p 52979 root@connect.westd.seetacloud.com");
    QCOMPARE(dialog->sshLineStatus()->text(),
             QString("Understood: root@connect.westd.seetacloud.com:52979"));
    QCOMPARE(dialog->findChild<QSpinBox*>("port")->value(), 52979);
    QCOMPARE(dialog->findChild<QLineEdit*>("user")->text(), QString("root"));
    QCOMPARE(dialog->findChild<QLineEdit*>("name")->text(), QString("westd-52979"));
    QVERIFY(dialog->passwordNote()->text().contains("in memory for this session only"));
    const QString password = "pw-7f3a-never-in-a-file";
    QTest::keyClicks(dialog->findChild<QLineEdit*>("password"), password);
    dialog->findChild<QCheckBox*>("rememberPassword")->setChecked(true);
    screenshot(*dialog, "hosts-add.png");

    QTest::mouseClick(dialog->findChild<QPushButton*>("submitButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->findChild<AddHostDialog*>() == nullptr, 5000);

    QCOMPARE(m_panel->model()->rowCount(), 1);
    const QAbstractItemModel* model = m_panel->view()->model();
    QCOMPARE(model->index(0, HostsTableModel::Name).data().toString(), QString("westd-52979"));
    QCOMPARE(model->index(0, HostsTableModel::Address).data().toString(),
             QString("root@connect.westd.seetacloud.com:52979"));
    QCOMPARE(model->index(0, HostsTableModel::State).data().toString(), QString("offline"));
    QCOMPARE(m_panel->currentHost(), QString("westd-52979"));

    const QString json = hostsJson();
    QVERIFY2(json.contains("\"port\": 52979"), qPrintable(json));
    QVERIFY2(json.contains("\"origin\": \"ssh line\""), qPrintable(json));
    QVERIFY2(!json.contains(password), "the password was written to hosts.json");
    for (const QString& entry : QDir(m_home->path()).entryList(QDir::Files)) {
        QFile file(m_home->filePath(entry));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(password.toUtf8()), qPrintable(entry));
    }
    // Remembered in memory: the vault holds it for this session.
    QCOMPARE(m_controller->vault()->cached("westd-52979"), password);
}

void TestHostsAdd::badLineIsExplainedInline() {
    AddHostDialog* dialog = openAddDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->sshLineEdit(), "ssh -L 8080:localhost:80 root@box");
    QVERIFY2(dialog->sshLineStatus()->isVisible(), "no inline message for a bad line");
    QVERIFY2(dialog->sshLineStatus()->text().contains("-L"),
             qPrintable(dialog->sshLineStatus()->text()));
    QCOMPARE(dialog->findChild<QLineEdit*>("host")->text(), QString());

    QTest::mouseClick(dialog->findChild<QPushButton*>("submitButton"), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->errorLabel()->isVisible());
    QVERIFY(dialog->errorLabel()->text().contains("address"));
    QCOMPARE(m_controller->hosts().size(), 0);

    // Fixing the line clears the complaint and fills the fields.
    dialog->sshLineEdit()->clear();
    QTest::keyClicks(dialog->sshLineEdit(), "ssh -i ~/.ssh/id_gpu ubuntu@10.1.2.3");
    QCOMPARE(dialog->findChild<QLineEdit*>("host")->text(), QString("10.1.2.3"));
    QCOMPARE(dialog->findChild<QLineEdit*>("keyFile")->text(), QString("~/.ssh/id_gpu"));
    QVERIFY(dialog->sshLineStatus()->text().startsWith("Understood"));
}

void TestHostsAdd::duplicateNameKeepsDialogOpen() {
    HostDraft first;
    first.host.name = "gpu";
    first.host.target.host = "10.0.0.1";
    QVERIFY(m_controller->addHost(first).ok());

    AddHostDialog* dialog = openAddDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->sshLineEdit(), "ssh root@10.0.0.2");
    auto* name = dialog->findChild<QLineEdit*>("name");
    name->clear();
    QTest::keyClicks(name, "gpu");
    QTest::mouseClick(dialog->findChild<QPushButton*>("submitButton"), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->errorLabel()->text().contains("already exists"),
             qPrintable(dialog->errorLabel()->text()));
    QCOMPARE(dialog->findChild<QLineEdit*>("host")->text(), QString("10.0.0.2"));  // nothing lost
    QCOMPARE(m_controller->hosts().size(), 1);
    QCOMPARE(m_controller->host("gpu")->target.host, QString("10.0.0.1"));
    dialog->reject();
}

void TestHostsAdd::sshConfigHostFillsFields() {
    QFile config(m_home->filePath("ssh_config"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
        "Host lab-a100\n  HostName 10.20.30.40\n  Port 2222\n  User ubuntu\n"
        "Host *\n  ServerAliveInterval 30\n");
    config.close();

    AddHostDialog* dialog = openAddDialog();
    QVERIFY(dialog);
    auto* hosts = dialog->findChild<QComboBox*>("sshConfigHost");
    QVERIFY(hosts->isVisible());
    QCOMPARE(hosts->count(), 2);  // the prompt and lab-a100; the pattern is not offered
    hosts->setFocus();
    QTest::keyClick(hosts, Qt::Key_Down);
    QCOMPARE(hosts->currentText(), QString("lab-a100"));
    QCOMPARE(dialog->findChild<QLineEdit*>("host")->text(), QString("10.20.30.40"));
    QCOMPARE(dialog->findChild<QSpinBox*>("port")->value(), 2222);
    QCOMPARE(dialog->findChild<QLineEdit*>("user")->text(), QString("ubuntu"));
    QCOMPARE(dialog->findChild<QLineEdit*>("name")->text(), QString("lab-a100"));
}

void TestHostsAdd::removeAsksFirst() {
    HostDraft draft;
    draft.host.name = "doomed";
    draft.host.target.host = "10.0.0.9";
    QVERIFY(m_controller->addHost(draft).ok());
    m_panel->selectHost("doomed");
    QCOMPARE(m_panel->currentHost(), QString("doomed"));

    const auto askAndAnswer = [this](QMessageBox::ButtonRole role) {
        m_panel->activateWindow();  // back from the previous message box
        QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
        m_panel->view()->setFocus();
        QTest::keyClick(m_panel->view(), Qt::Key_Delete);
        QMessageBox* box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = m_panel->findChild<QMessageBox*>("confirmRemove")) && box->isVisible(), 5000);
        QVERIFY(box->text().contains("doomed"));
        for (QAbstractButton* button : box->buttons())
            if (box->buttonRole(button) == role) QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->findChild<QMessageBox*>("confirmRemove") == nullptr,
                                 5000);
    };
    askAndAnswer(QMessageBox::RejectRole);
    QCOMPARE(m_controller->hosts().size(), 1);
    askAndAnswer(QMessageBox::DestructiveRole);
    QCOMPARE(m_controller->hosts().size(), 0);
    QCOMPARE(m_panel->model()->rowCount(), 0);
    QVERIFY(!hostsJson().contains("doomed"));
}

void TestHostsAdd::editKeepsNameAndSavesChanges() {
    HostDraft draft;
    draft.host.name = "box";
    draft.host.target.host = "10.0.0.7";
    draft.host.target.knownHostsFile = m_home->filePath("known_hosts");
    QVERIFY(m_controller->addHost(draft).ok());
    m_panel->selectHost("box");
    m_panel->view()->setFocus();
    QTest::keyClick(m_panel->view(), Qt::Key_F2);
    AddHostDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_panel->findChild<AddHostDialog*>()) && dialog->isVisible());
    auto* name = dialog->findChild<QLineEdit*>("name");
    QCOMPARE(name->text(), QString("box"));
    QVERIFY(name->isReadOnly());
    auto* port = dialog->findChild<QSpinBox*>("port");
    port->setValue(2200);
    QTest::keyClicks(dialog->findChild<QLineEdit*>("python"), "/root/miniconda3/bin/python");
    QTest::mouseClick(dialog->findChild<QPushButton*>("submitButton"), Qt::LeftButton);
    QTRY_VERIFY(m_panel->findChild<AddHostDialog*>() == nullptr);

    const RemoteHost* saved = m_controller->host("box");
    QCOMPARE(saved->target.port, 2200);
    QCOMPARE(saved->python, QString("/root/miniconda3/bin/python"));
    // What the form does not show survives the edit.
    QCOMPARE(saved->target.knownHostsFile, m_home->filePath("known_hosts"));
    QCOMPARE(m_panel->view()->model()->index(0, HostsTableModel::Address).data().toString(),
             QString("10.0.0.7:2200"));
    QVERIFY(hostsJson().contains("/root/miniconda3/bin/python"));
}

// A cluster's login node: the box is ticked, a wrong option is explained without closing the
// dialog, and the options are kept with the host (what every run there is submitted with).
void TestHostsAdd::slurmLoginNodeKeepsItsOptions() {
    AddHostDialog* dialog = openAddDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->sshLineEdit(), "ssh alice@login.hpc.example.edu");
    auto* slurm = dialog->findChild<QCheckBox*>("slurm");
    auto* options = dialog->findChild<QLineEdit*>("slurmOptions");
    QVERIFY(slurm && options);
    QVERIFY(!options->isEnabled());
    QTest::mouseClick(slurm, Qt::LeftButton, {}, QPoint(8, slurm->height() / 2));
    QVERIFY(options->isEnabled());
    QTest::keyClicks(options, "partition=gpu,gpus=two");
    QTest::mouseClick(dialog->findChild<QPushButton*>("submitButton"), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->errorLabel()->text().contains("gpus"),
             qPrintable(dialog->errorLabel()->text()));
    options->clear();
    QTest::keyClicks(options, "partition=gpu,gpus=2,time=4:00:00");
    screenshot(*dialog, "hosts-add-slurm.png");
    QTest::mouseClick(dialog->findChild<QPushButton*>("submitButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->findChild<AddHostDialog*>() == nullptr, 5000);
    const RemoteHost* saved = m_controller->host(m_controller->hostNames().value(0));
    QVERIFY(saved);
    QVERIFY(saved->slurm.enabled);
    QCOMPARE(saved->slurm.partition, QString("gpu"));
    QCOMPARE(saved->slurm.gpusPerNode, 2);
    QCOMPARE(saved->slurm.timeLimit, QString("4:00:00"));
    QVERIFY2(hostsJson().contains("\"slurm\""), qPrintable(hostsJson()));
}

QTEST_MAIN(TestHostsAdd)
#include "tst_hosts_add.moc"
