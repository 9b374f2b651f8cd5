// PasswordVault: QtKeychain jobs for remembered passwords, with a memory copy for this session.

#include "password_vault.h"

#include <qt6keychain/keychain.h>

#include "secret_bytes.h"

#include <QCoreApplication>
#include <QTimer>

namespace tb {

namespace {

// Read once to learn whether a keychain service answers; its absence is the normal answer.
const QString kMarkerKey = QStringLiteral("trainbench-keychain-check");
constexpr int kCheckTimeoutMs = 5000;

template <typename Job>
Job* newJob(const QString& service, const QString& key, QObject* parent) {
    auto* job = new Job(service, parent);
    job->setAutoDelete(true);
    // Never the plaintext QSettings fallback: a password must not land in a file.
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

}  // namespace

PasswordVault::PasswordVault(QString service, QObject* parent)
    : QObject(parent), m_service(std::move(service)) {
}

PasswordVault::~PasswordVault() {
    for (QString& password : m_memory) wipeSecret(password);
}

void PasswordVault::checkKeychain() {
    auto* job = newJob<QKeychain::ReadPasswordJob>(m_service, kMarkerKey, this);
    // A D-Bus call to a service that never answers must not leave the vault unchecked.
    auto* timeout = new QTimer(job);
    timeout->setSingleShot(true);
    const auto finish = [this](bool persistent) {
        if (m_checked) return;
        m_checked = true;
        m_persistent = persistent;
        Q_EMIT keychainChecked(persistent);
    };
    connect(timeout, &QTimer::timeout, this, [finish] { finish(false); });
    connect(job, &QKeychain::Job::finished, this, [finish](QKeychain::Job* done) {
        const QKeychain::Error error = done->error();
        finish(error == QKeychain::NoError || error == QKeychain::EntryNotFound);
    });
    timeout->start(kCheckTimeoutMs);
    job->start();
}

void PasswordVault::remember(const QString& hostName, const QString& password) {
    m_memory.insert(hostName, password);
    if (!m_persistent) return;
    auto* job = newJob<QKeychain::WritePasswordJob>(m_service, hostName, this);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, hostName](QKeychain::Job* done) {
        if (done->error() == QKeychain::NoError) {
            Q_EMIT passwordStored(hostName);
            return;
        }
        Q_EMIT keychainError(QCoreApplication::translate(
                                 "PasswordVault",
                                 "The keychain did not store the password of %1 (%2); it is kept "
                                 "only until Trainbench quits.")
                                 .arg(hostName, done->errorString()));
    });
    job->start();
}

void PasswordVault::lookUp(const QString& hostName) {
    if (m_memory.contains(hostName)) {
        Q_EMIT passwordFound(hostName, m_memory.value(hostName));
        return;
    }
    if (!m_persistent) {
        Q_EMIT passwordMissing(hostName);
        return;
    }
    auto* job = newJob<QKeychain::ReadPasswordJob>(m_service, hostName, this);
    connect(job, &QKeychain::Job::finished, this, [this, hostName, job] {
        if (job->error() != QKeychain::NoError) {
            Q_EMIT passwordMissing(hostName);
            return;
        }
        m_memory.insert(hostName, job->textData());
        Q_EMIT passwordFound(hostName, job->textData());
    });
    job->start();
}

void PasswordVault::forget(const QString& hostName) {
    if (auto found = m_memory.find(hostName); found != m_memory.end()) wipeSecret(*found);
    m_memory.remove(hostName);
    if (!m_persistent) {
        Q_EMIT passwordForgotten(hostName);
        return;
    }
    auto* job = newJob<QKeychain::DeletePasswordJob>(m_service, hostName, this);
    connect(job, &QKeychain::Job::finished, this, [this, hostName](QKeychain::Job* done) {
        if (done->error() != QKeychain::NoError && done->error() != QKeychain::EntryNotFound)
            Q_EMIT keychainError(QCoreApplication::translate(
                                     "PasswordVault", "The keychain kept the password of %1: %2")
                                     .arg(hostName, done->errorString()));
        Q_EMIT passwordForgotten(hostName);
    });
    job->start();
}

bool PasswordVault::forgetIfLoginChanged(const QString& hostName, const SshTarget& before,
                                         const SshTarget& after) {
    if (before.host == after.host && before.user == after.user && before.port == after.port)
        return false;
    forget(hostName);
    return true;
}

}  // namespace tb
