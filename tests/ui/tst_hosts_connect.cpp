// The hosts dock against a real local sshd: trusting an unknown key by its fingerprint, probing
// this machine into the report panel, cancelling, the changed-key dialog with its typed
// confirmation, and uploads (the action, and a folder dropped on a host).
#include <QAction>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "remote/hosts/hosts_controller.h"
#include "tests/remote/ssh_test_support.h"
#include "ui/hosts/host_key_dialogs.h"
#include "ui/hosts/host_report_panel.h"
#include "ui/hosts/hosts_panel.h"
#include "ui/hosts/hosts_table_model.h"
#include "ui/hosts/transfer_dialog.h"

using namespace tb;
using namespace tb::test;

namespace {

constexpr int kConnectMs = 30000;
constexpr int kProbeMs = 120000;  // importing torch in each python found can be slow

}  // namespace

class TestHostsConnect : public SshdTestCase {
    Q_OBJECT

private Q_SLOTS:
    void acceptingUnknownKeyConnects();
    void probeFillsReportWithThisMachine();
    void probeCancelledWhileAskingAboutKey();
    void changedKeyNeedsTypedNameToForget();
    void uploadShowsProgressAndResult();
    void cancelledUploadSaysSo();
    void folderDroppedOnAHostIsOfferedForUpload();
    void refusedPortIsNamedInPlainWords();
    void rejectedKeyAsksForPassword();
    void cleanup();

private:
    void openPanel();
    template <typename Dialog>
    Dialog* waitForDialog();
    void acceptUnknownKey();
    QString stateText() const;
    void screenshot(QWidget& widget, const QString& name);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<HostsController> m_controller;
    std::unique_ptr<HostsPanel> m_panel;
};

void TestHostsConnect::openPanel() {
    m_home = std::make_unique<QTemporaryDir>();
    HostsControllerOptions options;
    options.connection.session = testOptions();
    options.knownHostsFile = m_home->filePath("known_hosts");
    options.checkKeychain = false;
    m_controller = std::make_unique<HostsController>(m_home->path(), options);
    HostDraft draft;
    draft.host.name = "local";
    draft.host.target = keyTarget(m_sshd, QString());
    draft.host.pricePerHour = 1.98;
    QVERIFY(m_controller->addHost(draft).ok());
    m_panel = std::make_unique<HostsPanel>(m_controller.get(), m_home->filePath("ssh_config"));
    m_panel->resize(760, 720);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    m_panel->selectHost("local");
    QCOMPARE(m_panel->currentHost(), QString("local"));
}

void TestHostsConnect::cleanup() {
    m_panel.reset();
    m_controller.reset();
    m_home.reset();
}

template <typename Dialog>
Dialog* TestHostsConnect::waitForDialog() {
    Dialog* dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] { return (dialog = m_panel->findChild<Dialog*>()) && dialog->isVisible(); },
        kConnectMs);
    return shown ? dialog : nullptr;
}

void TestHostsConnect::acceptUnknownKey() {
    auto* dialog = waitForDialog<UnknownHostKeyDialog>();
    QVERIFY2(dialog, qPrintable("no unknown-key dialog; " + m_panel->messageLabel()->text()));
    QCOMPARE(dialog->fingerprintLabel()->text(), m_sshd.hostKeyFingerprint());
    QVERIFY(dialog->windowTitle().contains("local"));
    QTest::mouseClick(dialog->acceptButton(), Qt::LeftButton);
}

QString TestHostsConnect::stateText() const {
    return m_panel->view()->model()->index(0, HostsTableModel::State).data().toString();
}

void TestHostsConnect::screenshot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("TB_SCREENSHOT_DIR");
    if (!dir.isEmpty()) widget.grab().save(dir + "/" + name);
}

void TestHostsConnect::acceptingUnknownKeyConnects() {
    openPanel();
    QVERIFY(m_panel->connectHostAction()->isEnabled());
    QVERIFY(!m_panel->disconnectHostAction()->isEnabled());
    m_panel->connectHostAction()->trigger();
    acceptUnknownKey();
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->state("local"), ConnectionState::Connected, kConnectMs);
    QCOMPARE(stateText(), QString("connected"));
    QVERIFY(!m_panel->connectHostAction()->isEnabled());
    QVERIFY(m_panel->disconnectHostAction()->isEnabled());

    // Recorded: the next connection asks nothing.
    m_panel->disconnectHostAction()->trigger();
    QTRY_COMPARE(stateText(), QString("offline"));
    m_panel->connectHostAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stateText(), QString("connected"), kConnectMs);
    QVERIFY(m_panel->findChild<UnknownHostKeyDialog*>() == nullptr);
}

