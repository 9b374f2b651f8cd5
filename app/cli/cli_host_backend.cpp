// connectHostBackend: settle what a person must answer, then connect the HostConnection.
#include "cli_host_backend.h"

#include <cstdio>

#include "cli_prepare.h"
#include "core/runs/await_result.h"
#include "remote/hosts/host_store.h"

namespace tb::cli {

TrainerSetup trainerSetup(const ParsedArgs& args) {
    TrainerSetup setup;
    setup.prepare = !args.has(QStringLiteral("no-prepare"));
    setup.options = prepareOptions(args);
    return setup;
}

Result<HostBackend> connectHostBackend(const QString& hostName, const ConnectOptions& options,
                                       const QString& trainer, const TrainerSetup& setup) {
    const auto host = findStoredHost(hostName);
    if (!host) return host.failure();
    // Without this, the launch ran `trainbench-train` from the box's PATH and failed with 127.
    const bool unprepared = setup.needed && trainer.isEmpty() && host->trainerPath.isEmpty();
    if (unprepared && !setup.prepare)
        return fail("host " + host->name.toStdString() +
                    " has no trainbench-train yet: it was never prepared. Run `trainbench "
                    "prepare " +
                    host->name.toStdString() +
                    "` first, or leave out --no-prepare to prepare it now.");
    HostBackend result;
    result.connection = std::make_unique<HostConnection>(host->target, host->name);
    HostConnection& connection = *result.connection;
    // Settled on the terminal first (host key, passphrase, password); the session keeps the
    // secrets in memory, so the connection's own connect and later reconnects need no prompt.
    const SshResult settled = connectForCli(*connection.session(), *host, options);
    if (!settled.ok()) return fail(settled.message.toStdString());
    connection.connectToHost();
    (void)awaitCondition([&] { return connection.state() != ConnectionState::Connecting; },
                         kNoTimeout, 0, Change{&connection, &HostConnection::stateChanged});
    if (connection.state() != ConnectionState::Connected)
        return fail(connection.message().toStdString());
    RemoteHostSettings settings;
    settings.name = host->name;
    if (!host->runsRoot.isEmpty()) settings.runsRoot = host->runsRoot;
    settings.slurm = host->slurm;
    settings.trainerPath = !trainer.isEmpty()             ? trainer
                           : !host->trainerPath.isEmpty() ? host->trainerPath
                                                          : QStringLiteral("trainbench-train");
    if (unprepared) {
        // On stderr: stdout's first line is kept for the run id.
        std::fputs(QStringLiteral("== host %1 was never prepared: preparing it first, as "
                                  "`trainbench prepare %1` does\n")
                       .arg(host->name)
                       .toUtf8()
                       .constData(),
                   stderr);
        const auto built = prepareOnTerminal(*connection.session(), *host, setup.options, true);
        if (!built) return built.failure();
        settings.trainerPath = *built;
    }
    settings.wrapperFile = binDir() + QStringLiteral("/tb-wrap.sh");
    result.backend = std::make_unique<RemoteBackend>(result.connection.get(), settings);
    return result;
}

Result<QString> findRemoteRun(RemoteBackend& backend, const QString& idOrPrefix) {
    auto scan = backend.scan();
    if (!scan) return scan.failure();
    QStringList matches;
    for (const RunInfo& run : scan->runs) {
        if (run.id == idOrPrefix) return run.id;
        if (run.id.startsWith(idOrPrefix)) matches.append(run.id);
    }
    if (matches.size() == 1) return matches.front();
    const std::string where = " on host " + backend.settings().name.toStdString();
    if (matches.isEmpty())
        return fail("no run matches '" + idOrPrefix.toStdString() + "'" + where +
                    "; `trainbench runs` lists the runs here, the app those of every host");
    return fail("'" + idOrPrefix.toStdString() + "' matches " + std::to_string(matches.size()) +
                " runs" + where + "; give more of the id");
}

}  // namespace tb::cli
