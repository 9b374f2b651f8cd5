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
#include "core/runs/launch_config.h"
#include "core/runs/notebook_launch.h"
#include "core/runs/script_launch.h"
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
using backend_text::str;

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

std::string RemoteBackend::where() const {
    return "host " + str(m_settings.name);
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
    if (!request.parentRun.isEmpty() && request.isScript()) {
        done(
            fail("only runs of the built-in trainer resume from a checkpoint; launch the script "
                 "as a new run"));
        return;
    }
    if (request.needsTrainer() && m_settings.trainerPath.isEmpty()) {
        done(fail(where() + " has no trainer path; prepare the host first"));
        return;
    }
    QFile wrapper(m_settings.wrapperFile);
    if (!wrapper.open(QIODevice::ReadOnly)) {
        done(fail("cannot read the run wrapper " + str(m_settings.wrapperFile) +
                  "; build the project so that tb-wrap.sh sits next to the binaries"));
        return;
    }
    auto plan = std::make_shared<LaunchPlan>();
    plan->request = request;
    plan->wrapper = wrapper.readAll();
    if (m_settings.slurm.enabled || !request.slurm.isEmpty()) {
        if (!request.queueScript.isEmpty())
            return done(
                fail("a sweep's trials run on a Slurm cluster as jobs of their own; "
                     "the sweep queue of " +
                     where() + " is not for Slurm hosts"));
        auto slurm = parseSlurmOptions(request.slurm, m_settings.slurm);
        if (!slurm) return done(fail("cannot submit to " + where() + ": " + slurm.error()));
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
    if (!isRunId(parentId)) return done(fail("no parent run " + str(parentId) + " on " + where()));
    const bool configFromParent = request.configText.isEmpty() && request.configPath.isEmpty();
    listAsync(root, parentId, configFromParent,
              [this, request, plan, configFromParent, done](Result<RemoteCheckpoints> parent) {
                  if (!parent) return done(parent.failure());
                  auto checkpoint =
                      parent->pick(request.parentCheckpoint, QString::fromStdString(where()));
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
    if (!claimed.ok())
        return done(fail("cannot launch on " + where() + ": " + str(claimed.message)));
    if (claimed.exitStatus != 0) {
        const std::string what = claimed.exitStatus == 3
                                     ? "cannot create the runs folder " + str(root)
                                     : "cannot create a run folder in " + str(root);
        return done(fail(what + " on " + where() + ": " + str(stderrOf(claimed)) +
                         "; check the host's runs root and its free space"));
    }
    const QStringList lines = QString::fromUtf8(claimed.standardOutput).split(QLatin1Char('\n'));
    if (lines.size() < 2 || lines[0].isEmpty() || lines[1].isEmpty())
        return done(fail("unexpected answer from " + where() + " when creating the run folder"));
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
        return done(fail("the config of run " + str(id) + " is too large to send to " + where() +
                         " in one command; shorten it"));
    execAsync(start, [this, id, done](const ExecResult& started) {
        if (!started.ok())
            return done(fail("run " + str(id) + " on " + where() +
                             " may not have started: " + str(started.message)));
        if (started.exitStatus == 6)
            return done(fail("Slurm on " + where() + " refused run " + str(id) + ": " +
                             str(stderrOf(started)) +
                             "; check the partition, account, GPUs and time limit"));
        if (started.exitStatus != 0)
            return done(fail("run " + str(id) + " did not start on " + where() + ": " +
                             str(stderrOf(started))));
        done(id);
    });
}

void RemoteBackend::scanAsync(Callback<RemoteScan> done) {
    execAsync(scanRunsCommand(m_settings.runsRoot), [this, done](const ExecResult& r) {
        if (!r.ok()) return done(fail("cannot list runs on " + where() + ": " + str(r.message)));
        if (r.exitStatus != 0)
            return done(fail("cannot list runs in " + str(m_settings.runsRoot) + " on " + where() +
                             ": " + str(stderrOf(r))));
        auto scan = parseRemoteScan(r.standardOutput, m_settings.name);
        if (scan && !scan->root.isEmpty()) m_root = scan->root;
        done(std::move(scan));
    });
}

Result<QString> RemoteBackend::launch(const LaunchRequest& request) {
    return awaitResult<QString>([&](Callback<QString> done) { launchAsync(request, done); },
                                "launching on " + where());
}

Result<void> RemoteBackend::stop(const QString& runId) {
    return awaitResult<void>(
        [&](Callback<void> done) { signalAsync(runId, QStringLiteral("TERM"), done); },
        "stopping run " + str(runId) + " on " + where());
}

Result<void> RemoteBackend::kill(const QString& runId) {
    return awaitResult<void>(
        [&](Callback<void> done) { signalAsync(runId, QStringLiteral("KILL"), done); },
        "killing run " + str(runId) + " on " + where());
}

void RemoteBackend::checkpointsAsync(const QString& runId, bool withConfig,
                                     Callback<RemoteCheckpoints> done) {
    if (!isRunId(runId)) return done(fail("no run " + str(runId) + " on " + where()));
    listAsync(m_settings.runsRoot, runId, withConfig, std::move(done));
}

void RemoteBackend::listAsync(const QString& root, const QString& runId, bool withConfig,
                              Callback<RemoteCheckpoints> done) {
    execAsync(listCheckpointsCommand(root, runId, withConfig),
              [this, root, runId, done](const ExecResult& r) {
                  const std::string run = "run " + str(runId);
                  if (!r.ok())
                      return done(fail("cannot list the checkpoints of " + run + " on " + where() +
                                       ": " + str(r.message)));
                  if (r.exitStatus == 4)
                      return done(fail("no " + run + " in " + str(root) + " on " + where()));
                  if (r.exitStatus != 0)
                      return done(fail("cannot list the checkpoints of " + run + " on " + where() +
                                       ": " + str(stderrOf(r))));
                  done(parseRemoteCheckpoints(r.standardOutput, m_settings.name));
              });
}

// The run's config.yaml comes with its checkpoint list (one round trip).
void RemoteBackend::configAsync(const QString& runId, Callback<QByteArray> done) {
    checkpointsAsync(runId, true, [this, done](Result<RemoteCheckpoints> listed) {
        if (!listed) return done(listed.failure());
        if (listed->configYaml.isEmpty())
            return done(fail(str(listed->runDir) + " on " + where() +
                             " has no config.yaml to edit; resume it instead"));
        done(listed->configYaml);
    });
}

Result<RemoteCheckpoints> RemoteBackend::checkpoints(const QString& runId, bool withConfig) {
    return awaitResult<RemoteCheckpoints>(
        [&](Callback<RemoteCheckpoints> done) { checkpointsAsync(runId, withConfig, done); },
        "listing the checkpoints of run " + str(runId) + " on " + where());
}

Result<RemoteScan> RemoteBackend::scan() {
    return awaitResult<RemoteScan>([&](Callback<RemoteScan> done) { scanAsync(done); },
                                   "listing runs on " + where());
}

}  // namespace tb
