// trainbench checkpoints RUN --host H, resume RUN --host H [--to HOST|local], and
// download-checkpoint RUN --host H [DEST], on RemoteBackend and CheckpointMove.
#include "cli_checkpoints.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <unistd.h>

#include <cstdio>

#include "cli_common.h"
#include "cli_host_backend.h"
#include "cli_prepare.h"
#include "cli_remote_run.h"
#include "cli_transfer.h"
#include "remote/checkpoint_move.h"
#include "run_follower.h"
#include "runs/local_backend.h"
#include "runs/workspace.h"

namespace tb::cli {
namespace {

constexpr const char* kUsage =
    "usage: trainbench checkpoints RUN --host NAME [--json]\n"
    "       trainbench resume RUN --host NAME [--checkpoint FILE] [--to HOST|local]\n"
    "                         [--set k=v ...] [--trainer PATH] [--detach] [--runs-root DIR]\n"
    "       trainbench download-checkpoint RUN --host NAME [--checkpoint FILE] [DEST]\n"
    "RUN is a run id on the host or a unique prefix of one; FILE a checkpoint's file name\n"
    "(default: the newest, the one latest.json names). resume continues on the same host;\n"
    "--to HOST uploads the checkpoint into HOST's runs root first, --to local downloads it\n"
    "into the runs root here. download-checkpoint makes DEST/HOST/RUN (default DEST: .)\n"
    "with config.resolved, config.yaml and checkpoints/FILE + sidecar: resumable, checked\n"
    "by sha256 against the box and the sidecar. --trainer is trainbench-train on the hosts\n"
    "(default: the one `trainbench prepare` built). resume --to HOST prepares a HOST never\n"
    "prepared first (the options of `trainbench prepare` apply); --no-prepare refuses.\n"
    "options: --accept-key SHA256:..., --accept-new, --password-stdin\n";

int failed(const std::string& message) {
    printErr(QString::fromStdString(message));
    return 1;
}

struct Args {
    QString command;
    QString run;
    QString host;
    QString checkpoint;
    QString to;    // resume: a host name, "local", or empty for the run's own host
    QString dest;  // download-checkpoint
    QString runsRoot;
    QString trainer;
    QStringList sets;
    bool json = false;
    bool detach = false;
    ConnectOptions connect;
    TrainerSetup setup;  // resume on a host never prepared
};

Result<Args> parse(int argc, char** argv) {
    Args parsed;
    parsed.command = QString::fromLocal8Bit(argv[1]);
    auto rest = takeConnectOptions(argc, argv, parsed.connect);
    if (!rest) return rest.failure();
    QStringList positional;
    for (qsizetype i = 0; i < rest->size(); ++i) {
        const QString& arg = rest->at(i);
        const bool hasValue = i + 1 < rest->size();
        if (arg == QLatin1String("--host") && hasValue) parsed.host = rest->at(++i);
        else if (arg == QLatin1String("--checkpoint") && hasValue) parsed.checkpoint = rest->at(++i);
        else if (arg == QLatin1String("--to") && hasValue) parsed.to = rest->at(++i);
        else if (arg == QLatin1String("--set") && hasValue) parsed.sets.append(rest->at(++i));
        else if (arg == QLatin1String("--runs-root") && hasValue) parsed.runsRoot = rest->at(++i);
        else if (arg == QLatin1String("--trainer") && hasValue) parsed.trainer = rest->at(++i);
        else if (arg == QLatin1String("--json")) parsed.json = true;
        else if (arg == QLatin1String("--detach")) parsed.detach = true;
        else if (arg == QLatin1String("--no-prepare")) parsed.setup.prepare = false;
        else if (takePrepareOption(*rest, i, parsed.setup.options)) continue;
        else if (arg.startsWith(QLatin1String("--")))
            return fail("unknown or incomplete option '" + arg.toStdString() + "'", kExitUsage);
        else positional.append(arg);
    }
    const int most = parsed.command == QLatin1String("download-checkpoint") ? 2 : 1;
    if (positional.isEmpty() || positional.size() > most)
        return fail(most == 2 ? "needs RUN and at most one DEST" : "needs one RUN", kExitUsage);
    if (parsed.host.isEmpty()) return fail("needs --host NAME", kExitUsage);
    parsed.run = positional.front();
    parsed.dest = positional.value(1, QStringLiteral("."));
    return parsed;
}

QJsonObject toJson(const CheckpointEntry& entry, bool latest) {
    QJsonObject metrics;
    for (auto it = entry.metrics.begin(); it != entry.metrics.end(); ++it)
        metrics.insert(it.key(), it.value());
    return {{"file", entry.fileName()},    {"path", entry.path},
            {"epoch", entry.epoch},        {"step", entry.step},
            {"time", entry.time},          {"bytes", entry.bytes},
            {"complete", entry.complete},  {"sha256", entry.sha256},
            {"metrics", metrics},          {"latest", latest}};
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
    if (json) text = QString::fromUtf8(QJsonDocument(array).toJson());
    else if (array.isEmpty()) text = QStringLiteral("no checkpoints in %1\n").arg(checkpoints->runDir);
    printOut(json ? text : terminalSafe(text));  // metric names come from the box's sidecars
    return 0;
}

// Runs one CheckpointMove step with a progress line; Ctrl-C cancels the transfer.
Result<QString> await(CheckpointMove& move, const std::function<void(CheckpointMove::Done)>& start) {
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
    watchInterrupt();
    QEventLoop loop;
    std::optional<Result<QString>> outcome;
    QTimer interruptCheck;
    QObject::connect(&interruptCheck, &QTimer::timeout, &loop, [&] {
        if (interrupted()) move.cancel();
    });
    interruptCheck.start(100);
    start([&](Result<QString> result) {
        outcome.emplace(std::move(result));
        loop.quit();
    });
    if (!outcome) loop.exec();
    if (shown) std::fputc('\n', stderr);
    return std::move(*outcome);
}

int resume(const Args& args, RemoteBackend& source, const QString& runId) {
    CheckpointMove move(&source, runId, args.checkpoint);
    LaunchRequest request;
    request.sets = args.sets;
    if (args.to == QLatin1String("local")) {
        const QString root = resolveRunsRoot(args.runsRoot);
        seedWorkspace(root);
        LocalBackend local(root, binDir());
        auto id = await(move, [&](CheckpointMove::Done done) {
            move.resumeLocally(local, root + QStringLiteral("/.imported"), request, done);
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
    auto id = await(move, [&](CheckpointMove::Done done) {
        move.resumeOnHost(target, stage, request, done);
    });
    if (!id) return failed(id.error());
    printOut(*id + QLatin1Char('\n'));  // alone on the first line, for scripts
    return args.detach ? 0 : followRemoteRun(*target, *id);
}

}  // namespace

int checkpointsCommand(int argc, char** argv) {
    if (argc > 2 && (qstrcmp(argv[2], "--help") == 0 || qstrcmp(argv[2], "help") == 0)) {
        printOut(QString::fromLatin1(kUsage));
        return 0;
    }
    auto args = parse(argc, argv);
    if (!args) return usageError(QString::fromStdString(args.error()), kUsage);
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
