// trainbench sweep, sweep-status, sweep-cancel: sweeps of this machine's runs, over CPU slots
// or the GPUs nvidia-smi lists.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <cmath>
#include <optional>

#include "cli_command_specs.h"
#include "cli_commands.h"
#include "cli_sweep.h"
#include "cli_sweep_setup.h"
#include "core/runs/await_result.h"
#include "core/runs/fail_text.h"
#include "core/runs/local_backend.h"
#include "core/runs/workspace.h"
#include "core/services/sweep_add.h"
#include "core/services/sweep_cancel.h"
#include "core/services/sweep_launcher.h"
#include "core/services/sweep_status.h"
#include "core/services/workbench.h"

namespace tb::cli {

namespace {

constexpr int kPollMs = 500;
constexpr int kMaxSlots = 256;

}  // namespace

Result<QStringList> gpuList(const QString& text) {
    QStringList gpus;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int index = part.trimmed().toInt(&ok);
        if (!ok || index < 0 || index > 1023)
            return failText(Text::tr("--gpus takes GPU indices like 0,1,2, not '%1'").arg(part));
        gpus << QString::number(index);
    }
    if (gpus.isEmpty()) return failText(Text::tr("--gpus names no GPU"));
    return gpus;
}

namespace {

// The GPUs of this machine by nvidia-smi; none when it is missing or lists none.
QStringList localGpus() {
    QProcess smi;
    smi.start(QStringLiteral("nvidia-smi"),
              {QStringLiteral("--query-gpu=index"), QStringLiteral("--format=csv,noheader")});
    if (!smi.waitForFinished(10000) || smi.exitCode() != 0) return {};
    auto listed = gpuList(QString::fromUtf8(smi.readAllStandardOutput())
                              .simplified()
                              .replace(QLatin1Char(' '), QLatin1Char(',')));
    return listed ? *listed : QStringList();
}

}  // namespace

Result<QStringList> slotsFrom(const ParsedArgs& args, const QStringList& detected) {
    bool ok = true;
    const int perGpu =
        args.has(QStringLiteral("per-gpu")) ? args.value(QStringLiteral("per-gpu")).toInt(&ok) : 1;
    if (!ok || perGpu < 1 || perGpu > 64) return failText(Text::tr("--per-gpu takes 1 to 64"));
    if (args.has(QStringLiteral("slots"))) {
        const int slots = args.value(QStringLiteral("slots")).toInt(&ok);
        if (!ok || slots < 1 || slots > kMaxSlots)
            return failText(Text::tr("--slots takes 1 to 256"));
        return sweepSlots({}, slots, 1);
    }
    QStringList gpus = detected;
    if (args.has(QStringLiteral("gpus"))) {
        auto chosen = gpuList(args.value(QStringLiteral("gpus")));
        if (!chosen) return chosen.failure();
        gpus = *chosen;
    }
    if (gpus.size() * perGpu > kMaxSlots) return failText(Text::tr("more than 256 slots"));
    return sweepSlots(gpus, 1, perGpu);
}

namespace {

QString metricText(double value) {
    return std::isnan(value) ? QStringLiteral("-") : QString::number(value, 'g', 6);
}

QString trialLine(const SweepReport& report, const SweepTrialRow& row) {
    QString state = queueStateName(row.queue);
    if (row.queue == TrialQueueState::Done || row.queue == TrialQueueState::Running) {
        const std::string_view name = runStateName(row.info.state);
        state = QString::fromLatin1(name.data(), qsizetype(name.size()));
    }
    const QString number = QString::number(row.trial + 1);
    state = state.leftJustified(9);  // the columns after it line up
    const QString best = metricText(row.best);
    const QString last = metricText(row.last);
    if (row.stoppedEarly.isEmpty())
        //: %1 is the trial number, %2 its state (finished, running...; padded to 9 characters,
        //: not translated), %3 its values (lr=0.1), %4 the metric, %5 and %6 the metric's best
        //: and last values
        return Text::tr("trial %1  %2  %3  %4 best %5 last %6")
            .arg(number, state, row.label, report.metric, best, last);
    //: as "trial %1  %2  %3  %4 best %5 last %6", and %7 why the trial was stopped early
    //: (stopped/N)
    return Text::tr("trial %1  %2  %3  %4 best %5 last %6  (stopped early: %7)")
        .arg(number, state, row.label, report.metric, best, last, row.stoppedEarly);
}

}  // namespace

