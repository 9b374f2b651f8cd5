// trainbench checkpoints RUN --host H, resume RUN --host H [--to HOST|local], and
// download-checkpoint RUN --host H [DEST], on RemoteBackend and CheckpointMove.
#include "cli_checkpoints.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

#include <cstdio>

#include "cli_command_specs.h"
#include "cli_common.h"
#include "cli_host_args.h"
#include "cli_host_backend.h"
#include "cli_prepare.h"
#include "cli_remote_run.h"
#include "cli_transfer.h"
#include "core/runs/await_result.h"
#include "core/runs/fail_text.h"
#include "core/runs/local_backend.h"
#include "core/runs/workspace.h"
#include "core/services/workbench.h"
#include "remote/runs/checkpoint_move.h"
#include "run_follower.h"

namespace tb::cli {
namespace {

int failed(const std::string& message) {
    printErr(QString::fromStdString(message));
    return 1;
}

// The host's options come first: resume launches on a host too (--to, else the run's own).
struct Args : HostLaunchArgs {
    QString command;
    QString run;
    QString checkpoint;
    QString to;    // resume: a host name, "local", or empty for the run's own host
    QString dest;  // download-checkpoint
    QString runsRoot;
    QStringList sets;
    bool json = false;
};

Result<Args> parse(const QString& command, const ParsedArgs& args) {
    auto launch = hostLaunchArgs(args);
    if (!launch) return launch.failure();
    Args parsed{*launch};
    parsed.command = command;
    parsed.checkpoint = args.value(QStringLiteral("checkpoint"));
    parsed.to = args.value(QStringLiteral("to"));
    parsed.sets = args.values(QStringLiteral("set"));
    parsed.runsRoot = args.value(QStringLiteral("runs-root"));
    parsed.json = args.has(QStringLiteral("json"));
    const QStringList& positional = args.positional;
    const int most = command == QLatin1String("download-checkpoint") ? 2 : 1;
    if (positional.isEmpty() || positional.size() > most)
        return failText(
            most == 2 ? Text::tr("needs RUN and at most one DEST") : Text::tr("needs one RUN"),
            kExitUsage);
    if (parsed.host.isEmpty()) return failText(Text::tr("needs --host NAME"), kExitUsage);
    parsed.run = positional.front();
    parsed.dest = positional.value(1, QStringLiteral("."));
    return parsed;
}

QJsonObject toJson(const CheckpointEntry& entry, bool latest) {
    QJsonObject metrics;
    for (auto it = entry.metrics.begin(); it != entry.metrics.end(); ++it)
        metrics.insert(it.key(), it.value());
    return {{"file", entry.fileName()},   {"path", entry.path},
            {"epoch", entry.epoch},       {"step", entry.step},
            {"time", entry.time},         {"bytes", entry.bytes},
            {"complete", entry.complete}, {"sha256", entry.sha256},
            {"metrics", metrics},         {"latest", latest}};
}

int list(RemoteBackend& backend, const QString& runId, bool json) {
    const auto checkpoints = backend.checkpoints(runId);
    if (!checkpoints) return failed(checkpoints.error());
    QJsonArray array;
    QString text;
    for (const CheckpointEntry& entry : checkpoints->entries) {
        const bool latest = entry.fileName() == checkpoints->latest;
        array.append(toJson(entry, latest));
        QStringList metrics;
        for (auto it = entry.metrics.begin(); it != entry.metrics.end(); ++it)
            metrics.append(it.key() + QLatin1Char('=') + formatNumber(it.value()));
        text += QStringLiteral("%1 %2  epoch %3  step %4  %5 MB%6  %7\n")
                    .arg(latest ? QLatin1Char('*') : QLatin1Char(' '))
                    .arg(entry.fileName())
                    .arg(entry.epoch)
                    .arg(entry.step)
                    .arg(entry.bytes / 1e6, 0, 'f', 1)
                    .arg(entry.complete ? QString() : QStringLiteral("  incomplete"))
                    .arg(metrics.join(QLatin1Char(' ')));
    }
    if (json)
        text = QString::fromUtf8(QJsonDocument(array).toJson());
    else if (array.isEmpty())
        //: %1 is the run's folder on the host
        text = Text::tr("no checkpoints in %1").arg(checkpoints->runDir) + QLatin1Char('\n');
    printOut(json ? text : terminalSafe(text));  // metric names come from the box's sidecars
    return 0;
}

// Runs one CheckpointMove step with a progress line; Ctrl-C cancels the transfer.
Result<QString> await(CheckpointMove& move,
                      const std::function<void(CheckpointMove::Done)>& start) {
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    bool shown = false;
    QObject::connect(&move, &CheckpointMove::stepChanged, [&](const QString& what) {
        if (shown) std::fputc('\n', stderr);
        shown = false;
        printErr(what);
    });
    QObject::connect(&move, &CheckpointMove::progress, [&](const TransferProgress& progress) {
        if (!terminal) return;
        shown = true;
        showProgress(progress);
    });
    const CancelOnInterrupt cancel([&] { move.cancel(); });
    Result<QString> outcome = awaitResult<QString>(
        //: what got no answer, as in "the checkpoint transfer got no answer in 120 s"
        start, Text::tr("the checkpoint transfer").toStdString(), kNoTimeout);
    if (shown) std::fputc('\n', stderr);
    return outcome;
}

int resume(const Args& args, RemoteBackend& source, const QString& runId) {
    CheckpointMove move(&source, runId, args.checkpoint);
    LaunchRequest request;
    request.sets = args.sets;
    if (args.to == QLatin1String("local")) {
        const QString root = resolveRunsRoot(args.runsRoot);
        seedWorkspace(root);
        Workbench work(root, binDir());
        auto id = await(move, [&](CheckpointMove::Done done) {
            move.resumeLocally(*work.localBackend(), root + QStringLiteral("/.imported"), request,
                               done);
        });
        if (!id) return failed(id.error());
        printOut(*id + QLatin1Char('\n'));
        if (args.detach) return 0;
        FollowOptions follow;
        follow.progressLine = true;
        return RunFollower(root + QLatin1Char('/') + *id, follow).follow();
    }
    HostBackend other;
    RemoteBackend* target = &source;
    if (!args.to.isEmpty() && args.to != source.settings().name) {
        TrainerSetup setup = args.setup;
        setup.needed = true;  // the resumed run trains there
        auto connected = connectHostBackend(args.to, args.connect, args.trainer, setup);
        if (!connected) return failed(connected.error());
        other = std::move(*connected);
        target = other.backend.get();
    }
    const QString stage = resolveRunsRoot(args.runsRoot) + QStringLiteral("/.imported");
    auto id = await(
        move, [&](CheckpointMove::Done done) { move.resumeOnHost(target, stage, request, done); });
    if (!id) return failed(id.error());
    printOut(*id + QLatin1Char('\n'));  // alone on the first line, for scripts
    return args.detach ? 0 : followRemoteRun(*target, *id);
}

}  // namespace

int checkpointsCommand(const QString& command, const ParsedArgs& parsed) {
    auto args = parse(command, parsed);
    if (!args) return usageError(commandSpec(command), QString::fromStdString(args.error()));
    // The run's own host ran the run, so it has a trainer (prepared, or given by --trainer);
    // a prepare here would also come before the check that the checkpoint exists.
    auto host = connectHostBackend(args->host, args->connect, args->trainer);
    if (!host) return failed(host.error());
    RemoteBackend& backend = *host->backend;
    const auto runId = findRemoteRun(backend, args->run);
    if (!runId) return failed(runId.error());
    if (args->command == QLatin1String("checkpoints")) return list(backend, *runId, args->json);
    if (args->command == QLatin1String("resume")) return resume(*args, backend, *runId);
    CheckpointMove move(&backend, *runId, args->checkpoint);
    const QString dest = QDir::current().absoluteFilePath(args->dest);
    auto folder = await(move, [&](CheckpointMove::Done done) { move.download(dest, done); });
    if (!folder) return failed(folder.error());
    printOut(folder.value() + QStringLiteral("/checkpoints/") + move.checkpoint().fileName() +
             QLatin1Char('\n'));
    return 0;
}

}  // namespace tb::cli
