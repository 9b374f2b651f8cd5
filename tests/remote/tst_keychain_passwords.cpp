// Passwords in a keychain (a fake KWallet on a private D-Bus): `hosts rm` deletes the host's
// entry, and an edit that changes the login (address, user, port) drops the stored password.

#include "remote/ssh/password_vault.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include "cli_process.h"
#include "tests/support/fake_keychain.h"

using namespace tb;
using namespace tb::test;

namespace {

constexpr int kWaitMs = 20000;

bool checked(PasswordVault& vault) {
    QSignalSpy spy(&vault, &PasswordVault::keychainChecked);
    vault.checkKeychain();
    return (vault.checked() || spy.wait(kWaitMs)) && vault.persistent();
}

// What the keychain itself holds: a fresh vault has nothing in memory.
std::optional<QString> stored(const QString& hostName) {
    PasswordVault vault;
    if (!checked(vault)) return QStringLiteral("<no keychain>");
    QSignalSpy found(&vault, &PasswordVault::passwordFound);
    QSignalSpy missing(&vault, &PasswordVault::passwordMissing);
    vault.lookUp(hostName);
    if (!QTest::qWaitFor([&] { return !found.isEmpty() || !missing.isEmpty(); }, kWaitMs))
        return QStringLiteral("<no answer>");
    if (found.isEmpty()) return std::nullopt;
    return found.first().at(1).toString();
}

SshTarget target(const QString& host, int port, const QString& user) {
    SshTarget t;
    t.host = host;
    t.port = port;
    t.user = user;
    return t;
}

}  // namespace

class TestKeychainPasswords : public QObject {
    Q_OBJECT

    FakeKeychain m_keychain;
    QTemporaryDir m_home;
    QString m_skipReason;

    CliRun hosts(const QStringList& arguments, const QByteArray& input = {}) {
        return runCli(QStringLiteral(TB_CLI_HARNESS),
                      QStringList{QStringLiteral("hosts")} + arguments,
                      cliEnvironment(m_home.path()), input, 60000);
    }

private Q_SLOTS:
    void initTestCase() { m_skipReason = m_keychain.start(QStringLiteral(TB_FAKE_KWALLETD)); }
    void init() {
        if (!m_skipReason.isEmpty()) QSKIP(qPrintable(m_skipReason));
    }

    void removingAHostDeletesItsPassword() {
        const CliRun added = hosts(
            {QStringLiteral("add"), QStringLiteral("gpu"),
             QStringLiteral("ssh -p 2222 root@box.example"), QStringLiteral("--password-stdin")},
            "s3cret\n");
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY2(added.out.contains(QLatin1String("password kept in the keychain")),
                 qPrintable(added.out + added.err));
        QCOMPARE(stored(QStringLiteral("gpu")), std::optional<QString>(QStringLiteral("s3cret")));

        const CliRun removed = hosts({QStringLiteral("rm"), QStringLiteral("gpu")});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QCOMPARE(stored(QStringLiteral("gpu")), std::nullopt);
    }

    void anotherLoginDropsThePassword() {
        const SshTarget before =
            target(QStringLiteral("box.example"), 2222, QStringLiteral("root"));
        SshTarget newKey = before;
        newKey.identityFile = QStringLiteral("/keys/other");
        const QList<SshTarget> otherLogins = {
            target(QStringLiteral("other.example"), 2222, QStringLiteral("root")),
            target(QStringLiteral("box.example"), 2200, QStringLiteral("root")),
            target(QStringLiteral("box.example"), 2222, QStringLiteral("ubuntu"))};
        for (const SshTarget& after : otherLogins) {
            PasswordVault vault;
            QVERIFY(checked(vault));
            QSignalSpy kept(&vault, &PasswordVault::passwordStored);
            vault.remember(QStringLiteral("edited"), QStringLiteral("old-login"));
            QVERIFY(kept.wait(kWaitMs));

            // Another key for the same login keeps the password.
            QVERIFY(!vault.forgetIfLoginChanged(QStringLiteral("edited"), before, newKey));
            QCOMPARE(stored(QStringLiteral("edited")),
                     std::optional<QString>(QStringLiteral("old-login")));

            QSignalSpy forgotten(&vault, &PasswordVault::passwordForgotten);
            QVERIFY(vault.forgetIfLoginChanged(QStringLiteral("edited"), before, after));
            QVERIFY(!forgotten.isEmpty() || forgotten.wait(kWaitMs));
            QVERIFY(vault.cached(QStringLiteral("edited")).isEmpty());
            QCOMPARE(stored(QStringLiteral("edited")), std::nullopt);
        }
    }
};

QTEST_GUILESS_MAIN(TestKeychainPasswords)
#include "tst_keychain_passwords.moc"
