// Sweeps on this machine: the folder contract of docs/RUN_FORMAT.md (Sweeps) written, each
// trial queued through LocalBackend, then tb-sweep.sh started in its own session.

#include "sweep_launcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/protocol/atomic_file.h"
#include "core/protocol/run_layout.h"
#include "core/runs/detached_start.h"
#include "core/runs/fail_text.h"
#include "core/runs/local_backend.h"
#include "core/runs/std_string.h"
#include "core/sweep/sweep_expand.h"
#include "core/sweep/sweep_run_check.h"

namespace tb {

namespace {

// The sweep services share one translation context: their messages repeat across files.
struct Sweeps {
    Q_DECLARE_TR_FUNCTIONS(Sweeps)
};

Result<void> diagnosticsFailure(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const Diagnostic& diagnostic : diagnostics) {
        if (!text.empty()) text += '\n';
        text += diagnostic.format();
    }
    return fail(text);
}

// RUNS_ROOT/.sweeps/ID, claimed with mkdir so two sweeps started in one second differ.
Result<QString> createSweepDir(const QString& runsRoot, const QString& specPath) {
    const QString parent = runsRoot + QLatin1String("/.sweeps");
    if (!QDir().mkpath(parent))
        return failText(Sweeps::tr("cannot create %1; check its permissions").arg(parent));
    const QString base = sweepIdBase(specPath);
    for (int attempt = 1; attempt < 100; ++attempt) {
        const QString id = attempt == 1 ? base : base + QLatin1Char('-') + QString::number(attempt);
        if (QDir(parent).mkdir(id)) return id;
    }
    return failText(
        Sweeps::tr("cannot create a sweep folder in %1; check its permissions").arg(parent));
}

void removeQueued(const QString& runsRoot, const QString& dir, const QStringList& runs) {
    for (const QString& run : runs) QDir(runsRoot + QLatin1Char('/') + run).removeRecursively();
    QDir(dir).removeRecursively();
}

}  // namespace

QString sweepIdBase(const QString& specPath) {
    const QString file = QFileInfo(specPath).completeBaseName();
    const QString name = file.contains(QLatin1String("sweep"), Qt::CaseInsensitive)
                             ? file
                             : QLatin1String("sweep-") + file;
    return QString::fromStdString(makeRunId(unixNow(), str(name)));
}

Result<SweepPlan> planSweep(const SweepSetup& setup) {
    LoadedSweep loaded = loadSweepFile(str(setup.sweepPath));
    if (!loaded.ok()) return diagnosticsFailure(loaded.diagnostics).failure();
    const auto problems = checkSweepRun(loaded.spec, SweepRun{str(setup.base.command)});
    if (!problems.empty()) return diagnosticsFailure(problems).failure();
    SweepPlan plan{std::move(loaded.spec), {}, {}};
    plan.trials = expandSweep(plan.spec);
    if (plan.trials.empty())
        return failText(Sweeps::tr("%1: the sweep has no trials").arg(setup.sweepPath));
    if (setup.slots.isEmpty())
        return failText(Sweeps::tr("a sweep needs at least one slot (--slots or --gpus)"));
    QFile file(setup.sweepPath);
    if (!file.open(QIODevice::ReadOnly))
        return failText(Sweeps::tr("cannot read %1").arg(setup.sweepPath));
    plan.specText = file.read(kMaxSweepBytes + 1);
    return plan;
}

LaunchRequest trialRequest(const SweepSetup& setup, const Trial& trial, const QString& id,
                           const QString& dir) {
    LaunchRequest request = setup.base;
    for (const std::string& set : setArguments(trial)) request.sets << QString::fromStdString(set);
    for (const auto& [key, value] : placeholderValues(trial))
        request.placeholders.insert(QString::fromStdString(key), QString::fromStdString(value));
    request.queueScript =
        dir + QStringLiteral("/queue/%1.sh").arg(trial.index + 1, 6, 10, QLatin1Char('0'));
    request.sweep = id;
    request.trial = trial.index;
    request.trialLabel = QString::fromStdString(trial.label);
    return request;
}