void TestHostsConnect::probeFillsReportWithThisMachine() {
    openPanel();
    HostReportPanel* report = m_panel->reportPanel();
    QVERIFY(report->statusLabel()->text().contains("not been probed"));
    m_panel->probeHostAction()->trigger();
    QVERIFY(report->isProbing());
    QVERIFY(report->cancelButton()->isVisible());
    QVERIFY(!m_panel->probeHostAction()->isEnabled());
    acceptUnknownKey();
    QTRY_VERIFY_WITH_TIMEOUT(!report->isProbing(), kProbeMs);
    QVERIFY2(m_panel->messageLabel()->isHidden(), qPrintable(m_panel->messageLabel()->text()));

    const QString nproc = runTool("nproc", {}).value_or(QString()).trimmed();
    QVERIFY(nproc.toInt() > 0);
    QCOMPARE(report->valueOf("System", "CPUs"), nproc);
    QVERIFY(report->valueOf("System", "Kernel").startsWith("Linux "));
    QVERIFY(report->valueOf("System", "RAM").contains("GiB"));
    // No GPU here: the table says none and the warning stands out above the report.
    QCOMPARE(m_panel->view()->model()->index(0, HostsTableModel::Gpus).data().toString(),
             QString("none"));
    QVERIFY(report->warningsLabel()->isVisible());
    QVERIFY(report->warningsLabel()->text().contains("No GPU visible"));
    QCOMPARE(
        report->tree()->findItems("(system)", Qt::MatchContains | Qt::MatchRecursive, 0).size(), 1);
    QVERIFY(m_panel->probeHostAction()->isEnabled());
    QCOMPARE(stateText(), QString("connected"));
    // The runs root left empty is decided by the probe and kept in hosts.json.
    const QString runsRoot = m_controller->host("local")->runsRoot;
    QVERIFY2(runsRoot.endsWith("/trainbench"), qPrintable(runsRoot));
    QFile hostsFile(m_controller->hostsFile());
    QVERIFY(hostsFile.open(QIODevice::ReadOnly));
    QVERIFY(hostsFile.readAll().contains(runsRoot.toUtf8()));
    QCOMPARE(m_panel->currentHost(), QString("local"));

    // Another host added keeps this one selected and its report shown.
    HostDraft other;
    other.host.name = "westd-52979";
    other.host.target.host = "connect.westd.seetacloud.com";
    other.host.target.port = 52979;
    other.host.target.user = "root";
    other.host.pricePerHour = 2.58;
    QVERIFY(m_controller->addHost(other).ok());
    QCOMPARE(m_panel->currentHost(), QString("local"));
    QCOMPARE(report->valueOf("System", "CPUs"), nproc);
    QCOMPARE(m_panel->view()->model()->index(1, HostsTableModel::State).data().toString(),
             QString("offline"));
    screenshot(*m_panel, "hosts-panel.png");
}

void TestHostsConnect::probeCancelledWhileAskingAboutKey() {
    openPanel();
    HostReportPanel* report = m_panel->reportPanel();
    m_panel->probeHostAction()->trigger();
    auto* dialog = waitForDialog<UnknownHostKeyDialog>();
    QVERIFY(dialog);
    QVERIFY(report->isProbing());
    QTest::mouseClick(report->cancelButton(), Qt::LeftButton);
    QVERIFY(!report->isProbing());
    QVERIFY(report->statusLabel()->text().contains("cancelled"));
    QVERIFY(!m_controller->isProbing("local"));
    QCOMPARE(m_controller->state("local"), ConnectionState::Offline);
    QVERIFY(m_panel->probeHostAction()->isEnabled());
    dialog->reject();
    QCOMPARE(m_controller->state("local"), ConnectionState::Offline);
}

