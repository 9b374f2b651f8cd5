// Remote sweeps: one round trip to claim the folder, one per trial (RemoteBackend's launch in
// queue mode), one to write sweep.json and start the scheduler.

#include "remote_sweep.h"

#include "core/services/sweep_add.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <memory>

#include "core/checkpoints/box_name.h"
#include "core/runs/fail_text.h"
#include "core/runs/run_reader.h"
#include "remote_backend.h"
#include "remote_backend_text.h"
#include "remote_run_frames.h"
#include "remote_sweep_scripts.h"

namespace tb {

namespace {

using backend_text::stderrOf;

// The messages a user reads (the window shows them), translated where they are made.
struct RemoteSweep {
    Q_DECLARE_TR_FUNCTIONS(RemoteSweep)
};

Error notASweepId(const QString& id) {
    return failText(RemoteSweep::tr("'%1' is not a sweep id").arg(id));
}

Error noSweep(const QString& id, const QString& host) {
    return failText(RemoteSweep::tr("no sweep %1 on %2").arg(id, host));
}

Error cannotRead(const QString& id, const QString& host, const QString& why) {
    return failText(RemoteSweep::tr("cannot read sweep %1 on %2: %3").arg(id, host, why));
}

Error trialFailed(int index, const std::string& why) {
    //: %1 is the trial's number, %2 why it could not be queued
    return failText(RemoteSweep::tr("trial %1: %2")
                        .arg(QString::number(index + 1), QString::fromStdString(why)));
}

struct SweepStart {
    SweepSetup setup;
    SweepPlan plan;
    StartedSweep started;
    size_t next = 0;
    SweepDone<StartedSweep> done;
};

void giveUp(RemoteBackend& backend, const std::shared_ptr<SweepStart>& start, const Error& why) {
    QStringList runDirs;
    for (const QString& run : start->started.runs) runDirs << backend.runDir(run);
    backend.execAsync(removeSweepCommand(start->started.dir, runDirs),
                      [start, why](const ExecResult&) { start->done(why); });
}

void finish(RemoteBackend& backend, const std::shared_ptr<SweepStart>& start) {
    const QByteArray json = sweepJson(start->started.id, backend.settings().name, start->setup,
                                      start->plan, start->started.runs);
    const auto started = [&backend, start](const ExecResult& r) {
        if (r.ok() && r.exitStatus == 0) return start->done(start->started);
        const QString why = r.ok() ? stderrOf(r) : r.message;
        giveUp(backend, start,
               failText(RemoteSweep::tr("the sweep's scheduler did not start on %1: %2")
                            .arg(backend.settings().name, why)));
    };
    backend.execAsync(startSweepCommand(start->started.dir, json), started);
}

// The trials one after another: each is a launch in queue mode.
void queueNext(RemoteBackend& backend, const std::shared_ptr<SweepStart>& start) {
    if (start->next == start->plan.trials.size()) return finish(backend, start);
    const Trial& trial = start->plan.trials[start->next++];
    const auto queued = [&backend, start, index = trial.index](Result<QString> run) {
        if (!run) return giveUp(backend, start, trialFailed(index, run.error()));
        start->started.runs << *run;
        queueNext(backend, start);
    };
    backend.launchAsync(trialRequest(start->setup, trial, start->started.id, start->started.dir),
                        queued);
}

TrialQueueState queueFromDir(const QByteArray& word) {
    if (word == "queue") return TrialQueueState::Queued;
    if (word == "running") return TrialQueueState::Running;
    if (word == "done") return TrialQueueState::Done;
    if (word == "cancelled") return TrialQueueState::Cancelled;
    return TrialQueueState::Unknown;
}

struct TrialFiles {
    TrialQueueState queue = TrialQueueState::Unknown;
    QByteArray status;
    QByteArray exitCode;
    QByteArray metric;
    QByteArray stopped;
};

}  // namespace

void startRemoteSweep(RemoteBackend& backend, const SweepSetup& setup, const QString& scheduler,
                      SweepDone<StartedSweep> done) {
    auto plan = planSweep(setup);
    if (!plan) return done(plan.failure());
    QFile script(scheduler);
    QFile stopRule(QFileInfo(scheduler).absolutePath() + QStringLiteral("/tb-sweep-stop.sh"));
    if (!script.open(QIODevice::ReadOnly) || !stopRule.open(QIODevice::ReadOnly))
        return done(failText(RemoteSweep::tr("cannot read %1 or tb-sweep-stop.sh beside it; build "
                                             "the project so that both sit next to the binaries")
                                 .arg(scheduler)));
    auto start = std::make_shared<SweepStart>();
    start->setup = setup;
    start->plan = std::move(*plan);
    start->done = std::move(done);
    const RemoteCommand create =
        createSweepCommand(backend.settings().runsRoot, sweepIdBase(setup.sweepPath), setup.slots,
                           start->plan.specText, script.readAll(), stopRule.readAll(),
                           earlyStopText(start->plan.spec));
    backend.execAsync(create, [&backend, start](const ExecResult& r) {
        const QString host = backend.settings().name;
        if (!r.ok())
            return start->done(
                failText(RemoteSweep::tr("cannot start a sweep on %1: %2").arg(host, r.message)));
        const QList<QByteArray> lines = r.standardOutput.split('\n');
        if (r.exitStatus != 0 || lines.size() < 2 || !lines[0].startsWith('/') ||
            !isSafeBoxName(BoxNameKind::RunId, QString::fromUtf8(lines[1])))
            return start->done(failText(RemoteSweep::tr("cannot create a sweep folder in %1 on "
                                                        "%2: %3; check the runs root and its "
                                                        "free space")
                                            .arg(backend.settings().runsRoot, host, stderrOf(r))));
        start->started.id = QString::fromUtf8(lines[1]);
        start->started.dir =
            QString::fromUtf8(lines[0]) + QLatin1String("/.sweeps/") + start->started.id;
        queueNext(backend, start);
    });
}

Result<SweepReport> parseRemoteSweep(const QByteArray& output, const QString& id,
                                     const QString& hostName) {
    auto frames = parseRemoteFrames(output);
    if (!frames)
        return failText(RemoteSweep::tr("unreadable sweep from %1: %2")
                            .arg(hostName, QString::fromStdString(frames.error())));
    QByteArray sweepJson;
    QString state;
    QString dir;
    QHash<int, TrialFiles> files;
    TrialFiles* current = nullptr;
    for (const RemoteFrame& frame : *frames) {
        if (frame.key == "dir") {
            dir = QString::fromUtf8(frame.value.left(4096));
        } else if (frame.key == "sweep") {
            sweepJson = frame.value;
        } else if (frame.key == "state") {
            state = QString::fromUtf8(frame.value.left(64));
        } else if (frame.key == "trial") {
            const QList<QByteArray> words = frame.value.split(' ');
            bool ok = false;
            const int number = words.value(0).toInt(&ok);
            current = nullptr;
            if (!ok || words.size() != 2 || number < 1 || number > 999999) continue;
            current = &files[number - 1];
            current->queue = queueFromDir(words[1]);
        } else if (current && frame.key == "status") {
            current->status = frame.value;
        } else if (current && frame.key == "exit") {
            current->exitCode = frame.value;
        } else if (current && frame.key == "metric") {
            current->metric = frame.value;
        } else if (current && frame.key == "stopped") {
            current->stopped = frame.value.left(512);
        }
    }
    auto report =
        sweepReportFrom(sweepJson, id, state, [&](const SweepReport&, SweepTrialRow& row) {
            const TrialFiles found = files.value(row.trial);
            row.queue = found.queue;
            row.stoppedEarly = QString::fromUtf8(found.stopped).trimmed();
            row.info.id = row.run;
            row.info.target = hostName;
            if (!found.status.isEmpty())
                applyStatusJson(QJsonDocument::fromJson(found.status).object(), row.info);
            bool ok = false;
            const int code = found.exitCode.trimmed().toInt(&ok);
            if (ok && code >= 0 && code < 256) row.info.exitCode = code;
            const QList<QByteArray> numbers = found.metric.split(' ');
            if (numbers.size() != 3) return;
            bool countOk = false, bestOk = false, lastOk = false;
            const qint64 count = numbers[0].toLongLong(&countOk);
            const double best = numbers[1].toDouble(&bestOk);
            const double last = numbers[2].toDouble(&lastOk);
            if (!countOk || !bestOk || !lastOk || count < 0 || !std::isfinite(best) ||
                !std::isfinite(last))
                return;
            row.epochs = count;
            row.best = best;
            row.last = last;
        });
    if (!report) return report;
    if (dir.startsWith(QLatin1Char('/'))) report->dir = dir;
    report->host = hostName;
    return report;
}

void readRemoteSweep(RemoteBackend& backend, const QString& id, SweepDone<SweepReport> done) {
    if (!isSafeBoxName(BoxNameKind::RunId, id)) return done(notASweepId(id));
    backend.execAsync(readSweepCommand(backend.settings().runsRoot, id),
                      [&backend, id, done](const ExecResult& r) {
                          const QString host = backend.settings().name;
                          if (!r.ok()) return done(cannotRead(id, host, r.message));
                          if (r.exitStatus == 4) return done(noSweep(id, host));
                          if (r.exitStatus != 0) return done(cannotRead(id, host, stderrOf(r)));
                          done(parseRemoteSweep(r.standardOutput, id, host));
                      });
}

namespace {

struct SweepAdd {
    SweepAddition addition;
    QString id;
    QString dir;
    QStringList runs;
    size_t next = 0;
    SweepDone<QStringList> done;
};

void queueAdded(RemoteBackend& backend, const std::shared_ptr<SweepAdd>& add) {
    if (add->next == add->addition.plan.trials.size()) {
        const RemoteCommand start =
            startSweepCommand(add->dir, add->addition.sweepJsonWith(add->runs));
        return backend.execAsync(start, [&backend, add](const ExecResult& r) {
            if (!r.ok() || r.exitStatus != 0)
                return add->done(
                    failText(RemoteSweep::tr("the trials are queued but sweep.json "
                                             "or the scheduler failed on %1: %2")
                                 .arg(backend.settings().name, r.ok() ? stderrOf(r) : r.message)));
            add->done(add->runs);
        });
    }
    const Trial& trial = add->addition.plan.trials[add->next++];
    backend.launchAsync(trialRequest(add->addition.setup, trial, add->id, add->dir),
                        [&backend, add, index = trial.index](Result<QString> run) {
                            if (!run) return add->done(trialFailed(index, run.error()));
                            add->runs << *run;
                            queueAdded(backend, add);
                        });
}

}  // namespace

void addToRemoteSweep(RemoteBackend& backend, const QString& id, const QString& specPath,
                      SweepDone<QStringList> done) {
    if (!isSafeBoxName(BoxNameKind::RunId, id)) return done(notASweepId(id));
    backend.execAsync(readSweepCommand(backend.settings().runsRoot, id), [&backend, id, specPath,
                                                                          done](
                                                                             const ExecResult& r) {
        const QString host = backend.settings().name;
        if (r.ok() && r.exitStatus == 4) return done(noSweep(id, host));
        if (!r.ok() || r.exitStatus != 0)
            return done(cannotRead(id, host, r.ok() ? stderrOf(r) : r.message));
        auto frames = parseRemoteFrames(r.standardOutput);
        if (!frames) return done(frames.failure());
        QByteArray json, state, dir;
        for (const RemoteFrame& frame : *frames) {
            if (frame.key == "sweep") json = frame.value;
            if (frame.key == "state") state = frame.value.left(64);
            if (frame.key == "dir") dir = frame.value.left(4096);
        }
        if (!dir.startsWith('/'))
            return done(failText(
                RemoteSweep::tr("sweep %1 on %2 has no folder the box could name").arg(id, host)));
        auto addition = planSweepAddition(json, QString::fromUtf8(state), id, specPath);
        if (!addition) return done(addition.failure());
        auto add = std::make_shared<SweepAdd>();
        add->addition = std::move(*addition);
        add->id = id;
        add->dir = QString::fromUtf8(dir);
        add->done = done;
        queueAdded(backend, add);
    });
}

void cancelRemoteSweep(RemoteBackend& backend, const QString& id, int trial,
                       SweepDone<TrialCancel> done) {
    if (!isSafeBoxName(BoxNameKind::RunId, id)) return done(notASweepId(id));
    if (trial < 0 || trial > 999999)
        return done(failText(RemoteSweep::tr("no trial %1").arg(trial)));
    const QString name = trial == 0 ? QStringLiteral("all")
                                    : QStringLiteral("%1").arg(trial, 6, 10, QLatin1Char('0'));
    backend.execAsync(
        cancelSweepCommand(backend.settings().runsRoot, id, name),
        [&backend, id, trial, done](const ExecResult& r) {
            const QString host = backend.settings().name;
            if (r.ok() && r.exitStatus == 4) return done(noSweep(id, host));
            if (!r.ok() || r.exitStatus != 0)
                return done(failText(RemoteSweep::tr("cannot cancel on %1: %2")
                                         .arg(host, r.ok() ? stderrOf(r) : r.message)));
            const bool dequeued = trial != 0 && r.standardOutput.startsWith("cancelled");
            done(dequeued ? TrialCancel::Dequeued : TrialCancel::Requested);
        });
}

}  // namespace tb