void printReport(const SweepReport& report) {
    //: %1 is the sweep id, %2 its state (starting, running, drained, cancelled, failed; not
    //: translated), %3-%6 numbers of trials, %7 the metric, %8 max or min (not translated)
    printOut(Text::tr("sweep %1: %2, %3 done, %4 running, %5 queued, %6 cancelled; ranked by %7 "
                      "(%8)")
                 .arg(report.id, report.state.isEmpty() ? QStringLiteral("starting") : report.state,
                      QString::number(report.count(TrialQueueState::Done)),
                      QString::number(report.count(TrialQueueState::Running)),
                      QString::number(report.count(TrialQueueState::Queued)),
                      QString::number(report.count(TrialQueueState::Cancelled)), report.metric,
                      report.maximize ? QStringLiteral("max") : QStringLiteral("min")) +
             QLatin1Char('\n'));
    for (int row : report.ranking()) {
        const SweepTrialRow& trial = report.trials[row];
        printOut(QStringLiteral("%1 %2  %3\n")
                     .arg(row == report.bestRow ? QLatin1Char('*') : QLatin1Char(' '))
                     .arg(trial.run, trialLine(report, trial)));
    }
}

QJsonObject reportJson(const SweepReport& report) {
    QJsonArray trials;
    for (const SweepTrialRow& row : report.trials) {
        QJsonObject values;
        for (auto it = row.values.begin(); it != row.values.end(); ++it)
            values.insert(it.key(), it.value());
        const std::string_view state = runStateName(row.info.state);
        trials.append(QJsonObject{
            {QStringLiteral("trial"), row.trial},
            {QStringLiteral("run"), row.run},
            {QStringLiteral("label"), row.label},
            {QStringLiteral("values"), values},
            {QStringLiteral("queue"), queueStateName(row.queue)},
            {QStringLiteral("state"), QString::fromLatin1(state.data(), qsizetype(state.size()))},
            {QStringLiteral("best"), std::isnan(row.best) ? QJsonValue() : QJsonValue(row.best)},
            {QStringLiteral("last"), std::isnan(row.last) ? QJsonValue() : QJsonValue(row.last)},
            {QStringLiteral("epochs"), row.epochs},
            {QStringLiteral("stopped_early"), row.stoppedEarly}});
    }
    return {
        {QStringLiteral("id"), report.id},
        {QStringLiteral("state"), report.state},
        {QStringLiteral("metric"), report.metric},
        {QStringLiteral("goal"), report.maximize ? QStringLiteral("max") : QStringLiteral("min")},
        {QStringLiteral("best_trial"),
         report.bestRow < 0 ? QJsonValue() : QJsonValue(report.trials[report.bestRow].trial)},
        {QStringLiteral("trials"), trials}};
}

namespace {

bool ended(const QString& state) {
    return state == QLatin1String("drained") || state == QLatin1String("cancelled") ||
           state == QLatin1String("failed");
}

}  // namespace

int followSweep(const std::function<Result<SweepReport>()>& read, int pollMs) {
    QMap<int, TrialQueueState> seen;
    QString problem;
    SweepReport last;
    awaitCondition(
        [&] {
            auto report = read();
            if (!report) {
                problem = QString::fromStdString(report.error());
                return true;
            }
            for (const SweepTrialRow& row : report->trials) {
                if (seen.value(row.trial, TrialQueueState::Unknown) == row.queue) continue;
                seen[row.trial] = row.queue;
                if (row.queue != TrialQueueState::Queued)
                    printOut(trialLine(*report, row) + QLatin1Char('\n'));
            }
            last = *report;
            return ended(report->state);
        },
        kNoTimeout, pollMs);
    if (!problem.isEmpty()) {
        printErr(problem);
        return 1;
    }
    printReport(last);
    for (const SweepTrialRow& row : last.trials)
        if (row.info.state != RunState::Finished) return 1;
    return 0;
}