QByteArray sweepJson(const QString& id, const QString& target, const SweepSetup& setup,
                     const SweepPlan& plan, const QStringList& runs) {
    const SweepSpec& spec = plan.spec;
    QJsonArray list;
    appendTrialEntries(list, plan.trials, runs);
    QJsonObject object{
        {QStringLiteral("protocol"), 1},
        {QStringLiteral("id"), id},
        {QStringLiteral("created"), unixNow()},
        {QStringLiteral("target"), target},
        {QStringLiteral("config"), QFileInfo(setup.base.configPath).absoluteFilePath()},
        {QStringLiteral("command"), setup.base.command},
        {QStringLiteral("sets"), QJsonArray::fromStringList(setup.base.sets)},
        {QStringLiteral("workdir"), setup.base.workDir},
        {QStringLiteral("env"), setup.base.envLine},
        {QStringLiteral("metrics_regex"), setup.base.metricsRegex},
        {QStringLiteral("method"), QString::fromLatin1(methodName(spec.method).data(),
                                                       qsizetype(methodName(spec.method).size()))},
        {QStringLiteral("metric"), QString::fromStdString(spec.metric)},
        {QStringLiteral("goal"),
         spec.goal == SweepGoal::Min ? QStringLiteral("min") : QStringLiteral("max")},
        {QStringLiteral("slots"), QJsonArray::fromStringList(setup.slots)},
        {QStringLiteral("trials"), list}};
    if (setup.base.configPath.isEmpty()) object.remove(QStringLiteral("config"));
    if (spec.earlyStop) {
        object.insert(QStringLiteral("early_stop"),
                      QJsonObject{{QStringLiteral("rule"), QStringLiteral("median")},
                                  {QStringLiteral("min_epochs"), spec.earlyStop->minEpochs}});
    }
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

void appendTrialEntries(QJsonArray& list, const std::vector<Trial>& trials,
                        const QStringList& runs) {
    for (size_t i = 0; i < trials.size(); ++i) {
        QJsonObject values;
        for (const SweepAssignment& set : trials[i].assignments)
            values.insert(QString::fromStdString(set.key), QString::fromStdString(set.value));
        list.append(QJsonObject{{QStringLiteral("trial"), trials[i].index},
                                {QStringLiteral("run"), runs.value(int(i))},
                                {QStringLiteral("label"), QString::fromStdString(trials[i].label)},
                                {QStringLiteral("values"), values}});
    }
}

QByteArray earlyStopText(const SweepSpec& spec) {
    if (!spec.earlyStop) return {};
    return QByteArray::fromStdString(spec.metric) +
           (spec.goal == SweepGoal::Min ? " min " : " max ") +
           QByteArray::number(spec.earlyStop->minEpochs) + '\n';
}

QStringList sweepSlots(const QStringList& gpus, int cpuSlots, int perGpu) {
    QStringList slots;
    if (gpus.isEmpty()) {
        for (int i = 0; i < qMax(1, cpuSlots); ++i) slots << QStringLiteral("cpu");
        return slots;
    }
    for (const QString& gpu : gpus)
        for (int i = 0; i < qMax(1, perGpu); ++i) slots << gpu;
    return slots;
}

Result<StartedSweep> startLocalSweep(LocalBackend& backend, const SweepSetup& setup) {
    auto plan = planSweep(setup);
    if (!plan) return plan.failure();
    const QString scheduler = backend.binDir() + QLatin1String("/tb-sweep.sh");
    if (!QFileInfo::exists(scheduler)) {
        return failText(Sweeps::tr("%1 is missing; build the project so that it sits next to the "
                                   "trainbench binary")
                            .arg(scheduler));
    }

    const QString root = backend.runsRoot();
    auto id = createSweepDir(root, setup.sweepPath);
    if (!id) return id.failure();
    StartedSweep started{*id, root + QLatin1String("/.sweeps/") + *id, {}};
    const auto failed = [&](const QString& why) -> Result<StartedSweep> {
        removeQueued(root, started.dir, started.runs);
        return failText(why);
    };
    if (!QDir(started.dir).mkdir(QStringLiteral("queue")))
        return failed(Sweeps::tr("cannot write in %1").arg(started.dir));
    Result<void> written = writeFileAtomic(str(started.dir + QLatin1String("/sweep.yaml")),
                                           plan->specText.toStdString());
    if (written) {
        written = writeFileAtomic(str(started.dir + QLatin1String("/slots")),
                                  str(setup.slots.join(QLatin1Char('\n')) + QLatin1Char('\n')));
    }
    if (written && plan->spec.earlyStop) {
        written = writeFileAtomic(str(started.dir + QLatin1String("/early_stop")),
                                  earlyStopText(plan->spec).toStdString());
    }
    if (!written)
        return failed(Sweeps::tr("cannot write the sweep folder: %1")
                          .arg(QString::fromStdString(written.error())));
    for (const Trial& trial : plan->trials) {
        auto run = backend.launch(trialRequest(setup, trial, *id, started.dir));
        //: %1 is a trial's number, %2 why it could not be queued
        if (!run)
            return failed(
                Sweeps::tr("trial %1: %2")
                    .arg(QString::number(trial.index + 1), QString::fromStdString(run.error())));
        started.runs << *run;
    }
    written = writeFileAtomic(
        str(started.dir + QLatin1String("/sweep.json")),
        sweepJson(*id, QStringLiteral("local"), setup, *plan, started.runs).toStdString());
    if (!written)
        return failed(
            Sweeps::tr("cannot write sweep.json: %1").arg(QString::fromStdString(written.error())));
    if (auto scheduled = startSweepScheduler(backend.binDir(), started.dir); !scheduled)
        return failed(QString::fromStdString(scheduled.error()));
    return started;
}

Result<void> startSweepScheduler(const QString& binDir, const QString& sweepDir) {
    auto pid =
        startDetached({QStringLiteral("/bin/sh"), binDir + QLatin1String("/tb-sweep.sh"), sweepDir},
                      sweepDir, sweepDir + QLatin1String("/scheduler.out"));
    if (!pid)
        return failText(Sweeps::tr("the sweep's scheduler did not start: %1")
                            .arg(QString::fromStdString(pid.error())));
    return {};
}

}  // namespace tb
