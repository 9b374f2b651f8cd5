// connectHostBackend: settle what a person must answer, then connect the HostConnection.
#include "cli_host_backend.h"

#include <QEventLoop>

#include "remote/host_store.h"

namespace tb::cli {

Result<HostBackend> connectHostBackend(const QString& hostName, const ConnectOptions& options,
                                       const QString& trainer) {
    const auto host = findStoredHost(hostName);
    if (!host) return host.failure();
    HostBackend result;
    result.connection = std::make_unique<HostConnection>(host->target, host->name);
    HostConnection& connection = *result.connection;
    // Settled on the terminal first (host key, passphrase, password); the session keeps the
    // secrets in memory, so the connection's own connect and later reconnects need no prompt.
    const SshResult settled = connectForCli(*connection.session(), *host, options);
    if (!settled.ok()) return fail(settled.message.toStdString());
    connection.connectToHost();
    QEventLoop connecting;
    QObject::connect(&connection, &HostConnection::stateChanged, &connecting,
                     [&](ConnectionState state) {
                         if (state != ConnectionState::Connecting) connecting.quit();
                     });
    if (connection.state() == ConnectionState::Connecting) connecting.exec();
    if (connection.state() != ConnectionState::Connected)
        return fail(connection.message().toStdString());
    RemoteHostSettings settings;
    settings.name = host->name;
    if (!host->runsRoot.isEmpty()) settings.runsRoot = host->runsRoot;
    settings.trainerPath = !trainer.isEmpty()             ? trainer
                           : !host->trainerPath.isEmpty() ? host->trainerPath
                                                          : QStringLiteral("trainbench-train");
    settings.wrapperFile = binDir() + QStringLiteral("/tb-wrap.sh");
    result.backend = std::make_unique<RemoteBackend>(result.connection.get(), settings);
    return result;
}

}  // namespace tb::cli