void TestHostsConnect::changedKeyNeedsTypedNameToForget() {
    openPanel();
    m_panel->connectHostAction()->trigger();
    acceptUnknownKey();
    QTRY_COMPARE_WITH_TIMEOUT(stateText(), QString("connected"), kConnectMs);
    m_panel->disconnectHostAction()->trigger();
    QTRY_COMPARE(stateText(), QString("offline"));

    QFile knownHosts(m_home->filePath("known_hosts"));
    QVERIFY(knownHosts.open(QIODevice::ReadOnly));
    QVERIFY(!knownHosts.readAll().trimmed().isEmpty());
    knownHosts.close();
    const QString why = m_sshd.restartWithNewHostKey();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    m_panel->connectHostAction()->trigger();
    auto* changed = waitForDialog<ChangedHostKeyDialog>();
    QVERIFY2(changed, qPrintable(m_panel->messageLabel()->text()));
    QCOMPARE(stateText(), QString("offline"));
    QVERIFY(changed->explanationLabel()->text().contains("CHANGED"));
    QVERIFY(changed->explanationLabel()->text().contains(QString::number(m_sshd.port())));
    QVERIFY(m_panel->messageLabel()->text().contains("re-created"));
    QVERIFY(!changed->forgetButton()->isEnabled());
    QTest::keyClicks(changed->confirmEdit(), "loca");
    QVERIFY(!changed->forgetButton()->isEnabled());
    QTest::keyClicks(changed->confirmEdit(), "l");
    QVERIFY(changed->forgetButton()->isEnabled());
    QTest::mouseClick(changed->forgetButton(), Qt::LeftButton);
    QTRY_VERIFY(m_panel->findChild<ChangedHostKeyDialog*>() == nullptr);
    QVERIFY(m_panel->messageLabel()->text().contains("Forgot the old key"));

    QVERIFY(knownHosts.open(QIODevice::ReadOnly));
    QVERIFY2(knownHosts.readAll().trimmed().isEmpty(), "the old key is still in known_hosts");

    // Unknown again: the new key is shown and can be accepted.
    m_panel->connectHostAction()->trigger();
    acceptUnknownKey();
    QTRY_COMPARE_WITH_TIMEOUT(stateText(), QString("connected"), kConnectMs);
}

void TestHostsConnect::uploadShowsProgressAndResult() {
    openPanel();
    QVERIFY(!m_panel->uploadAction()->isEnabled());  // offline: nothing to upload to
    m_panel->connectHostAction()->trigger();
    acceptUnknownKey();
    QTRY_COMPARE_WITH_TIMEOUT(stateText(), QString("connected"), kConnectMs);
    QVERIFY(m_panel->uploadAction()->isEnabled());

    QDir source(m_home->filePath("dataset"));
    QVERIFY(source.mkpath("images"));
    QByteArray total;
    for (int i = 0; i < 40; ++i) {
        QFile file(source.filePath(QString("images/%1.bin").arg(i)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray bytes = QByteArray::number(i).repeated(2000 + i);
        file.write(bytes);
        total += bytes;
    }
    TransferRequest request;
    request.direction = TransferDirection::Upload;
    request.localPath = source.path();
    request.remotePath = m_home->filePath("remote/dataset");  // the "remote" is this machine
    m_panel->startTransfer(request);

    auto* dialog = waitForDialog<TransferDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().contains("local"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), kProbeMs);
    QVERIFY2(dialog->resultLabel()->text().startsWith("Done"),
             qPrintable(dialog->resultLabel()->text()));
    QVERIFY(dialog->resultLabel()->text().contains("40 files"));
    QCOMPARE(dialog->progressBar()->value(), dialog->progressBar()->maximum());
    QVERIFY(!dialog->cancelButton()->isEnabled());
    QByteArray arrived;
    for (int i = 0; i < 40; ++i) {
        QFile file(m_home->filePath(QString("remote/dataset/images/%1.bin").arg(i)));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        arrived += file.readAll();
    }
    QCOMPARE(arrived, total);
    screenshot(*dialog, "hosts-transfer.png");
}

void TestHostsConnect::cancelledUploadSaysSo() {
    openPanel();
    m_panel->connectHostAction()->trigger();
    acceptUnknownKey();
    QTRY_COMPARE_WITH_TIMEOUT(stateText(), QString("connected"), kConnectMs);
    QFile big(m_home->filePath("big.bin"));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(qint64(2) << 30));  // sparse: 2 GiB that take no disk here
    big.close();

    TransferRequest request;
    request.direction = TransferDirection::Upload;
    request.localPath = big.fileName();
    request.remotePath = m_home->filePath("remote/big.bin");
    m_panel->startTransfer(request);
    auto* dialog = waitForDialog<TransferDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->cancelButton()->isEnabled());
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), kConnectMs);
    QVERIFY2(dialog->resultLabel()->text().startsWith("Cancelled"),
             qPrintable(dialog->resultLabel()->text()));
    QVERIFY(!QFile::exists(request.remotePath));
    QCOMPARE(stateText(), QString("connected"));
}

