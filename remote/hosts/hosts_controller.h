#pragma once
// HostsController: the hosts list and, per host, its connection, password and last probe.

#include <QDateTime>
#include <QObject>

#include <map>
#include <memory>
#include <optional>

#include "host_draft.h"
#include "host_probe.h"
#include "host_store.h"
#include "remote/ssh/host_connection.h"

namespace tb {

class PasswordVault;

struct HostsControllerOptions {
    HostConnectionOptions connection;
    // For hosts without their own known_hosts override; empty: ~/.ssh/known_hosts.
    QString knownHostsFile;
    QString vaultService = QStringLiteral("trainbench");
    bool checkKeychain = true;  // tests skip the keychain and keep passwords in memory
};

// Lives on the GUI thread; the sessions run on their own threads inside HostConnection.
// Views read it and forward user intent; everything a dialog must ask comes back as a signal.
class HostsController : public QObject {
    Q_OBJECT

public:
    explicit HostsController(QString configDir, HostsControllerOptions options = {},
                             QObject* parent = nullptr);
    ~HostsController() override;

    [[nodiscard]] Result<void> load();
    const QList<RemoteHost>& hosts() const { return m_store.hosts(); }
    const RemoteHost* host(const QString& name) const { return m_store.find(name); }
    QStringList hostNames() const;
    QString hostsFile() const { return m_store.filePath(); }
    PasswordVault* vault() const { return m_vault; }

    // Saved at once; the password goes to the vault (remembered) or this session only.
    [[nodiscard]] Result<void> addHost(const HostDraft& draft);
    [[nodiscard]] Result<void> updateHost(const HostDraft& draft);
    [[nodiscard]] Result<void> removeHost(const QString& name);

    ConnectionState state(const QString& name) const;
    QString stateMessage(const QString& name) const;
    const HostReport* report(const QString& name) const;
    QDateTime reportTime(const QString& name) const;
    bool isProbing(const QString& name) const;

    void connectHost(const QString& name);
    void disconnectHost(const QString& name);
    void acceptHostKey(const QString& name, const QString& fingerprint);
    // Asked again after WrongPassword / KeyPassphraseNeeded: kept for this session, then connect.
    void retryWithPassword(const QString& name, const QString& password);
    void retryWithPassphrase(const QString& name, const QString& passphrase);
    // Removes the recorded key of the host's address; returns how many lines went.
    [[nodiscard]] Result<int> forgetHostKey(const QString& name);
    // Connects first when needed.
    void probe(const QString& name);
    void cancelProbe(const QString& name);

    // Needs a connected host; returns the id transferProgress and transferFinished carry.
    [[nodiscard]] Result<quint64> startTransfer(const QString& name,
                                                const TransferRequest& request);
    // Stops every request on the host's session (probe and transfers alike).
    void cancelTransfers(const QString& name);

    // The host's one connection (made on first use; null for an unknown name), for the
    // remote runs of the main window to share instead of opening a second session.
    HostConnection* connection(const QString& name) { return connectionFor(name); }

    // The target a session uses: the stored one with the default known_hosts applied.
    SshTarget sessionTarget(const RemoteHost& host) const;

Q_SIGNALS:
    void hostsChanged();                    // added, removed or edited
    void hostUpdated(const QString& name);  // its state or report changed
    void hostKeyUnknown(const QString& name, const QString& fingerprint);
    void hostKeyChanged(const QString& name, const QString& fingerprint, const QString& message);
    void passwordNeeded(const QString& name, const QString& message);
    void passphraseNeeded(const QString& name, const QString& message);
    // A connection failed in a way no prompt answers, or saving the host failed.
    void failed(const QString& name, const QString& message);
    void probeStarted(const QString& name);
    void probeFinished(const QString& name, const tb::ProbeResult& result);
    void transferProgress(const QString& name, quint64 id, const tb::TransferProgress& progress);
    void transferFinished(const QString& name, quint64 id, const tb::TransferResult& result);

private:
    struct Runtime {
        std::unique_ptr<HostConnection> connection;
        HostProbe* probe = nullptr;  // while one runs
        bool probeWhenConnected = false;
        bool connectWhenPasswordKnown = false;
        QString sessionPassword;  // typed without "remember": this session only
        std::optional<HostReport> report;
        QDateTime reportTime;
    };

    Runtime* runtime(const QString& name);
    const Runtime* runtime(const QString& name) const;
    HostConnection* connectionFor(const QString& name);
    void dropRuntime(const QString& name);
    void onConnectFailed(const QString& name, const SshResult& result);
    void onStateChanged(const QString& name, ConnectionState state);
    void onPasswordFound(const QString& name, const QString& password);
    void onPasswordMissing(const QString& name);
    void startProbe(const QString& name);
    void finishProbe(const QString& name, const ProbeResult& result);
    void keepPassword(const HostDraft& draft);
    void keepProbeDefaults(const QString& name, const HostReport& report);

    HostStore m_store;
    HostsControllerOptions m_options;
    PasswordVault* m_vault;
    std::map<QString, Runtime> m_runtimes;
};

}  // namespace tb
