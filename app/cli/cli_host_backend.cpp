// connectHostBackend: settle what a person must answer, then connect the HostConnection.
#include "cli_host_backend.h"

#include <cstdio>

#include "cli_prepare.h"
#include "core/runs/await_result.h"
#include "core/runs/fail_text.h"
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
        return failText(Text::tr("host %1 has no trainbench-train yet: it was never prepared. "
                                 "Run `trainbench prepare %1` first, or leave out --no-prepare "
                                 "to prepare it now.")
                            .arg(host->name));
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
        const QString preparing = Text::tr(
            "host %1 was never prepared: preparing it first, as "
            "`trainbench prepare %1` does");
        const QString line = QStringLiteral("== ") + preparing.arg(host->name) + QLatin1Char('\n');
        std::fputs(line.toUtf8().constData(), stderr);
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
    const QString& host = backend.settings().name;
    if (matches.isEmpty())
        //: %1 is what was given of a run id, %2 the host's name
        return failText(Text::tr("no run matches '%1' on host %2; `trainbench runs` lists the "
                                 "runs here, the app those of every host")
                            .arg(idOrPrefix, host));
    //: %1 is what was given of a run id, %2 a number of runs (2 or more), %3 the host's name
    return failText(Text::tr("'%1' matches %2 runs on host %3; give more of the id")
                        .arg(idOrPrefix, QString::number(matches.size()), host));
}

}  // namespace tb::cli
