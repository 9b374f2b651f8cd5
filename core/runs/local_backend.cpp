// LocalBackend: creates run directories and starts the trainer detached through tb-wrap.sh.
#include "local_backend.h"

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
#include "launch_config.h"
#include "notebook_launch.h"
#include "run_reader.h"
#include "script_launch.h"
#include "trial_script.h"

namespace tb {
namespace {

std::string str(const QString& text) {
    return text.toStdString();
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
            return fail(str(parentDir) +
                        " has no checkpoint yet (no checkpoints/latest.json); "
                        "pick a run that saved one");
        }
        file = QJsonDocument::fromJson(latest.readAll())
                   .object()
                   .value(QLatin1String("checkpoint"))
                   .toString();
    }
    const QString path =
        QFileInfo(file).isAbsolute() ? file : checkpoints + QLatin1Char('/') + file;
    if (file.isEmpty() || !QFileInfo::exists(path)) {
        return fail("checkpoint " + str(path) +
                    " does not exist; choose one from the run's "
                    "checkpoint list");
    }
    return ParentCheckpoint{QFileInfo(path).absoluteFilePath(), QFileInfo(path).fileName()};
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
            return fail(str(path) +
                        " is missing; build the project (cmake --build build) so "
                        "that it sits next to the trainbench binary");
        }
    }
    if (request.isScript()) return launchScript(request);
    QString parentDir;
    ParentCheckpoint checkpoint;
    if (!request.parentRun.isEmpty()) {
        parentDir = request.parentDir.isEmpty() ? m_runsRoot + QLatin1Char('/') + request.parentRun
                                                : request.parentDir;
        if (!QFileInfo(parentDir).isDir()) {
            return fail("parent run " + str(request.parentRun) + " is not in " + str(m_runsRoot));
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
        return fail("the working directory " + str(workDir) +
                    " does not exist; create it or choose another");
    }
    plan->name = trialName(plan->name, request);
    auto id = createRunDir(m_runsRoot, plan->name);
    if (!id) return id.failure();
    const QString dir = m_runsRoot + QLatin1Char('/') + *id;
    if (auto written = writeNotebook(dir, request); !written)
        return fail("could not prepare run " + str(*id) + ": " + written.error());
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
    RunStatus queued;
    queued.state = RunState::Queued;
    queued.host = str(QSysInfo::machineHostName());
    queued.updated = unixNow();
    Result<void> written;
    if (!config.yaml.isEmpty()) {
        written = writeFileAtomic(layout.configYaml(), config.yaml.toStdString());
    }
    if (written) {
        written =
            writeFileAtomic(layout.resolvedConfig(), writeResolvedConfig(config.loaded.values));
    }
    if (written) written = writeFileAtomic(layout.runJson(), runJson.toStdString());
    if (written) written = writeStatus(layout.statusJson(), queued);
    if (!written) return fail("could not prepare run " + str(id) + ": " + written.error());
    return {};
}

Result<QString> LocalBackend::enqueueRun(const QString& id, const QStringList& command,
                                         const QStringList& resume, const PreparedConfig& config,
                                         const QByteArray& runJson, const QString& queueScript) {
    if (auto written = writeRunFiles(id, config, runJson); !written) return written.failure();
    const QString dir = m_runsRoot + QLatin1Char('/') + id;
    if (auto queued = writeTrialScript(queueScript, trialScriptText(dir, command, resume));
        !queued) {
        return fail("could not queue run " + str(id) + ": " + queued.error());
    }
    return id;
}

// Writes the run's files and starts the wrapper detached.
Result<QString> LocalBackend::startRun(const QString& id, const QStringList& command,
                                       const PreparedConfig& config, const QByteArray& runJson) {
    if (auto written = writeRunFiles(id, config, runJson); !written) return written.failure();
    const QString dir = m_runsRoot + QLatin1Char('/') + id;
    const RunLayout layout{str(dir)};
    RunStatus queued;
    queued.state = RunState::Queued;
    queued.host = str(QSysInfo::machineHostName());
    queued.updated = unixNow();
    auto started = startDetached(command, dir, QString::fromStdString(layout.outputLog()));
    if (!started) {
        RunStatus failed = queued;
        failed.state = RunState::Failed;
        failed.ended = unixNow();
        failed.message = started.error();
        (void)writeStatus(layout.statusJson(), failed);
        return fail("run " + str(id) + " did not start: " + started.error());
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
        return fail("no run " + str(runId) + " in " + str(m_runsRoot));
    }
    if (!isLiveState(info.state)) {
        return fail("run " + str(runId) + " has already ended (" +
                    std::string(runStateName(info.state)) + ")");
    }
    if (info.pid == kBadPid || info.pgid == kBadPid) {
        return fail("status.json of run " + str(runId) + " (" + str(dir) +
                    ") names a process id no process can have; nothing was signalled. Stop the "
                    "run's process by hand (ps, kill) if it still runs");
    }
    // While the wrapper is still starting, status.json holds the wrapper's pid and no group; the
    // wrapper passes a SIGTERM on to the command once it exists.
    const qint64 target = info.pgid > 0 ? -info.pgid : info.pid;
    if (target == 0) {
        return fail("run " + str(runId) + " has not started a process yet; try again in a moment");
    }
    if (::kill(pid_t(target), signal) != 0) {
        const int error = errno;
        if (error == ESRCH) {
            return fail("the process of run " + str(runId) + " is gone; it ended or was lost");
        }
        return fail("could not signal run " + str(runId) + " (process " +
                    std::to_string(qAbs(target)) + "): " + std::strerror(error));
    }
    return {};
}

void LocalBackend::configAsync(const QString& runId, Done<QByteArray> done) {
    QFile file(m_runsRoot + QLatin1Char('/') + runId + QLatin1String("/config.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        return done(fail("cannot read " + str(file.fileName()) + ": " + str(file.errorString())));
    done(file.readAll());
}

}  // namespace tb
