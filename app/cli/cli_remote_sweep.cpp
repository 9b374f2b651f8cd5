// trainbench sweep|sweep-status|sweep-cancel --host NAME: the sweep's queue lives on the box;
// connect as run --host does, then start, read or cancel it there.

#include <QDir>
#include <QJsonDocument>

#include "cli_command_specs.h"
#include "cli_commands.h"
#include "cli_common.h"
#include "cli_host_args.h"
#include "cli_host_backend.h"
#include "cli_sweep.h"
#include "cli_sweep_setup.h"
#include "core/runs/await_result.h"
#include "remote/runs/remote_backend.h"
#include "remote/runs/remote_sweep.h"

namespace tb::cli {

namespace {

constexpr int kRemotePollMs = 2000;  // one round trip per poll over a link of 100-300 ms

Result<HostBackend> connectFor(const ParsedArgs& args, bool needsTrainer) {
    auto launch = hostLaunchArgs(args);
    if (!launch) return fail(launch.error(), kExitUsage);
    TrainerSetup setup = launch->setup;
    setup.needed = needsTrainer;
    return connectHostBackend(launch->host, launch->connect, launch->trainer, setup);
}

int connectFailed(const Result<HostBackend>& host) {
    printErr(QString::fromStdString(host.error()));
    const int code = host.failure().code;
    return code == 130 || code == kExitUsage ? code : 1;
}

// The box's GPUs by its nvidia-smi; none (a CPU slot) when it has none.
QStringList remoteGpus(RemoteBackend& backend) {
    RemoteCommand query(QStringLiteral("nvidia-smi"));
    query.arg(QStringLiteral("--query-gpu=index")).arg(QStringLiteral("--format=csv,noheader"));
    auto answer = awaitResult<ExecResult>(
        [&](std::function<void(Result<ExecResult>)> done) {
            backend.execAsync(query, [done](const ExecResult& r) { done(r); });
        },
        "asking for the GPUs");
    if (!answer || !answer->ok() || answer->exitStatus != 0) return {};
    auto gpus = gpuList(QString::fromUtf8(answer->standardOutput.left(4096))
                            .simplified()
                            .replace(QLatin1Char(' '), QLatin1Char(',')));
    return gpus ? *gpus : QStringList();
}

Result<SweepReport> readOn(RemoteBackend& backend, const QString& id) {
    return awaitResult<SweepReport>(
        [&](SweepDone<SweepReport> done) { readRemoteSweep(backend, id, std::move(done)); },
        "reading sweep " + id.toStdString());
}

}  // namespace

int remoteSweepCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("sweep"));
    if (const auto refused = refuseSweepArguments(spec, args)) return *refused;
    // A script sweep runs the person's own command: no trainer to prepare.
    auto host = connectFor(args, !args.has(QStringLiteral("command")));
    if (!host) return connectFailed(host);
    RemoteBackend& backend = *host->backend;
    auto slots = slotsFrom(args, remoteGpus(backend));
    if (!slots) return usageError(spec, QString::fromStdString(slots.error()));
    SweepSetup setup = sweepSetup(args);
    setup.slots = *slots;
    auto started = awaitResult<StartedSweep>(
        [&](SweepDone<StartedSweep> done) {
            startRemoteSweep(backend, setup, binDir() + QStringLiteral("/tb-sweep.sh"),
                             std::move(done));
        },
        "starting the sweep", kNoTimeout);
    if (!started) {
        printErr(QString::fromStdString(started.error()));
        return kExitUsage;
    }
    printOut(started->id + QLatin1Char('\n'));
    if (args.has(QStringLiteral("detach"))) return 0;
    //: %1 and %2 are numbers, %3 the slots (GPU indices or cpu), %4 the host's name
    printOut(Text::tr("%1 trials over %2 slots (%3) on %4; Ctrl-C stops following, the sweep "
                      "goes on there")
                 .arg(QString::number(started->runs.size()), QString::number(setup.slots.size()),
                      setup.slots.join(QLatin1Char(' ')), backend.settings().name) +
             QLatin1Char('\n'));
    const QString id = started->id;
    return followSweep([&backend, id] { return readOn(backend, id); }, kRemotePollMs);
}

int remoteSweepStatusCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("sweep-status"));
    if (args.positional.size() != 1) return usageError(spec, Text::tr("needs one SWEEP id"));
    auto host = connectFor(args, false);
    if (!host) return connectFailed(host);
    auto report = readOn(*host->backend, args.positional.front());
    if (!report) {
        printErr(QString::fromStdString(report.error()));
        return 1;
    }
    if (args.has(QStringLiteral("json")))
        printOut(QString::fromUtf8(QJsonDocument(reportJson(*report)).toJson()));
    else
        printReport(*report);
    return 0;
}

int remoteSweepCancelCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("sweep-cancel"));
    if (args.positional.isEmpty() || args.positional.size() > 2)
        return usageError(spec, Text::tr("needs a SWEEP id and optionally a TRIAL number"));
    int trial = 0;
    if (args.positional.size() == 2) {
        bool ok = false;
        trial = args.positional.back().toInt(&ok);
        if (!ok || trial < 1 || trial > 999999)
            return usageError(spec, Text::tr("TRIAL is a trial number from sweep-status"));
    }
    auto host = connectFor(args, false);
    if (!host) return connectFailed(host);
    const QString id = args.positional.front();
    auto said = awaitResult<TrialCancel>(
        [&](SweepDone<TrialCancel> done) {
            cancelRemoteSweep(*host->backend, id, trial, std::move(done));
        },
        "cancelling");
    if (!said) {
        printErr(QString::fromStdString(said.error()));
        return 1;
    }
    if (trial == 0)
        //: %1 is a sweep id
        printOut(Text::tr("sweep %1: every trial is being cancelled").arg(id) + QLatin1Char('\n'));
    else if (*said == TrialCancel::Dequeued)
        //: %1 is a trial number, %2 a sweep id
        printOut(Text::tr("trial %1 of %2 will not run").arg(QString::number(trial), id) +
                 QLatin1Char('\n'));
    else
        //: %1 is a trial number, %2 a sweep id
        printOut(Text::tr("trial %1 of %2 is being stopped").arg(QString::number(trial), id) +
                 QLatin1Char('\n'));
    return 0;
}

int remoteSweepAddCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("sweep-add"));
    if (args.positional.size() != 2)
        return usageError(spec, Text::tr("needs a SWEEP id and a SWEEP file"));
    auto host = connectFor(args, false);
    if (!host) return connectFailed(host);
    const QString specPath = QDir::current().absoluteFilePath(args.positional.back());
    auto runs = awaitResult<QStringList>(
        [&](SweepDone<QStringList> done) {
            addToRemoteSweep(*host->backend, args.positional.front(), specPath, std::move(done));
        },
        "adding trials", kNoTimeout);
    if (!runs) {
        printErr(QString::fromStdString(runs.error()));
        return kExitUsage;
    }
    //: %1 is a number, %2 a sweep id, %3 the host's name; the new run ids follow, one a line
    printOut(Text::tr("%1 more trials queued in sweep %2 on %3:")
                 .arg(QString::number(runs->size()), args.positional.front(),
                      host->backend->settings().name) +
             QLatin1Char('\n') + runs->join(QLatin1Char('\n')) + QLatin1Char('\n'));
    return 0;
}

}  // namespace tb::cli
