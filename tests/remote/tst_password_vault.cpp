// PasswordVault where no keychain service answers (this machine, CI): passwords live in memory
// for the session, persistent() says so, and nothing is written to any file.

#include "remote/ssh/password_vault.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tb;

class TestPasswordVault : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase() {
        // Any file a keychain fallback might write would land under these.
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    }

    void rememberedInMemoryAndNeverInAFile() {
        PasswordVault vault(QStringLiteral("trainbench-test"));
        QSignalSpy checked(&vault, &PasswordVault::keychainChecked);
        vault.checkKeychain();
        QVERIFY(checked.wait(10000));
        QVERIFY(vault.checked());
        if (vault.persistent()) QSKIP("a keychain service answers here; this test is for none");
        QCOMPARE(checked.first().first().toBool(), false);

        const QString secret = QStringLiteral("s3cr3t-pa55 'with' \"quotes\"");
        vault.remember(QStringLiteral("gpu"), secret);
        QCOMPARE(vault.cached(QStringLiteral("gpu")), secret);

        QSignalSpy found(&vault, &PasswordVault::passwordFound);
        QSignalSpy missing(&vault, &PasswordVault::passwordMissing);
        vault.lookUp(QStringLiteral("gpu"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().at(1).toString(), secret);
        vault.lookUp(QStringLiteral("other"));
        QCOMPARE(missing.size(), 1);
        QCOMPARE(missing.first().first().toString(), QStringLiteral("other"));

        vault.forget(QStringLiteral("gpu"));
        QVERIFY(vault.cached(QStringLiteral("gpu")).isEmpty());
        vault.lookUp(QStringLiteral("gpu"));
        QCOMPARE(missing.size(), 2);

        QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(TestPasswordVault)
#include "tst_password_vault.moc"
