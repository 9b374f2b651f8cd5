// Adding trials: sweep.json is the record of what a sweep queued; it is rewritten whole (atomic
// rename) with the new trials after the old, which the scheduler never reads.

#include "sweep_add.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/checkpoints/box_name.h"
#include "core/protocol/atomic_file.h"
#include "core/runs/fail_text.h"
#include "core/runs/local_backend.h"
#include "sweep_launcher.h"
#include "sweep_status.h"

namespace tb {

namespace {

// The sweep services share one translation context: their messages repeat across files.
struct Sweeps {
    Q_DECLARE_TR_FUNCTIONS(Sweeps)
};

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

Error trialFailed(const Trial& trial, const std::string& why) {
    //: %1 is a trial's number, %2 why it could not be queued
    return failText(Sweeps::tr("trial %1: %2")
                        .arg(QString::number(trial.index + 1), QString::fromStdString(why)));
}

}  // namespace

Result<SweepAddition> planSweepAddition(const QByteArray& sweepJson, const QString& state,
                                        const QString& sweepId, const QString& specPath) {
    if (sweepJson.size() > kMaxSweepJsonBytes)
        return failText(Sweeps::tr("sweep.json of %1 is too large").arg(sweepId));
    SweepAddition addition;
    addition.sweep = QJsonDocument::fromJson(sweepJson).object();
    if (state.trimmed() == QLatin1String("cancelled"))
        return failText(Sweeps::tr("sweep %1 was cancelled; start a new one").arg(sweepId));
    addition.setup = baseOf(addition.sweep, specPath);
    auto plan = planSweep(addition.setup);
    if (!plan) return plan.failure();
    const QJsonObject& sweep = addition.sweep;
    const std::string metric = sweep.value(QLatin1String("metric")).toString().toStdString();
    const bool maximize = sweep.value(QLatin1String("goal")).toString() == QLatin1String("max");
    if (plan->spec.metric != metric || (plan->spec.goal == SweepGoal::Max) != maximize)
        //: %1 is the sweep file, %2 a metric key, %3 the goal as the file spells it (min or max)
        return failText(Sweeps::tr("%1: the sweep ranks by %2 (%3); added trials must use the "
                                   "same metric and goal")
                            .arg(specPath, QString::fromStdString(metric),
                                 maximize ? QStringLiteral("max") : QStringLiteral("min")));
    int next = 0;
    for (const QJsonValue& trial : sweep.value(QLatin1String("trials")).toArray())
        next = qMax(next, trial.toObject().value(QLatin1String("trial")).toInt() + 1);
    if (next + int(plan->trials.size()) > kMaxSweepTrials)
        return failText(
            Sweeps::tr("a sweep holds at most %1 trials").arg(QString::number(kMaxSweepTrials)));
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
        return failText(Sweeps::tr("'%1' is not a sweep id").arg(sweepId));
    const QString dir = backend.runsRoot() + QLatin1String("/.sweeps/") + sweepId;
    QFile file(dir + QLatin1String("/sweep.json"));
    if (!file.open(QIODevice::ReadOnly))
        return failText(Sweeps::tr("no sweep %1 in %2").arg(sweepId, backend.runsRoot()));
    QFile state(dir + QLatin1String("/state"));
    const QString stateText =
        state.open(QIODevice::ReadOnly) ? QString::fromUtf8(state.read(64)) : QString();
    auto addition =
        planSweepAddition(file.read(kMaxSweepJsonBytes + 1), stateText, sweepId, specPath);
    if (!addition) return addition.failure();
    QStringList runs;
    for (const Trial& trial : addition->plan.trials) {
        auto run = backend.launch(trialRequest(addition->setup, trial, sweepId, dir));
        if (!run) return trialFailed(trial, run.error());
        runs << *run;
    }
    if (auto written = writeFileAtomic((dir + QLatin1String("/sweep.json")).toStdString(),
                                       addition->sweepJsonWith(runs).toStdString());
        !written)
        return failText(
            Sweeps::tr("cannot write sweep.json: %1").arg(QString::fromStdString(written.error())));
    // A scheduler that runs takes the new queue files up; one that drained has exited: start it
    // (its lock makes a second one leave at once).
    if (auto started = startSweepScheduler(backend.binDir(), dir); !started)
        return started.failure();
    return runs;
}

}  // namespace tb
