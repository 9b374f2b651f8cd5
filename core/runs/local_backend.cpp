// LocalBackend: creates run directories and starts the trainer detached through tb-wrap.sh.
#include "runs/local_backend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

#include <sys/stat.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "config/config_file.h"
#include "config/resolved_config.h"
#include "protocol/atomic_file.h"
#include "protocol/run_layout.h"
#include "protocol/run_status.h"
#include "runs/detached_start.h"
#include "runs/run_reader.h"

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

struct PreparedConfig {
    LoadedConfig loaded;
    QByteArray yaml;  // frozen as config.yaml; empty when resuming from a resolved config
};

Result<PreparedConfig> prepareConfig(const LaunchRequest& request, const QString& parentDir) {
    PreparedConfig prepared;
    if (!request.configText.isEmpty()) {
        const QString baseDir = request.configPath.isEmpty()
                                    ? QDir::currentPath()
                                    : QFileInfo(request.configPath).absolutePath();
        const QString fileName =
            request.configPath.isEmpty() ? QStringLiteral("config.yaml") : request.configPath;
        prepared.yaml = request.configText.toUtf8();
        prepared.loaded = parseConfigText(prepared.yaml.toStdString(), str(fileName), str(baseDir));
    } else if (!request.configPath.isEmpty()) {
        QFile file(request.configPath);
        if (!file.open(QIODevice::ReadOnly)) {
            return fail("cannot read config " + str(request.configPath) + ": " +
                        str(file.errorString()));
        }
        prepared.yaml = file.readAll();
        prepared.loaded = loadConfigFile(str(request.configPath));
    } else if (!parentDir.isEmpty()) {
        // Resuming without a config: the parent's resolved config is exactly what it ran with.
        auto text = readFile(str(parentDir + QLatin1String("/config.resolved")));
        if (!text) return fail("cannot resume: " + text.error());
        auto values = readResolvedConfig(*text, str(parentDir + QLatin1String("/config.resolved")));
        if (!values) return fail("cannot resume: " + values.error());
        prepared.loaded.values = *values;
        QFile yaml(parentDir + QLatin1String("/config.yaml"));
        if (yaml.open(QIODevice::ReadOnly)) prepared.yaml = yaml.readAll();
    } else {
        return fail("no config to launch: give a config file or config text");
    }
    std::vector<std::string> sets;
    for (const QString& set : request.sets) sets.push_back(str(set));
    applyOverrides(prepared.loaded, sets);
    if (!prepared.loaded.ok()) {
        std::string message = "the config is not valid; fix these and launch again:";
        for (const Diagnostic& d : prepared.loaded.diagnostics) message += "\n  " + d.format();
        return fail(message);
    }
    return prepared;
}

// Claims a fresh directory for the run. Two launches of one name within a second would share
// an id, so the later one gets a numbered suffix.
Result<QString> createRunDir(const QString& runsRoot, const std::string& name) {
    if (!QDir().mkpath(runsRoot)) {
        return fail("cannot create the runs folder " + str(runsRoot) + "; check its permissions");
    }
    const QString base = QString::fromStdString(makeRunId(unixNow(), name));
    for (int attempt = 1; attempt < 100; ++attempt) {
        const QString id = attempt == 1 ? base : base + QLatin1Char('-') + QString::number(attempt);
        const QByteArray path = (runsRoot + QLatin1Char('/') + id).toLocal8Bit();
        if (::mkdir(path.constData(), 0755) == 0) return id;
        if (errno != EEXIST) {
            return fail("cannot create run folder " + path.toStdString() + ": " +
                        std::strerror(errno));
        }
    }
    return fail("too many runs named " + base.toStdString() + " in this second; try again");
}

QByteArray runJson(const QString& id, const std::string& name, const QStringList& command,
                   const QString& cwd, const QString& parentRun, const QString& checkpointFile) {
    QJsonObject object;
    object.insert(QLatin1String("protocol"), kRunProtocolVersion);
    object.insert(QLatin1String("id"), id);
    object.insert(QLatin1String("name"), QString::fromStdString(name));
    object.insert(QLatin1String("created"), unixNow());
    object.insert(QLatin1String("target"), QStringLiteral("local"));
    object.insert(QLatin1String("command"), QJsonArray::fromStringList(command));
    object.insert(QLatin1String("cwd"), cwd);
    if (!parentRun.isEmpty()) {
        QJsonObject parent;
        parent.insert(QLatin1String("run"), parentRun);
        parent.insert(QLatin1String("checkpoint"), checkpointFile);
        object.insert(QLatin1String("parent"), parent);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

}  // namespace

LocalBackend::LocalBackend(const QString& runsRoot, const QString& binDir)
    : m_runsRoot(QDir(runsRoot).absolutePath()), m_binDir(QDir(binDir).absolutePath()) {
}

Result<QString> LocalBackend::launch(const LaunchRequest& request) {
    const QString wrapper = m_binDir + QLatin1String("/tb-wrap.sh");
    const QString trainer = m_binDir + QLatin1String("/trainbench-train");
    for (const QString& needed : {wrapper, trainer}) {
        if (!QFileInfo::exists(needed)) {
            return fail(str(needed) +
                        " is missing; build the project (cmake --build build) so "
                        "that it sits next to the trainbench binary");
        }
    }
    QString parentDir;
    ParentCheckpoint checkpoint;
    if (!request.parentRun.isEmpty()) {
        parentDir = m_runsRoot + QLatin1Char('/') + request.parentRun;
        if (!QFileInfo(parentDir).isDir()) {
            return fail("parent run " + str(request.parentRun) + " is not in " + str(m_runsRoot));
        }
        auto resolved = resolveParentCheckpoint(parentDir, request.parentCheckpoint);
        if (!resolved) return resolved.failure();
        checkpoint = *resolved;
    }
    auto config = prepareConfig(request, parentDir);
    if (!config) return config.failure();
    const std::string name = config->loaded.values["name"];
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

    RunStatus queued;
    queued.state = RunState::Queued;
    queued.host = str(QSysInfo::machineHostName());
    queued.updated = unixNow();
    Result<void> written;
    if (!config->yaml.isEmpty()) {
        written = writeFileAtomic(layout.configYaml(), config->yaml.toStdString());
    }
    if (written) {
        written =
            writeFileAtomic(layout.resolvedConfig(), writeResolvedConfig(config->loaded.values));
    }
    if (written) {
        written = writeFileAtomic(
            layout.runJson(),
            runJson(*id, name, command, dir, request.parentRun, checkpoint.file).toStdString());
    }
    if (written) written = writeStatus(layout.statusJson(), queued);
    if (!written) return fail("could not prepare run " + str(*id) + ": " + written.error());

    auto started = startDetached(command, dir, QString::fromStdString(layout.outputLog()));
    if (!started) {
        RunStatus failed = queued;
        failed.state = RunState::Failed;
        failed.ended = unixNow();
        failed.message = started.error();
        (void)writeStatus(layout.statusJson(), failed);
        return fail("run " + str(*id) + " did not start: " + started.error());
    }
    return *id;
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

}  // namespace tb
