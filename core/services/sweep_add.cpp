// Adding trials: sweep.json is the record of what a sweep queued; it is rewritten whole (atomic
// rename) with the new trials after the old, which the scheduler never reads.

#include "sweep_add.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/checkpoints/box_name.h"
#include "core/protocol/atomic_file.h"
#include "core/runs/local_backend.h"
#include "sweep_launcher.h"
#include "sweep_status.h"

namespace tb {

namespace {

QStringList strings(const QJsonValue& value) {
    QStringList list;
    for (const QJsonValue& item : value.toArray()) list << item.toString();
    return list;
}

SweepSetup baseOf(const QJsonObject& sweep, const QString& specPath) {
    SweepSetup setup;
    setup.base.configPath = sweep.value(QLatin1String("config")).toString();
    setup.base.command = sweep.value(QLatin1String("command")).toString();
    setup.base.sets = strings(sweep.value(QLatin1String("sets")));
    setup.base.workDir = sweep.value(QLatin1String("workdir")).toString();
    setup.base.envLine = sweep.value(QLatin1String("env")).toString();
    setup.base.metricsRegex = sweep.value(QLatin1String("metrics_regex")).toString();
    setup.slots = strings(sweep.value(QLatin1String("slots")));
    setup.sweepPath = specPath;
    return setup;
}

}  // namespace

Result<SweepAddition> planSweepAddition(const QByteArray& sweepJson, const QString& state,
                                        const QString& sweepId, const QString& specPath) {
    if (sweepJson.size() > kMaxSweepJsonBytes)
        return fail("sweep.json of " + sweepId.toStdString() + " is too large");
    SweepAddition addition;
    addition.sweep = QJsonDocument::fromJson(sweepJson).object();
    if (state.trimmed() == QLatin1String("cancelled"))
        return fail("sweep " + sweepId.toStdString() + " was cancelled; start a new one");
    addition.setup = baseOf(addition.sweep, specPath);
    auto plan = planSweep(addition.setup);
    if (!plan) return plan.failure();
    const QJsonObject& sweep = addition.sweep;
    const std::string metric = sweep.value(QLatin1String("metric")).toString().toStdString();
    const bool maximize = sweep.value(QLatin1String("goal")).toString() == QLatin1String("max");
    if (plan->spec.metric != metric || (plan->spec.goal == SweepGoal::Max) != maximize)
        return fail(specPath.toStdString() + ": the sweep ranks by " + metric +
                    (maximize ? " (max)" : " (min)") +
                    "; added trials must use the same metric and goal");
    int next = 0;
    for (const QJsonValue& trial : sweep.value(QLatin1String("trials")).toArray())
        next = qMax(next, trial.toObject().value(QLatin1String("trial")).toInt() + 1);
    if (next + int(plan->trials.size()) > kMaxSweepTrials)
        return fail("a sweep holds at most " + std::to_string(kMaxSweepTrials) + " trials");
    for (Trial& trial : plan->trials) trial.index += next;
    addition.plan = std::move(*plan);
    return addition;
}

QByteArray SweepAddition::sweepJsonWith(const QStringList& runs) const {
    QJsonObject updated = sweep;
    QJsonArray trials = updated.value(QLatin1String("trials")).toArray();
    appendTrialEntries(trials, plan.trials, runs);
    updated.insert(QLatin1String("trials"), trials);
    return QJsonDocument(updated).toJson();
}

Result<QStringList> addToLocalSweep(LocalBackend& backend, const QString& sweepId,
                                    const QString& specPath) {
    if (!isSafeBoxName(BoxNameKind::RunId, sweepId))
        return fail("'" + sweepId.toStdString() + "' is not a sweep id");
    const QString dir = backend.runsRoot() + QLatin1String("/.sweeps/") + sweepId;
    QFile file(dir + QLatin1String("/sweep.json"));
    if (!file.open(QIODevice::ReadOnly))
        return fail("no sweep " + sweepId.toStdString() + " in " +
                    backend.runsRoot().toStdString());
    QFile state(dir + QLatin1String("/state"));
    const QString stateText =
        state.open(QIODevice::ReadOnly) ? QString::fromUtf8(state.read(64)) : QString();
    auto addition =
        planSweepAddition(file.read(kMaxSweepJsonBytes + 1), stateText, sweepId, specPath);
    if (!addition) return addition.failure();
    QStringList runs;
    for (const Trial& trial : addition->plan.trials) {
        auto run = backend.launch(trialRequest(addition->setup, trial, sweepId, dir));
        if (!run) return fail("trial " + std::to_string(trial.index + 1) + ": " + run.error());
        runs << *run;
    }
    if (auto written = writeFileAtomic((dir + QLatin1String("/sweep.json")).toStdString(),
                                       addition->sweepJsonWith(runs).toStdString());
        !written)
        return fail("cannot write sweep.json: " + written.error());
    // A scheduler that runs takes the new queue files up; one that drained has exited: start it
    // (its lock makes a second one leave at once).
    if (auto started = startSweepScheduler(backend.binDir(), dir); !started)
        return started.failure();
    return runs;
}

}  // namespace tb
