// The hosts window as a user edits a host: a remembered password stays with its login. An edit
// that changes the user (another login on the same box) drops it from the keychain, so it is
// never sent to the new login; an edit of the price alone keeps it. Against a fake KWallet on a
// private D-Bus session bus, through the real dock and dialog.
#include <QAction>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "remote/hosts/hosts_controller.h"
#include "remote/ssh/password_vault.h"
#include "tests/support/fake_keychain.h"
#include "ui/hosts/add_host_dialog.h"
#include "ui/hosts/hosts_panel.h"

using namespace tb;

namespace {

constexpr int kWaitMs = 30000;
const QString kHost = QStringLiteral("gpu");
const QString kService = QStringLiteral("trainbench-test-hosts-edit");

// What the keychain holds for the host, read by a vault of its own (nothing in its memory).
std::optional<QString> stored() {
    PasswordVault reader(kService);
    QSignalSpy checked(&reader, &PasswordVault::keychainChecked);
    reader.checkKeychain();
    if (checked.isEmpty() && !checked.wait(kWaitMs)) return QStringLiteral("<no answer>");
    QSignalSpy found(&reader, &PasswordVault::passwordFound);
    QSignalSpy missing(&reader, &PasswordVault::passwordMissing);
    reader.lookUp(kHost);
    if (!QTest::qWaitFor([&] { return !found.isEmpty() || !missing.isEmpty(); }, kWaitMs))
        return QStringLiteral("<no answer>");
    if (!found.isEmpty()) return found.first().at(1).toString();
    return std::nullopt;
}

}  // namespace

class TestHostsEditPassword : public QObject {
    Q_OBJECT

    test::FakeKeychain m_keychain;
    QString m_skipReason;
    QTemporaryDir m_dir;
    std::unique_ptr<HostsController> m_controller;
    std::unique_ptr<HostsPanel> m_panel;

    // Opens Edit host… on the host, lets `change` fill the dialog, and presses OK.
    void editInTheWindow(const std::function<void(AddHostDialog*)>& change) {
        m_panel->selectHost(kHost);
        m_panel->editHostAction()->trigger();
        AddHostDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_panel->findChild<AddHostDialog*>()) && dialog->isVisible());
        change(dialog);
        QTest::mouseClick(dialog->findChild<QPushButton*>("submitButton"), Qt::LeftButton);
        QTRY_VERIFY(!m_panel->findChild<AddHostDialog*>());  // accepted and closed
    }

    void typeInto(AddHostDialog* dialog, const char* field, const QString& text) {
        auto* edit = dialog->findChild<QLineEdit*>(field);
        QVERIFY(edit);
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void initTestCase() { m_skipReason = m_keychain.start(QStringLiteral(TB_FAKE_KWALLETD)); }

    void init() {
        if (!m_skipReason.isEmpty()) QSKIP(qPrintable(m_skipReason));
        HostsControllerOptions options;
        options.vaultService = kService;
        options.checkKeychain = true;
        options.knownHostsFile = m_dir.filePath("known_hosts");
        m_controller = std::make_unique<HostsController>(m_dir.filePath("config"), options);
        QVERIFY(m_controller->load());
        QSignalSpy checked(m_controller->vault(), &PasswordVault::keychainChecked);
        QVERIFY(checked.wait(kWaitMs));
        QVERIFY(m_controller->vault()->persistent());
        HostDraft draft;
        draft.host.name = kHost;
        draft.host.target.host = QStringLiteral("box.example");
        draft.host.target.port = 2222;
        draft.host.target.user = QStringLiteral("root");
        draft.password = QStringLiteral("s3cret");
        draft.rememberPassword = true;
        QSignalSpy kept(m_controller->vault(), &PasswordVault::passwordStored);
        QVERIFY(m_controller->addHost(draft));
        QVERIFY(kept.wait(kWaitMs));
        QCOMPARE(stored(), std::optional<QString>(QStringLiteral("s3cret")));
        m_panel = std::make_unique<HostsPanel>(m_controller.get());
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void cleanup() {
        m_panel.reset();
        if (m_controller && m_controller->host(kHost)) (void)m_controller->removeHost(kHost);
        m_controller.reset();
    }

    void anotherUserDropsTheRememberedPassword() {
        QSignalSpy forgotten(m_controller->vault(), &PasswordVault::passwordForgotten);
        editInTheWindow([&](AddHostDialog* dialog) { typeInto(dialog, "user", "ubuntu"); });
        QCOMPARE(m_controller->host(kHost)->target.user, QStringLiteral("ubuntu"));
        QVERIFY(!forgotten.isEmpty() || forgotten.wait(kWaitMs));
        QVERIFY(m_controller->vault()->cached(kHost).isEmpty());
        QCOMPARE(stored(), std::nullopt);
    }

    void aPriceEditKeepsIt() {
        editInTheWindow([&](AddHostDialog* dialog) {
            auto* price = dialog->findChild<QDoubleSpinBox*>("price");
            QVERIFY(price);
            price->setValue(1.5);
        });
        QCOMPARE(m_controller->host(kHost)->pricePerHour, 1.5);
        QCOMPARE(m_controller->host(kHost)->target.user, QStringLiteral("root"));
        QCOMPARE(stored(), std::optional<QString>(QStringLiteral("s3cret")));
    }
};

QTEST_MAIN(TestHostsEditPassword)
#include "tst_hosts_edit_password.moc"
