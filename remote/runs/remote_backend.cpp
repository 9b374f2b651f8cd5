// RemoteBackend: launch / stop / kill / scan over one host's SSH session; a broken link is
// handed to HostConnection, which checks it and reconnects.
#include "remote_backend.h"

#include <QFile>
#include <QFileInfo>

#include <memory>
#include <optional>

#include "core/config/resolved_config.h"
#include "core/protocol/run_layout.h"
#include "core/protocol/run_status.h"
#include "core/runs/await_result.h"
#include "core/runs/fail_text.h"
#include "core/runs/launch_config.h"
#include "core/runs/notebook_launch.h"
#include "core/runs/script_launch.h"
#include "core/runs/std_string.h"
#include "core/runs/trial_script.h"
#include "remote/ssh/host_connection.h"
#include "remote_backend_text.h"
#include "slurm_ranks.h"

namespace tb {

struct LaunchPlan {
    LaunchRequest request;
    PreparedConfig config;
    QByteArray wrapper;
    std::string name;
    std::optional<ScriptPlan> script;  // the user's own command instead of the trainer
    QList<std::pair<QString, QByteArray>> helperFiles;  // beside the wrapper, for scripts
    QString resumePath;                 // resume / fork: the checkpoint's path on the box
    QString parentFile;                 // its file name, for run.json
    std::optional<SlurmOptions> slurm;  // a Slurm job: sbatch's options; none: started directly
};

using backend_text::isRunId;
using backend_text::stderrOf;

namespace {

// One command line must stay under Linux's limit for a single argument (128 KiB).
constexpr qsizetype kMaxCommandBytes = 120 * 1024;

}  // namespace

RemoteBackend::RemoteBackend(HostConnection* connection, RemoteHostSettings settings,
                             QObject* parent)
    : QObject(parent), m_connection(connection), m_settings(std::move(settings)) {
    connect(m_connection->session()->session(), &SshSession::execFinished, this,
            &RemoteBackend::onExecFinished);
}

RemoteBackend::~RemoteBackend() = default;

QString RemoteBackend::where() const {
    //: %1 is a host's name; the messages about its runs name the host this way
    return tr("host %1").arg(m_settings.name);
}

void RemoteBackend::execAsync(const RemoteCommand& command, ExecCallback done) {
    m_pending.insert(m_connection->session()->exec(command), std::move(done));
}

void RemoteBackend::onExecFinished(quint64 requestId, const ExecResult& result) {
    const ExecCallback done = m_pending.take(requestId);
    if (!done) return;  // another user of the session
    if (!result.ok() && result.failure != SshFailure::Cancelled) m_connection->checkNow();
    done(result);
}

void RemoteBackend::launchAsync(const LaunchRequest& request, Callback<QString> done) {
    const QString host = where();
    if (!request.parentRun.isEmpty() && request.isScript()) {
        done(
            failText(tr("only runs of the built-in trainer resume from a checkpoint; launch the "
                        "script as a new run")));
        return;
    }
    if (request.needsTrainer() && m_settings.trainerPath.isEmpty()) {
        done(failText(tr("%1 has no trainer path; prepare the host first").arg(host)));
        return;
    }
    QFile wrapper(m_settings.wrapperFile);
    if (!wrapper.open(QIODevice::ReadOnly)) {
        done(failText(tr("cannot read the run wrapper %1; build the project so that tb-wrap.sh "
                         "sits next to the binaries")
                          .arg(m_settings.wrapperFile)));
        return;
    }
    auto plan = std::make_shared<LaunchPlan>();
    plan->request = request;
    plan->wrapper = wrapper.readAll();
    if (m_settings.slurm.enabled || !request.slurm.isEmpty()) {
        if (!request.queueScript.isEmpty())
            return done(failText(tr("a sweep's trials run on a Slurm cluster as jobs of their own; "
                                    "the sweep queue of %1 is not for Slurm hosts")
                                     .arg(host)));
        auto slurm = parseSlurmOptions(request.slurm, m_settings.slurm);
        if (!slurm)
            return done(failText(
                tr("cannot submit to %1: %2").arg(host, QString::fromStdString(slurm.error()))));
        plan->slurm = *slurm;
    }
    if (!request.parentRun.isEmpty()) return launchResume(request, plan, done);
    if (request.isScript()) {
        auto script = prepareScript(request);
        if (!script) return done(script.failure());
        plan->config = script->config;
        plan->name = script->name;
        plan->script = std::move(*script);
        plan->helperFiles =
            scriptHelperFiles(request, QFileInfo(m_settings.wrapperFile).absolutePath());
    } else {
        auto config = prepareConfig(request, QString(), DataPathsOn::Host);
        if (!config) return done(config.failure());
        plan->config = std::move(*config);
        plan->name = plan->config.loaded.values["name"];
    }
    claimAndStart(plan, done);
}

// Resume / fork: the parent's checkpoint list and config come from the box in one round trip;
// the new run starts with --resume on the checkpoint's absolute path there.
void RemoteBackend::launchResume(const LaunchRequest& request, std::shared_ptr<LaunchPlan> plan,
                                 Callback<QString> done) {
    QString root = m_settings.runsRoot;
    QString parentId = request.parentRun;
    if (!request.parentDir.isEmpty()) {  // a copy staged outside the runs root
        const qsizetype slash = request.parentDir.lastIndexOf(QLatin1Char('/'));
        root = request.parentDir.left(qMax<qsizetype>(slash, 1));
        parentId = request.parentDir.mid(slash + 1);
    }
    if (!isRunId(parentId))
        return done(failText(tr("no parent run %1 on %2").arg(parentId, where())));
    const bool configFromParent = request.configText.isEmpty() && request.configPath.isEmpty();
    listAsync(root, parentId, configFromParent,
              [this, request, plan, configFromParent, done](Result<RemoteCheckpoints> parent) {
                  if (!parent) return done(parent.failure());
                  auto checkpoint = parent->pick(request.parentCheckpoint, where());
                  if (!checkpoint) return done(checkpoint.failure());
                  auto config =
                      configFromParent
                          ? prepareResolvedConfig(
                                request, parent->resolvedConfig.toStdString(), parent->configYaml,
                                str(m_settings.name + QLatin1Char(':') + parent->runDir +
                                    QStringLiteral("/config.resolved")),
                                DataPathsOn::Host)
                          : prepareConfig(request, QString(), DataPathsOn::Host);
                  if (!config) return done(config.failure());
                  plan->config = std::move(*config);
                  plan->name = plan->config.loaded.values["name"];
                  plan->resumePath = checkpoint->path;
                  plan->parentFile = checkpoint->fileName();
                  claimAndStart(plan, done);
              });
}

void RemoteBackend::claimAndStart(std::shared_ptr<LaunchPlan> plan, Callback<QString> done) {
    plan->name = trialName(plan->name, plan->request);
    const QString baseId = QString::fromStdString(makeRunId(unixNow(), plan->name));
    execAsync(claimRunDirCommand(m_settings.runsRoot, baseId),
              [this, plan, done](const ExecResult& claimed) { startRun(claimed, *plan, done); });
}

void RemoteBackend::startRun(const ExecResult& claimed, const LaunchPlan& plan,
                             Callback<QString> done) {
    const QString root = m_settings.runsRoot;
    const QString host = where();
    if (!claimed.ok())
        return done(failText(tr("cannot launch on %1: %2").arg(host, claimed.message)));
    if (claimed.exitStatus != 0) {
        //: %1 is the runs root, %2 the host, %3 what the box said
        return done(failText((claimed.exitStatus == 3
                                  ? tr("cannot create the runs folder %1 on %2: %3; check the "
                                       "host's runs root and its free space")
                                  : tr("cannot create a run folder in %1 on %2: %3; check the "
                                       "host's runs root and its free space"))
                                 .arg(root, host, stderrOf(claimed))));
    }
    const QStringList lines = QString::fromUtf8(claimed.standardOutput).split(QLatin1Char('\n'));
    if (lines.size() < 2 || lines[0].isEmpty() || lines[1].isEmpty())
        return done(
            failText(tr("unexpected answer from %1 when creating the run folder").arg(host)));
    m_root = lines[0];
    const QString id = lines[1];
    const QString dir = runDir(id);
    const RunLayout layout{str(dir)};
    QStringList wrapperArgs;
    // On Slurm each process of a data-parallel trainer run is a task of the job (srun).
    const SlurmRanks ranks =
        plan.slurm && !plan.script ? slurmRanksOf(plan.config.loaded.values) : SlurmRanks{};
    // A script without a working directory runs in its run directory, as LaunchRequest says.
    const QString workDir = plan.request.workDir.isEmpty() ? dir : plan.request.workDir;
    if (plan.script) {
        wrapperArgs =
            scriptWrapperArgs(plan.request, *plan.script, workDir, m_settings.trainerPath);
    } else {
        QStringList trainer{m_settings.trainerPath, QStringLiteral("--config"),
                            QString::fromStdString(layout.resolvedConfig()),
                            QStringLiteral("--run-dir"), dir};
        if (!plan.resumePath.isEmpty()) trainer << QStringLiteral("--resume") << plan.resumePath;
        trainer = rankedCommand(trainer, ranks);
        wrapperArgs = QStringList{QStringLiteral("--")} + trainer;
    }
    const QStringList argv =
        QStringList{QStringLiteral("/bin/sh"), remoteWrapperPath(dir), dir} + wrapperArgs;

    RunStatus queued;
    queued.state = RunState::Queued;
    queued.host = str(m_settings.name);
    queued.updated = unixNow();
    RemoteRunFiles files;
    files.dir = dir;
    files.wrapper = plan.wrapper;
    files.runJson = runJsonText({id, plan.name, m_settings.name, argv, plan.script ? workDir : dir,
                                 plan.request.parentRun, plan.parentFile, plan.request.sweep,
                                 plan.request.trial, plan.request.trialLabel});
    if (plan.script) {
        files.runJson = withScriptFields(files.runJson, plan.request, *plan.script, workDir);
        files.helperFiles = plan.helperFiles;
    }
    files.configYaml = plan.config.yaml;
    files.resolvedConfig =
        QByteArray::fromStdString(writeResolvedConfig(plan.config.loaded.values));
    files.statusJson = QByteArray::fromStdString(queued.toJson() + "\n");
    if (!plan.request.queueScript.isEmpty()) {
        files.queueScript = plan.request.queueScript;
        // An interrupted trial of the trainer goes on from its checkpoint; a script starts over.
        const QStringList resume =
            plan.script ? QStringList()
                        : resumeLatestCommand(remoteWrapperPath(dir), dir, m_settings.trainerPath);
        files.queueText = trialScriptText(dir, argv, resume);
    }
    if (plan.slurm) files.sbatchArguments = withRanks(*plan.slurm, ranks).sbatchArguments();
    const RemoteCommand start =
        startRunCommand(files, wrapperArgs, m_settings.startMode, QStringLiteral("tb-") + id);
    if (start.shellLine().toUtf8().size() > kMaxCommandBytes)
        return done(failText(
            tr("the config of run %1 is too large to send to %2 in one command; shorten it")
                .arg(id, host)));
    execAsync(start, [id, host, done](const ExecResult& started) {
        if (!started.ok())
            return done(failText(
                tr("run %1 on %2 may not have started: %3").arg(id, host, started.message)));
        if (started.exitStatus == 6)
            return done(failText(tr("Slurm on %1 refused run %2: %3; check the partition, "
                                    "account, GPUs and time limit")
                                     .arg(host, id, stderrOf(started))));
        if (started.exitStatus != 0)
            return done(
                failText(tr("run %1 did not start on %2: %3").arg(id, host, stderrOf(started))));
        done(id);
    });
}

void RemoteBackend::scanAsync(Callback<RemoteScan> done) {
    execAsync(scanRunsCommand(m_settings.runsRoot), [this, done](const ExecResult& r) {
        const QString host = where();
        if (!r.ok()) return done(failText(tr("cannot list runs on %1: %2").arg(host, r.message)));
        if (r.exitStatus != 0)
            return done(failText(tr("cannot list runs in %1 on %2: %3")
                                     .arg(m_settings.runsRoot, host, stderrOf(r))));
        auto scan = parseRemoteScan(r.standardOutput, m_settings.name);
        if (scan && !scan->root.isEmpty()) m_root = scan->root;
        done(std::move(scan));
    });
}

Result<QString> RemoteBackend::launch(const LaunchRequest& request) {
    return awaitResult<QString>(
        [&](Callback<QString> done) { launchAsync(request, done); },
        //: what got no answer, as in "launching on host gpu-box got no answer in 120 s"
        str(tr("launching on %1").arg(where())));
}

Result<void> RemoteBackend::stop(const QString& runId) {
    return awaitResult<void>(
        [&](Callback<void> done) { signalAsync(runId, QStringLiteral("TERM"), done); },
        //: what got no answer, as in "stopping run R on host gpu-box got no answer in 120 s"
        str(tr("stopping run %1 on %2").arg(runId, where())));
}

Result<void> RemoteBackend::kill(const QString& runId) {
    return awaitResult<void>(
        [&](Callback<void> done) { signalAsync(runId, QStringLiteral("KILL"), done); },
        //: what got no answer, as in "killing run R on host gpu-box got no answer in 120 s"
        str(tr("killing run %1 on %2").arg(runId, where())));
}

void RemoteBackend::checkpointsAsync(const QString& runId, bool withConfig,
                                     Callback<RemoteCheckpoints> done) {
    if (!isRunId(runId)) return done(failText(tr("no run %1 on %2").arg(runId, where())));
    listAsync(m_settings.runsRoot, runId, withConfig, std::move(done));
}

void RemoteBackend::listAsync(const QString& root, const QString& runId, bool withConfig,
                              Callback<RemoteCheckpoints> done) {
    execAsync(listCheckpointsCommand(root, runId, withConfig), [this, root, runId,
                                                                done](const ExecResult& r) {
        const QString host = where();
        if (!r.ok())
            return done(failText(
                tr("cannot list the checkpoints of run %1 on %2: %3").arg(runId, host, r.message)));
        if (r.exitStatus == 4)
            return done(failText(tr("no run %1 in %2 on %3").arg(runId, root, host)));
        if (r.exitStatus != 0)
            return done(failText(tr("cannot list the checkpoints of run %1 on %2: %3")
                                     .arg(runId, host, stderrOf(r))));
        done(parseRemoteCheckpoints(r.standardOutput, m_settings.name));
    });
}

// The run's config.yaml comes with its checkpoint list (one round trip).
void RemoteBackend::configAsync(const QString& runId, Callback<QByteArray> done) {
    checkpointsAsync(runId, true, [this, done](Result<RemoteCheckpoints> listed) {
        if (!listed) return done(listed.failure());
        if (listed->configYaml.isEmpty())
            return done(failText(tr("%1 on %2 has no config.yaml to edit; resume it instead")
                                     .arg(listed->runDir, where())));
        done(listed->configYaml);
    });
}

Result<RemoteCheckpoints> RemoteBackend::checkpoints(const QString& runId, bool withConfig) {
    return awaitResult<RemoteCheckpoints>(
        [&](Callback<RemoteCheckpoints> done) { checkpointsAsync(runId, withConfig, done); },
        //: what got no answer, as in "... on host gpu-box got no answer in 120 s"
        str(tr("listing the checkpoints of run %1 on %2").arg(runId, where())));
}

Result<RemoteScan> RemoteBackend::scan() {
    return awaitResult<RemoteScan>(
        [&](Callback<RemoteScan> done) { scanAsync(done); },
        //: what got no answer, as in "listing runs on host gpu-box got no answer in 120 s"
        str(tr("listing runs on %1").arg(where())));
}

}  // namespace tb
