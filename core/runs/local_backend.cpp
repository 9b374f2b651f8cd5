// LocalBackend: creates run directories and starts the trainer detached through tb-wrap.sh.
#include "local_backend.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

#include <sys/stat.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "core/config/resolved_config.h"
#include "core/protocol/atomic_file.h"
#include "core/protocol/run_layout.h"
#include "core/protocol/run_status.h"
#include "detached_start.h"
#include "fail_text.h"
#include "launch_config.h"
#include "notebook_launch.h"
#include "run_reader.h"
#include "script_launch.h"
#include "std_string.h"
#include "trial_script.h"

namespace tb {
namespace {

// The messages about runs on this machine (LocalBackend's own name is taken by the class).
struct LocalRuns {
    Q_DECLARE_TR_FUNCTIONS(LocalRuns)
};

// What status.json says of a run whose directory is written but whose process has not begun;
// a start that fails is recorded on top of it.
RunStatus queuedStatus() {
    RunStatus queued;
    queued.state = RunState::Queued;
    queued.host = str(QSysInfo::machineHostName());
    queued.updated = unixNow();
    return queued;
}

struct ParentCheckpoint {
    QString path;  // absolute path handed to --resume
    QString file;  // its name, recorded in run.json
};

// The checkpoint a resume or fork starts from: an absolute path, a file in the parent's
// checkpoints folder, or (when empty or "latest") the one the parent's latest.json names.
Result<ParentCheckpoint> resolveParentCheckpoint(const QString& parentDir, const QString& which) {
    const QString checkpoints = parentDir + QLatin1String("/checkpoints");
    QString file = which;
    if (file.isEmpty() || file == QLatin1String("latest")) {
        QFile latest(checkpoints + QLatin1String("/latest.json"));
        if (!latest.open(QIODevice::ReadOnly)) {
            return failText(LocalRuns::tr("%1 has no checkpoint yet (no checkpoints/latest.json); "
                                          "pick a run that saved one")
                                .arg(parentDir));
        }
        file = QJsonDocument::fromJson(latest.readAll())
                   .object()
                   .value(QLatin1String("checkpoint"))
                   .toString();
    }
    const QString path =
        QFileInfo(file).isAbsolute() ? file : checkpoints + QLatin1Char('/') + file;
    if (file.isEmpty() || !QFileInfo::exists(path)) {
        return failText(
            LocalRuns::tr("checkpoint %1 does not exist; choose one from the run's checkpoint list")
                .arg(path));
    }
    return ParentCheckpoint{QFileInfo(path).absoluteFilePath(), QFileInfo(path).fileName()};
}

Error cannotPrepare(const QString& id, const std::string& why) {
    return failText(
        LocalRuns::tr("could not prepare run %1: %2").arg(id, QString::fromStdString(why)));
}

}  // namespace

LocalBackend::LocalBackend(const QString& runsRoot, const QString& binDir)
    : m_runsRoot(QDir(runsRoot).absolutePath()), m_binDir(QDir(binDir).absolutePath()) {
}

Result<QString> LocalBackend::launch(const LaunchRequest& request) {
    const QString wrapper = m_binDir + QLatin1String("/tb-wrap.sh");
    const QString trainer = m_binDir + QLatin1String("/trainbench-train");
    QStringList needed{wrapper};
    // A script run needs the trainer only to take metrics from its output.
    if (request.needsTrainer()) needed << trainer;
    for (const QString& path : needed) {
        if (!QFileInfo::exists(path)) {
            return failText(LocalRuns::tr("%1 is missing; build the project (cmake --build build) "
                                          "so that it sits next to the trainbench binary")
                                .arg(path));
        }
    }
    if (request.isScript()) return launchScript(request);
    QString parentDir;
    ParentCheckpoint checkpoint;
    if (!request.parentRun.isEmpty()) {
        parentDir = request.parentDir.isEmpty() ? m_runsRoot + QLatin1Char('/') + request.parentRun
                                                : request.parentDir;
        if (!QFileInfo(parentDir).isDir()) {
            return failText(
                LocalRuns::tr("parent run %1 is not in %2").arg(request.parentRun, m_runsRoot));
        }
        auto resolved = resolveParentCheckpoint(parentDir, request.parentCheckpoint);
        if (!resolved) return resolved.failure();
        checkpoint = *resolved;
    }
    auto config = prepareConfig(request, parentDir);
    if (!config) return config.failure();
    const std::string name = trialName(config->loaded.values["name"], request);
    auto id = createRunDir(m_runsRoot, name);
    if (!id) return id.failure();
    const QString dir = m_runsRoot + QLatin1Char('/') + *id;
    const RunLayout layout{str(dir)};

    QStringList command{QStringLiteral("/bin/sh"),
                        wrapper,
                        dir,
                        QStringLiteral("--"),
                        trainer,
                        QStringLiteral("--config"),
                        QString::fromStdString(layout.resolvedConfig()),
                        QStringLiteral("--run-dir"),
                        dir};
    if (!checkpoint.path.isEmpty()) command << QStringLiteral("--resume") << checkpoint.path;
    const QByteArray runJson =
        runJsonText({*id, name, QStringLiteral("local"), command, dir, request.parentRun,
                     checkpoint.file, request.sweep, request.trial, request.trialLabel});
    if (!request.queueScript.isEmpty()) {
        return enqueueRun(*id, command, resumeLatestCommand(wrapper, dir, trainer), *config,
                          runJson, request.queueScript);
    }
    return startRun(*id, command, *config, runJson);
}

Result<QString> LocalBackend::launchScript(const LaunchRequest& request) {
    auto plan = prepareScript(request);
    if (!plan) return plan.failure();
    const QString workDir =
        request.workDir.isEmpty() ? QString() : QDir(request.workDir).absolutePath();
    if (!workDir.isEmpty() && !QFileInfo(workDir).isDir()) {
        return failText(
            LocalRuns::tr("the working directory %1 does not exist; create it or choose another")
                .arg(workDir));
    }
    plan->name = trialName(plan->name, request);
    auto id = createRunDir(m_runsRoot, plan->name);
    if (!id) return id.failure();
    const QString dir = m_runsRoot + QLatin1Char('/') + *id;
    if (auto written = writeNotebook(dir, request); !written)
        return cannotPrepare(*id, written.error());
    QStringList command{QStringLiteral("/bin/sh"), m_binDir + QLatin1String("/tb-wrap.sh"), dir};
    command +=
        scriptWrapperArgs(request, *plan, workDir, m_binDir + QLatin1String("/trainbench-train"));
    const QString cwd = workDir.isEmpty() ? dir : workDir;
    RunJsonFields fields{*id, plan->name, QStringLiteral("local"), command, cwd, {}, {}};
    fields.sweep = request.sweep;
    fields.trial = request.trial;
    fields.trialLabel = request.trialLabel;
    const QByteArray runJson = withScriptFields(runJsonText(fields), request, *plan, cwd);
    if (!request.queueScript.isEmpty())
        return enqueueRun(*id, command, {}, plan->config, runJson, request.queueScript);
    return startRun(*id, command, plan->config, runJson);
}

// Writes the run's files (config.yaml, config.resolved, run.json, status "queued") into its
// fresh directory.
Result<void> LocalBackend::writeRunFiles(const QString& id, const PreparedConfig& config,
                                         const QByteArray& runJson) {
    const QString dir = m_runsRoot + QLatin1Char('/') + id;
    const RunLayout layout{str(dir)};
    Result<void> written;
    if (!config.yaml.isEmpty()) {
        written = writeFileAtomic(layout.configYaml(), config.yaml.toStdString());
    }
    if (written) {
        written =
            writeFileAtomic(layout.resolvedConfig(), writeResolvedConfig(config.loaded.values));
    }
    if (written) written = writeFileAtomic(layout.runJson(), runJson.toStdString());
    if (written) written = writeStatus(layout.statusJson(), queuedStatus());
    if (!written) return cannotPrepare(id, written.error());
    return {};
}

Result<QString> LocalBackend::enqueueRun(const QString& id, const QStringList& command,
                                         const QStringList& resume, const PreparedConfig& config,
                                         const QByteArray& runJson, const QString& queueScript) {
    if (auto written = writeRunFiles(id, config, runJson); !written) return written.failure();
    const QString dir = m_runsRoot + QLatin1Char('/') + id;
    if (auto queued = writeTrialScript(queueScript, trialScriptText(dir, command, resume));
        !queued) {
        return failText(LocalRuns::tr("could not queue run %1: %2")
                            .arg(id, QString::fromStdString(queued.error())));
    }
    return id;
}

// Writes the run's files and starts the wrapper detached.
Result<QString> LocalBackend::startRun(const QString& id, const QStringList& command,
                                       const PreparedConfig& config, const QByteArray& runJson) {
    if (auto written = writeRunFiles(id, config, runJson); !written) return written.failure();
    const QString dir = m_runsRoot + QLatin1Char('/') + id;
    const RunLayout layout{str(dir)};
    auto started = startDetached(command, dir, QString::fromStdString(layout.outputLog()));
    if (!started) {
        RunStatus failed = queuedStatus();
        failed.state = RunState::Failed;
        failed.ended = unixNow();
        failed.message = started.error();
        (void)writeStatus(layout.statusJson(), failed);
        return failText(LocalRuns::tr("run %1 did not start: %2")
                            .arg(id, QString::fromStdString(started.error())));
    }
    return id;
}

Result<void> LocalBackend::stop(const QString& runId) {
    return signalRun(runId, SIGTERM);
}

Result<void> LocalBackend::kill(const QString& runId) {
    return signalRun(runId, SIGKILL);
}

Result<void> LocalBackend::signalRun(const QString& runId, int signal) {
    const QString dir = m_runsRoot + QLatin1Char('/') + runId;
    RunInfo info;
    if (runId.isEmpty() || !readRunInfo(dir, info)) {
        return failText(LocalRuns::tr("no run %1 in %2").arg(runId, m_runsRoot));
    }
    if (!isLiveState(info.state)) {
        const std::string_view state = runStateName(info.state);
        //: %2 is the run's final state as the run folder spells it (finished, failed, ...)
        return failText(
            LocalRuns::tr("run %1 has already ended (%2)")
                .arg(runId, QString::fromLatin1(state.data(), qsizetype(state.size()))));
    }
    if (info.pid == kBadPid || info.pgid == kBadPid) {
        return failText(LocalRuns::tr("status.json of run %1 (%2) names a process id no process "
                                      "can have; nothing was signalled. Stop the run's process "
                                      "by hand (ps, kill) if it still runs")
                            .arg(runId, dir));
    }
    // While the wrapper is still starting, status.json holds the wrapper's pid and no group; the
    // wrapper passes a SIGTERM on to the command once it exists.
    const qint64 target = info.pgid > 0 ? -info.pgid : info.pid;
    if (target == 0) {
        return failText(LocalRuns::tr("run %1 has not started a process yet; try again in a moment")
                            .arg(runId));
    }
    if (::kill(pid_t(target), signal) != 0) {
        const int error = errno;
        if (error == ESRCH) {
            return failText(
                LocalRuns::tr("the process of run %1 is gone; it ended or was lost").arg(runId));
        }
        //: %2 is a process id, %3 the system's reason
        return failText(LocalRuns::tr("could not signal run %1 (process %2): %3")
                            .arg(runId, QString::number(qAbs(target)),
                                 QString::fromLocal8Bit(std::strerror(error))));
    }
    return {};
}

void LocalBackend::configAsync(const QString& runId, Done<QByteArray> done) {
    QFile file(m_runsRoot + QLatin1Char('/') + runId + QLatin1String("/config.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        return done(
            failText(LocalRuns::tr("cannot read %1: %2").arg(file.fileName(), file.errorString())));
    done(file.readAll());
}

}  // namespace tb
