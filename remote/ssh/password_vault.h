#pragma once
// PasswordVault: host passwords in the OS keychain (QtKeychain), else in memory for this session.

#include <QHash>
#include <QObject>
#include <QString>

#include "ssh_target.h"

namespace tb {

// Passwords never go to a file: QtKeychain's plaintext fallback stays off. Until
// keychainChecked() arrives, and for ever where no keychain service answers, a remembered
// password lives only in this object, and persistent() is false so the UI can say so.
class PasswordVault : public QObject {
    Q_OBJECT

public:
    // service: the keychain's folder for our entries; tests pass their own.
    explicit PasswordVault(QString service = QStringLiteral("trainbench"),
                           QObject* parent = nullptr);
    ~PasswordVault() override;  // wipes the passwords it holds

    // Asks the keychain once (a read of a marker entry); keychainChecked() follows.
    void checkKeychain();
    bool checked() const { return m_checked; }
    // True when remembered passwords survive the app: a keychain service answered.
    bool persistent() const { return m_persistent; }

    // Keeps it for this session, and in the keychain when persistent().
    void remember(const QString& hostName, const QString& password);
    // From memory at once, else from the keychain: passwordFound or passwordMissing follows.
    void lookUp(const QString& hostName);
    // What this session already holds; empty when nothing.
    QString cached(const QString& hostName) const { return m_memory.value(hostName); }
    // From memory and the keychain; passwordForgotten follows.
    void forget(const QString& hostName);
    // After a host was edited: another address, user or port is another login, so the
    // password kept for the old one is forgotten. True when it was.
    bool forgetIfLoginChanged(const QString& hostName, const SshTarget& before,
                              const SshTarget& after);

Q_SIGNALS:
    void keychainChecked(bool persistent);
    void passwordFound(const QString& hostName, const QString& password);
    void passwordMissing(const QString& hostName);
    // remember() reached the keychain.
    void passwordStored(const QString& hostName);
    // forget() is done: the keychain's entry is gone, or there was no keychain.
    void passwordForgotten(const QString& hostName);
    // A keychain write or delete failed; the password is still held in memory.
    void keychainError(const QString& message);

private:
    QString m_service;
    QHash<QString, QString> m_memory;
    bool m_checked = false;
    bool m_persistent = false;
};

}  // namespace tb