// What a file manager's drag does over the host's row: enter, move, drop. True when accepted.
static bool dropOnRow(QTableView* view, int row, const QString& path) {
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = view->visualRect(view->model()->index(row, 0)).center();
    QWidget* target = view->viewport();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &move);
    if (!move.isAccepted()) return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

void TestHostsConnect::folderDroppedOnAHostIsOfferedForUpload() {
    openPanel();
    QDir source(m_home->filePath("photos"));
    QVERIFY(source.mkpath("train"));
    QFile one(source.filePath("train/a.bin"));
    QVERIFY(one.open(QIODevice::WriteOnly));
    one.write(QByteArray(5000, 'a'));
    one.close();
    const int row = m_panel->model()->rowOf("local");
    QVERIFY(!dropOnRow(m_panel->view(), row, source.path()));  // offline: nowhere to go

    m_panel->connectHostAction()->trigger();
    acceptUnknownKey();
    QTRY_COMPARE_WITH_TIMEOUT(stateText(), QString("connected"), kConnectMs);
    QVERIFY(!dropOnRow(m_panel->view(), row, one.fileName()));  // a file is not a folder
    QVERIFY(dropOnRow(m_panel->view(), row, source.path()));

    auto* ask = waitForDialog<QInputDialog>();
    QVERIFY(ask);
    QCOMPARE(ask->objectName(), QString("uploadTargetDialog"));
    QVERIFY2(ask->textValue().endsWith("/data/photos"), qPrintable(ask->textValue()));
    ask->setTextValue(m_home->filePath("remote/photos"));
    ask->accept();
    auto* dialog = waitForDialog<TransferDialog>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isFinished(), kProbeMs);
    QVERIFY2(dialog->resultLabel()->text().startsWith("Done"),
             qPrintable(dialog->resultLabel()->text()));
    QFile arrived(m_home->filePath("remote/photos/train/a.bin"));
    QVERIFY(arrived.open(QIODevice::ReadOnly));
    QCOMPARE(arrived.readAll(), QByteArray(5000, 'a'));
}

void TestHostsConnect::refusedPortIsNamedInPlainWords() {
    openPanel();
    HostDraft closed;
    closed.host.name = "closed";
    closed.host.target = keyTarget(m_sshd, QString());
    closed.host.target.port = freeLocalPort();  // nothing listens there
    QVERIFY(m_controller->addHost(closed).ok());
    m_panel->selectHost("closed");
    m_panel->connectHostAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->messageLabel()->isVisible(), kConnectMs);
    const QString message = m_panel->messageLabel()->text();
    QVERIFY2(message.contains(QString("127.0.0.1 port %1").arg(closed.host.target.port)),
             qPrintable(message));
    QVERIFY2(message.contains("refused"), qPrintable(message));
    QCOMPARE(m_controller->state("closed"), ConnectionState::Offline);
    QVERIFY(m_panel->connectHostAction()->isEnabled());
}

void TestHostsConnect::rejectedKeyAsksForPassword() {
    openPanel();
    const QString otherKey = m_home->filePath("other_key");
    QVERIFY(runTool("ssh-keygen", {"-q", "-t", "ed25519", "-N", "", "-f", otherKey}).has_value());
    HostDraft draft;
    draft.host = *m_controller->host("local");
    draft.host.target.identityFile = otherKey;  // a key the server does not know
    QVERIFY(m_controller->updateHost(draft).ok());
    m_panel->connectHostAction()->trigger();
    acceptUnknownKey();

    QInputDialog* prompt = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (prompt = m_panel->findChild<QInputDialog*>("passwordPrompt")) && prompt->isVisible(),
        kConnectMs);
    QVERIFY(prompt->windowTitle().contains("local"));
    QVERIFY2(prompt->labelText().contains(QString("port %1").arg(m_sshd.port())),
             qPrintable(prompt->labelText()));
    QCOMPARE(prompt->textEchoMode(), QLineEdit::Password);
    prompt->reject();
    QTRY_VERIFY(m_panel->messageLabel()->text().startsWith(
        "Not connected to local (" + m_controller->host("local")->target.user + "@127.0.0.1:"));
    QCOMPARE(m_controller->state("local"), ConnectionState::Offline);
}

QTEST_MAIN(TestHostsConnect)
#include "tst_hosts_connect.moc"