namespace {

Result<QString> sweepId(const QString& runsRoot, const QString& idOrPrefix) {
    const QStringList ids =
        QDir(runsRoot + QLatin1String("/.sweeps")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (ids.contains(idOrPrefix)) return idOrPrefix;
    const QStringList matches =
        ids.filter(QRegularExpression(QLatin1Char('^') + QRegularExpression::escape(idOrPrefix)));
    if (matches.size() == 1) return matches.front();
    if (matches.isEmpty()) return failText(Text::tr("no sweep %1 in %2").arg(idOrPrefix, runsRoot));
    //: %1 is the beginning of a sweep id that a person typed
    return failText(Text::tr("%1 matches several sweeps; give more of the id").arg(idOrPrefix));
}

// The sweep that the first argument names under the runs root; nothing, with why printed,
// when no sweep or several match.
std::optional<QString> namedSweep(const CliOptions& options) {
    auto id = sweepId(options.runsRoot, options.positional.front());
    if (!id) {
        printErr(QString::fromStdString(id.error()));
        return std::nullopt;
    }
    return *id;
}

}  // namespace

int sweepCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("sweep"));
    const CliOptions options = localOptions(args);
    if (const auto refused = refuseSweepArguments(spec, args)) return *refused;
    auto slots = slotsFrom(args, localGpus());
    if (!slots) return usageError(spec, QString::fromStdString(slots.error()));
    SweepSetup setup = sweepSetup(args);
    setup.slots = *slots;
    // A script's trials run where the sweep was started, as a script run here does.
    if (args.has(QStringLiteral("command"))) setup.base.workDir = QDir::currentPath();
    seedWorkspace(options.runsRoot);
    Workbench work(options.runsRoot, binDir());
    auto started = startLocalSweep(*work.localBackend(), setup);
    if (!started) {
        printErr(QString::fromStdString(started.error()));
        return kExitUsage;
    }
    printOut(started->id + QLatin1Char('\n'));
    if (options.detach) return 0;
    //: %1 is a number of trials, %2 a number of slots, %3 the slots (GPU indices such as 0 0 1 1,
    //: or cpu cpu)
    printOut(Text::tr("%1 trials over %2 slots (%3); Ctrl-C stops following, the sweep goes on")
                 .arg(QString::number(started->runs.size()), QString::number(setup.slots.size()),
                      setup.slots.join(QLatin1Char(' '))) +
             QLatin1Char('\n'));
    const QString root = options.runsRoot;
    const QString id = started->id;
    return followSweep([root, id] { return readSweep(root, id); }, kPollMs);
}

int sweepStatusCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("sweep-status"));
    const CliOptions options = localOptions(args);
    if (options.positional.size() != 1) return usageError(spec, Text::tr("needs one SWEEP id"));
    const auto id = namedSweep(options);
    if (!id) return 1;
    auto report = readSweep(options.runsRoot, *id);
    if (!report) {
        printErr(QString::fromStdString(report.error()));
        return 1;
    }
    if (options.json) {
        printOut(QString::fromUtf8(QJsonDocument(reportJson(*report)).toJson()));
    } else {
        printReport(*report);
    }
    return 0;
}

int sweepCancelCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("sweep-cancel"));
    const CliOptions options = localOptions(args);
    if (options.positional.isEmpty() || options.positional.size() > 2)
        return usageError(spec, Text::tr("needs a SWEEP id and optionally a TRIAL number"));
    const auto id = namedSweep(options);
    if (!id) return 1;
    const QString dir = options.runsRoot + QLatin1String("/.sweeps/") + *id;
    if (options.positional.size() == 1) {
        if (auto requested = cancelSweep(dir); !requested) {
            printErr(QString::fromStdString(requested.error()));
            return 1;
        }
        printOut(Text::tr("sweep %1: every trial is being cancelled").arg(*id) + QLatin1Char('\n'));
        return 0;
    }
    bool ok = false;
    const int trial = options.positional.back().toInt(&ok);
    if (!ok || trial < 1 || trial > 999999)
        return usageError(spec, Text::tr("TRIAL is a trial number from sweep-status"));
    auto cancelled = cancelSweepTrial(dir, trial);
    if (!cancelled) {
        printErr(QString::fromStdString(cancelled.error()));
        return 1;
    }
    //: %1 is a trial number, %2 the sweep id
    const QString dequeued = Text::tr("trial %1 of %2 will not run");
    //: %1 is a trial number, %2 the sweep id
    const QString stopping = Text::tr("trial %1 of %2 is being stopped");
    printOut((*cancelled == TrialCancel::Dequeued ? dequeued : stopping)
                 .arg(QString::number(trial), *id) +
             QLatin1Char('\n'));
    return 0;
}

int sweepAddCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("sweep-add"));
    const CliOptions options = localOptions(args);
    if (options.positional.size() != 2)
        return usageError(spec, Text::tr("needs a SWEEP id and a SWEEP file"));
    const auto id = namedSweep(options);
    if (!id) return 1;
    Workbench work(options.runsRoot, binDir());
    auto runs = addToLocalSweep(*work.localBackend(), *id,
                                QDir::current().absoluteFilePath(options.positional.back()));
    if (!runs) {
        printErr(QString::fromStdString(runs.error()));
        return kExitUsage;
    }
    //: %1 is a number of trials, %2 the sweep id; the run ids follow, one a line
    printOut(
        Text::tr("%1 more trials queued in sweep %2:").arg(QString::number(runs->size()), *id) +
        QLatin1Char('\n') + runs->join(QLatin1Char('\n')) + QLatin1Char('\n'));
    return 0;
}

}  // namespace tb::cli
