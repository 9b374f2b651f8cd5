#pragma once
// Backend: the one interface through which the app launches and controls runs, on any target.

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

#include "core/protocol/result.h"

namespace tb {

struct LaunchRequest {
    QString configPath;        // YAML config; or configText when set
    QString configText;        // edited YAML (fork with an edited config); wins over configPath
    QStringList sets;          // "key.path=value" overrides
    QString parentRun;         // resume / fork: the parent run id
    QString parentCheckpoint;  // resume / fork: checkpoint file to start from
    QString parentDir;         // the parent's folder when not RUNS_ROOT/parentRun (a copy fetched
                               // from another host); parentRun still names it in run.json

    // Your own script instead of the built-in trainer (the run is a script run when `command`
    // is set). The config is optional then: placeholders read the schema defaults and --set.
    QString command;       // shell line; {key.path} placeholders are filled from the config
    QString workDir;       // where it runs; empty: the run directory
    QString envLine;       // run first in the same shell, e.g. ". /etc/network_turbo"
    QString metricsRegex;  // output lines it matches become metrics, e.g. loss=(?<train_loss>\S+)
    // Where it writes TensorBoard event files, relative to the work dir; empty: "runs"
    // (SummaryWriter's default). Their scalars become metrics, as do those in the run folder.
    QString tensorboardDir;
    // A notebook run (core/runs/notebook_launch.h): its cells without outputs, written to
    // RUN/notebook.ipynb and run by trainbench_notebook.py; the .ipynb's file name.
    QByteArray notebook;
    QString notebookName;
    // The code it runs (core/runs/code_record.h: commit, dirty_diff, manifest, files), as
    // synced or found in the work dir; written to run.json "code" when not empty.
    QMap<QString, QString> code;
    int processes = 1;  // processes per node: >1 starts a python script through torchrun
    // {name} placeholders of the command that are not config keys (a sweep's), filled like them.
    QMap<QString, QString> placeholders;

    // A sweep's trial: its run folder is made and left queued, and the script that starts it is
    // written to `queueScript` (the sweep's queue/NNNNNN.sh) for the sweep's scheduler to run
    // (docs/RUN_FORMAT.md, Sweeps). run.json records the sweep, the trial and its label.
    QString queueScript;
    QString sweep;
    int trial = -1;  // 0-based
    QString trialLabel;

    // A host that is a Slurm login node: sbatch options for this run over the host's own,
    // "partition=gpu,gpus=2,time=4:00:00" (docs/RUN_FORMAT.md, Slurm). Set on any host, the
    // run is submitted with sbatch.
    QString slurm;

    bool isScript() const { return !command.isEmpty(); }
    // Whether the target needs trainbench-train: config runs do, and so do script runs whose
    // output a metrics regex turns into metrics (the trainer's filter reads it).
    bool needsTrainer() const { return !isScript() || !metricsRegex.isEmpty(); }
};

// One Backend per target kind (this machine, an SSH host; a cluster later), chosen for a run
// by RunTargets. Every call answers through `done`, which may run before the call returns (a
// local launch) or later from the event loop (a host). Code that must block (the command
// line) wraps a call in awaitResult() (runs/await_result.h).
class Backend {
public:
    template <typename T>
    using Done = std::function<void(Result<T>)>;
    // The failure code of a launch that needs the target prepared first (a host without a
    // trainer, or whose trainer is gone): "Prepare host", then launch again.
    static constexpr int kNeedsPrepare = 21;

    virtual ~Backend() = default;
    // Creates the run directory and starts the run detached; `done` gets the run id.
    virtual void launchAsync(const LaunchRequest& request, Done<QString> done) = 0;
    virtual void stopAsync(const QString& runId, Done<void> done) = 0;  // SIGTERM to the group
    virtual void killAsync(const QString& runId, Done<void> done) = 0;  // SIGKILL to the group
    // The config.yaml the run was started with (a fork edits it).
    virtual void configAsync(const QString& runId, Done<QByteArray> done) = 0;
};

}  // namespace tb
