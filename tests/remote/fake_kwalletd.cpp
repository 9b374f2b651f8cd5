// fake_kwalletd: the part of KWallet's D-Bus service that QtKeychain uses, kept in memory, so
// tests can see what the app stores and deletes in "the keychain". Prints "ready" once served.

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QHash>
#include <QObject>

#include <cstdio>

class FakeWallet : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.KWallet")

public Q_SLOTS:
    bool isEnabled() { return true; }
    QString networkWallet() { return QStringLiteral("kdewallet"); }
    int open(const QString&, qlonglong, const QString&) { return 1; }
    // KWallet's entry types: 0 none, 1 password.
    int entryType(int, const QString& folder, const QString& key, const QString&) {
        return m_entries.contains(folder + QLatin1Char('/') + key) ? 1 : 0;
    }
    bool hasEntry(int, const QString& folder, const QString& key, const QString&) {
        return m_entries.contains(folder + QLatin1Char('/') + key);
    }
    QString readPassword(int, const QString& folder, const QString& key, const QString&) {
        return m_entries.value(folder + QLatin1Char('/') + key);
    }
    int writePassword(int, const QString& folder, const QString& key, const QString& value,
                      const QString&) {
        m_entries.insert(folder + QLatin1Char('/') + key, value);
        return 0;
    }
    int removeEntry(int, const QString& folder, const QString& key, const QString&) {
        return m_entries.remove(folder + QLatin1Char('/') + key) > 0 ? 0 : -1;
    }

private:
    QHash<QString, QString> m_entries;  // "folder/key" -> password
};

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QDBusConnection bus = QDBusConnection::sessionBus();
    FakeWallet wallet;
    if (!bus.isConnected() ||
        !bus.registerObject(QStringLiteral("/modules/kwalletd5"), &wallet,
                            QDBusConnection::ExportAllSlots) ||
        !bus.registerService(QStringLiteral("org.kde.kwalletd5"))) {
        std::fprintf(stderr, "fake_kwalletd: cannot serve on the session bus\n");
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    return app.exec();
}

#include "fake_kwalletd.moc"
