// HostsController: store edits, one HostConnection per host on demand, passwords and host keys.

#include "hosts_controller.h"

#include "core/runs/fail_text.h"
#include "remote/ssh/known_hosts_file.h"
#include "remote/ssh/password_vault.h"

namespace tb {

HostsController::HostsController(QString configDir, HostsControllerOptions options, QObject* parent)
    : QObject(parent),
      m_store(std::move(configDir)),
      m_options(std::move(options)),
      m_vault(new PasswordVault(m_options.vaultService, this)) {
    connect(m_vault, &PasswordVault::passwordFound, this, &HostsController::onPasswordFound);
    connect(m_vault, &PasswordVault::passwordMissing, this, &HostsController::onPasswordMissing);
    if (m_options.checkKeychain) m_vault->checkKeychain();
}

HostsController::~HostsController() {
    // Probes first: they hold the connection's session.
    for (auto& [name, runtime] : m_runtimes) delete runtime.probe;
}

Result<void> HostsController::load() {
    Result<void> loaded = m_store.load();
    Q_EMIT hostsChanged();
    return loaded;
}

QStringList HostsController::hostNames() const {
    QStringList names;
    for (const RemoteHost& host : m_store.hosts()) names.append(host.name);
    return names;
}

void HostsController::keepPassword(const HostDraft& draft) {
    if (draft.password.isEmpty()) return;
    if (draft.rememberPassword) {
        m_vault->remember(draft.host.name, draft.password);
        return;
    }
    m_runtimes[draft.host.name].sessionPassword = draft.password;
}

Result<void> HostsController::addHost(const HostDraft& draft) {
    if (Result<void> added = m_store.add(draft.host); !added) return added;
    if (Result<void> saved = m_store.save(); !saved) {
        (void)m_store.remove(draft.host.name);
        return saved;
    }
    keepPassword(draft);
    Q_EMIT hostsChanged();
    return {};
}

Result<void> HostsController::updateHost(const HostDraft& draft) {
    const RemoteHost* existing = m_store.find(draft.host.name);
    if (!existing) return failText(tr("no host named '%1'").arg(draft.host.name));
    const RemoteHost before = *existing;
    if (Result<void> updated = m_store.update(draft.host); !updated) return updated;
    if (Result<void> saved = m_store.save(); !saved) {
        (void)m_store.update(before);
        return saved;
    }
    // Another address or key: the next connect builds a new session.
    if (before.target != draft.host.target) dropRuntime(draft.host.name);
    // Another login: the password kept for the old one must not be sent to the new address.
    m_vault->forgetIfLoginChanged(draft.host.name, before.target, draft.host.target);
    keepPassword(draft);
    Q_EMIT hostsChanged();
    return {};
}

Result<void> HostsController::removeHost(const QString& name) {
    if (Result<void> removed = m_store.remove(name); !removed) return removed;
    if (Result<void> saved = m_store.save(); !saved) {
        (void)m_store.load();
        return saved;
    }
    dropRuntime(name);
    m_vault->forget(name);
    Q_EMIT hostsChanged();
    return {};
}

void HostsController::dropRuntime(const QString& name) {
    auto found = m_runtimes.find(name);
    if (found == m_runtimes.end()) return;
    delete found->second.probe;
    m_runtimes.erase(found);
}

HostsController::Runtime* HostsController::runtime(const QString& name) {
    auto found = m_runtimes.find(name);
    return found == m_runtimes.end() ? nullptr : &found->second;
}

const HostsController::Runtime* HostsController::runtime(const QString& name) const {
    auto found = m_runtimes.find(name);
    return found == m_runtimes.end() ? nullptr : &found->second;
}

SshTarget HostsController::sessionTarget(const RemoteHost& host) const {
    SshTarget target = host.target;
    if (target.knownHostsFile.isEmpty()) target.knownHostsFile = m_options.knownHostsFile;
    return target;
}

HostConnection* HostsController::connectionFor(const QString& name) {
    const RemoteHost* host = m_store.find(name);
    if (!host) return nullptr;
    Runtime& rt = m_runtimes[name];
    if (rt.connection) return rt.connection.get();
    rt.connection =
        std::make_unique<HostConnection>(sessionTarget(*host), name, m_options.connection);
    HostConnection* connection = rt.connection.get();
    connect(connection, &HostConnection::stateChanged, this,
            [this, name](ConnectionState state) { onStateChanged(name, state); });
    connect(connection, &HostConnection::connectFailed, this,
            [this, name](const SshResult& result) { onConnectFailed(name, result); });
    const SshSession* session = connection->session()->session();
    connect(session, &SshSession::transferProgress, this,
            [this, name](quint64 id, const TransferProgress& progress) {
                Q_EMIT transferProgress(name, id, progress);
            });
    connect(session, &SshSession::transferFinished, this,
            [this, name](quint64 id, const TransferResult& result) {
                Q_EMIT transferFinished(name, id, result);
            });
    return connection;
}

ConnectionState HostsController::state(const QString& name) const {
    const Runtime* rt = runtime(name);
    return rt && rt->connection ? rt->connection->state() : ConnectionState::Offline;
}

QString HostsController::stateMessage(const QString& name) const {
    const Runtime* rt = runtime(name);
    return rt && rt->connection ? rt->connection->message() : QString();
}

const HostReport* HostsController::report(const QString& name) const {
    const Runtime* rt = runtime(name);
    return rt && rt->report ? &*rt->report : nullptr;
}

QDateTime HostsController::reportTime(const QString& name) const {
    const Runtime* rt = runtime(name);
    return rt ? rt->reportTime : QDateTime();
}

bool HostsController::isProbing(const QString& name) const {
    const Runtime* rt = runtime(name);
    return rt && (rt->probe || rt->probeWhenConnected);
}

void HostsController::connectHost(const QString& name) {
    HostConnection* connection = connectionFor(name);
    if (!connection || connection->state() == ConnectionState::Connected ||
        connection->state() == ConnectionState::Connecting)
        return;
    Runtime& rt = m_runtimes[name];
    if (!rt.sessionPassword.isEmpty()) {
        connection->setPassword(rt.sessionPassword);
        connection->connectToHost();
        return;
    }
    // The vault answers at once from memory, or later from the keychain.
    rt.connectWhenPasswordKnown = true;
    m_vault->lookUp(name);
}

void HostsController::onPasswordFound(const QString& name, const QString& password) {
    Runtime* rt = runtime(name);
    if (!rt || !rt->connectWhenPasswordKnown || !rt->connection) return;
    rt->connectWhenPasswordKnown = false;
    rt->connection->setPassword(password);
    rt->connection->connectToHost();
}

void HostsController::onPasswordMissing(const QString& name) {
    Runtime* rt = runtime(name);
    if (!rt || !rt->connectWhenPasswordKnown || !rt->connection) return;
    rt->connectWhenPasswordKnown = false;
    rt->connection->connectToHost();
}

void HostsController::disconnectHost(const QString& name) {
    cancelProbe(name);
    if (Runtime* rt = runtime(name); rt && rt->connection) rt->connection->disconnectFromHost();
}

void HostsController::acceptHostKey(const QString& name, const QString& fingerprint) {
    if (HostConnection* connection = connectionFor(name)) connection->acceptHostKey(fingerprint);
}

void HostsController::retryWithPassword(const QString& name, const QString& password) {
    HostConnection* connection = connectionFor(name);
    if (!connection) return;
    m_runtimes[name].sessionPassword = password;
    connection->setPassword(password);
    connection->connectToHost();
}

void HostsController::retryWithPassphrase(const QString& name, const QString& passphrase) {
    HostConnection* connection = connectionFor(name);
    if (!connection) return;
    connection->setKeyPassphrase(passphrase);
    connection->connectToHost();
}

Result<int> HostsController::forgetHostKey(const QString& name) {
    const RemoteHost* host = m_store.find(name);
    if (!host) return failText(tr("no host named '%1'").arg(name));
    const SshTarget target = sessionTarget(*host);
    const QString file =
        target.knownHostsFile.isEmpty() ? defaultKnownHostsFile() : target.knownHostsFile;
    return tb::forgetHostKey(file, target.host, target.port);
}

}  // namespace tb
