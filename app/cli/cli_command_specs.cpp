// The declarations of every trainbench command: usage lines, what it does, its options.
#include "cli_command_specs.h"

#include "cli_common.h"

#ifndef TB_VERSION
#error "TB_VERSION comes from the CMake project version (app/cli/CMakeLists.txt)"
#endif

namespace tb::cli {
namespace {

using Options = QList<OptionSpec>;

// help is a QT_TRANSLATE_NOOP("Cli", ...) source, translated where printed.
OptionSpec option(const char* name, const char* valueName, const char* help) {
    return {QString::fromLatin1(name), QString::fromLatin1(valueName), help};
}

Options connectOptions() {
    return {option("accept-key", "SHA256:...",
                   QT_TRANSLATE_NOOP("Cli", "Trust exactly this unknown host key.")),
            option("accept-new", "",
                   QT_TRANSLATE_NOOP("Cli", "Trust an unknown host key (never a changed one).")),
            option("password-stdin", "",
                   QT_TRANSLATE_NOOP("Cli", "Read the password from one line of stdin."))};
}

// What `trainbench prepare` takes, also run --host and resume --to on a host never prepared.
Options prepareOptions() {
    return {option("install-tools", "",
                   QT_TRANSLATE_NOOP("Cli",
                                     "Install missing cmake, g++, make with the package manager.")),
            option("rebuild", "",
                   QT_TRANSLATE_NOOP("Cli", "Build the trainer again even when one is cached.")),
            option("cache-dir", "DIR",
                   QT_TRANSLATE_NOOP("Cli",
                                     "The build cache on the host (~/.cache/trainbench/trainer).")),
            option("cmake", "PROGRAM",
                   QT_TRANSLATE_NOOP("Cli", "The cmake to build with on the host.")),
            option("cxx", "PROGRAM",
                   QT_TRANSLATE_NOOP("Cli", "The C++ compiler to build with on the host."))};
}

OptionSpec hostOption() {
    return option("host", "NAME",
                  QT_TRANSLATE_NOOP("Cli", "The stored host (trainbench hosts lists them)."));
}

OptionSpec runsRootOption() {
    return option("runs-root", "DIR",
                  QT_TRANSLATE_NOOP("Cli",
                                    "Folder of the runs (default: $TRAINBENCH_RUNS, else the "
                                    "app's data folder)."));
}

OptionSpec setOption() {
    return option("set", "k=v",
                  QT_TRANSLATE_NOOP("Cli", "Override a config key (key.path=value); repeatable."));
}

OptionSpec trainerOption() {
    return option(
        "trainer", "PATH",
        QT_TRANSLATE_NOOP("Cli", "trainbench-train on the host (default: the prepared one)."));
}

OptionSpec noPrepareOption() {
    return option(
        "no-prepare", "",
        QT_TRANSLATE_NOOP("Cli", "Refuse a host never prepared instead of preparing it."));
}

// about is a QT_TRANSLATE_NOOP("Cli", ...) source without blanks around it, translated where
// printed.
CommandSpec spec(const char* name, QStringList synopsis, const char* about, Options options) {
    return {QString::fromLatin1(name), std::move(synopsis), about, std::move(options)};
}

QList<CommandSpec> runSpecs() {
    const Options run =
        Options{
            option("detach", "",
                   QT_TRANSLATE_NOOP("Cli", "Print the run id and return; do not follow.")),
            setOption(),
            runsRootOption(),
            option("command", "LINE",
                   QT_TRANSLATE_NOOP("Cli",
                                     "Your own command ({key.path} filled in "
                                     "from the config) instead of the trainer.")),
            option("notebook", "FILE.ipynb",
                   QT_TRANSLATE_NOOP("Cli",
                                     "Run a Jupyter notebook's cells in order, headless; "
                                     "an executed copy is kept in the run folder.")),
            option("config", "CONFIG", QT_TRANSLATE_NOOP("Cli", "The config of a --command run.")),
            option("workdir", "DIR",
                   QT_TRANSLATE_NOOP("Cli", "Where --command runs (default: here).")),
            option("env", "LINE", QT_TRANSLATE_NOOP("Cli", "A shell line run before --command.")),
            option("metrics-regex", "RE",
                   QT_TRANSLATE_NOOP("Cli",
                                     "Named groups of --command's output "
                                     "lines become metrics.")),
            option("tensorboard", "DIR",
                   QT_TRANSLATE_NOOP("Cli",
                                     "Where --command writes TensorBoard event files "
                                     "(default: runs); their scalars become metrics.")),
            option("nproc-per-node", "N",
                   QT_TRANSLATE_NOOP("Cli",
                                     "Start --command's python script N times through "
                                     "torchrun (data-parallel).")),
            hostOption(),
            option("sync", "LOCAL",
                   QT_TRANSLATE_NOOP("Cli",
                                     "With --host: mirror this code folder into --workdir "
                                     "first (as trainbench sync) and record it in run.json.")),
            option("yes", "", QT_TRANSLATE_NOOP("Cli", "With --sync: send without asking.")),
            option("slurm", "K=V,...",
                   QT_TRANSLATE_NOOP("Cli",
                                     "Submit to the host's Slurm with sbatch: partition, "
                                     "gpus (per node), nodes, cpus, time, account.")),
            trainerOption(),
            noPrepareOption()} +
        prepareOptions() + connectOptions();
    const Options local{runsRootOption()};
    return {
        spec(
            "run",
            {"run CONFIG [--detach] [--set k=v ...] [--runs-root DIR]",
             "run --command 'LINE {key.path}' [--config C] [--workdir DIR] [--env LINE]",
             "    [--metrics-regex RE] [--tensorboard DIR] [--nproc-per-node N] [--detach]",
             "    [--set k=v ...]   (your own script)",
             "run --notebook FILE.ipynb [--host NAME] [--workdir DIR] [--env LINE] [--detach]   "
             "(a notebook)",
             "run CONFIG --host NAME [--trainer PATH] [--detach] [--set k=v ...] [--no-prepare]",
             "run --command 'LINE' --host NAME [--sync LOCAL --workdir DIR] [...the options above]",
             "run CONFIG --host NAME --slurm partition=P,gpus=N,time=H:MM:SS[,...]   (a "
             "Slurm cluster)"},
            QT_TRANSLATE_NOOP(
                "Cli",
                R"(Starts a run, prints its id alone on the first line and follows it to its end
(exit status 0 finished, 143 stopped, 1 failed) unless --detach. With --host the run
goes into the host's runs root (trainbench hosts add ... --remote-root DIR, default
~/trainbench); a host never prepared is prepared first, with the options of
`trainbench prepare`; --no-prepare refuses instead. On a Slurm login node (the host's
"slurm" settings, or --slurm) the run is a job: pending with its reason, then running.)"),
            run),
        spec("runs", {"runs [--json] [--runs-root DIR]"},
             QT_TRANSLATE_NOOP("Cli", "The runs as a table, or as JSON."),
             Options{option("json", "", QT_TRANSLATE_NOOP("Cli", "Print JSON."))} + local),
        spec("import-tb", {"import-tb LOGDIR [--runs-root DIR]"},
             QT_TRANSLATE_NOOP(
                 "Cli",
                 R"(Turns TensorBoard runs into finished runs: each folder under LOGDIR that holds
event files (events.out.tfevents.*) becomes one run with their scalars as curves. A
folder imported before is skipped.)"),
             local),
        spec(
            "follow",
            {"follow RUN [--from-end] [--runs-root DIR]",
             "follow RUN --host NAME [--accept-key SHA256:...] [--password-stdin]"},
            QT_TRANSLATE_NOOP(
                "Cli", R"(Prints a run's log and metrics until it ends; exits with the run's status.
RUN is a run id or a unique prefix of one.)"),
            Options{option("from-end", "",
                           QT_TRANSLATE_NOOP("Cli", "Start at the end of the log (a local run).")),
                    runsRootOption(), hostOption()} +
                connectOptions()),
        spec("stop",
             {"stop RUN [--kill] [--runs-root DIR]",
              "stop RUN --host NAME [--kill] [...the connect options]"},
             QT_TRANSLATE_NOOP(
                 "Cli",
                 R"(Asks a run to stop (SIGTERM: it saves a checkpoint first); --kill ends it now.
RUN is a run id or a unique prefix of one.)"),
             Options{option("kill", "", QT_TRANSLATE_NOOP("Cli", "SIGKILL instead of SIGTERM.")),
                     runsRootOption(), hostOption()} +
                 connectOptions()),
    };
}

QList<CommandSpec> sweepSpecs() {
    const Options local{runsRootOption()};
    return {
        spec(
            "sweep",
            {"sweep CONFIG SWEEP.yaml [--slots N | --gpus 0,1,...] [--per-gpu K] [--detach]",
             "    [--set k=v ...] [--runs-root DIR]",
             "sweep --command 'LINE {placeholder}' SWEEP.yaml [--config C] [...the options above]",
             "sweep CONFIG SWEEP.yaml --host NAME [...the options above]   (the queue on the box)"},
            QT_TRANSLATE_NOOP(
                "Cli",
                R"(Queues one run per trial of SWEEP.yaml (docs/SWEEPS.md) and starts the sweep's
scheduler, which runs them one per slot, detached: closing the terminal changes nothing.
Slots are the GPUs nvidia-smi lists (each --per-gpu times), --gpus, or --slots N CPU
slots; one CPU slot without a GPU. Prints the sweep id, then each trial as it ends and
the trials ranked by the sweep's metric, unless --detach. With --host the queue and its
scheduler live in the host's runs root and go on while the laptop sleeps.)"),
            Options{
                option("slots", "N",
                       QT_TRANSLATE_NOOP("Cli", "N CPU slots (trials at once without a GPU).")),
                option("gpus", "0,1,...",
                       QT_TRANSLATE_NOOP("Cli", "The GPUs to use (default: every one listed).")),
                option("per-gpu", "K",
                       QT_TRANSLATE_NOOP("Cli", "Trials at once on each GPU (default 1).")),
                option("detach", "",
                       QT_TRANSLATE_NOOP("Cli", "Print the sweep id and return; do not follow.")),
                option("command", "LINE",
                       QT_TRANSLATE_NOOP("Cli", "Your own command instead of the trainer.")),
                option("config", "CONFIG",
                       QT_TRANSLATE_NOOP("Cli", "The config of a --command sweep.")),
                setOption(), hostOption(), trainerOption(), noPrepareOption()} +
                local + prepareOptions() + connectOptions()),
        spec("sweep-status",
             {"sweep-status SWEEP [--json] [--runs-root DIR]",
              "sweep-status SWEEP --host NAME [--json] [...the connect options]"},
             QT_TRANSLATE_NOOP(
                 "Cli",
                 R"(The trials of a sweep: where each is in the queue, its state and the best and
last value of the sweep's metric, best first (* marks the best). SWEEP is a sweep id
or a unique prefix of one.)"),
             Options{option("json", "", QT_TRANSLATE_NOOP("Cli", "Print JSON.")), hostOption()} +
                 local + connectOptions()),
        spec("sweep-add",
             {"sweep-add SWEEP MORE.yaml [--runs-root DIR]",
              "sweep-add SWEEP MORE.yaml --host NAME [...the connect options]"},
             QT_TRANSLATE_NOOP(
                 "Cli",
                 R"(Queues the trials of another sweep file in a sweep, running or drained, over
its own config or command and slots; numbered after its last trial. The file must rank
by the sweep's metric and goal.)"),
             Options{hostOption()} + local + connectOptions()),
        spec("sweep-cancel",
             {"sweep-cancel SWEEP [TRIAL] [--runs-root DIR]",
              "sweep-cancel SWEEP [TRIAL] --host NAME [...the connect options]"},
             QT_TRANSLATE_NOOP(
                 "Cli",
                 R"(Cancels one trial (a number from sweep-status: taken off the queue, or stopped
if it runs) or, without TRIAL, every trial and the sweep.)"),
             Options{hostOption()} + local + connectOptions()),
    };
}

QList<CommandSpec> hostSpecs() {
    const char* probeAbout = QT_TRANSLATE_NOOP(
        "Cli", R"(Connects and reports the GPUs, driver and CUDA, disks, pythons and torch, and
tools; fills in the host's runs root and python where they were left empty.)");
    const Options probe =
        Options{option("json", "", QT_TRANSLATE_NOOP("Cli", "Print JSON."))} + connectOptions();
    return {
        spec("hosts", {"hosts [--json]"},
             QT_TRANSLATE_NOOP(
                 "Cli", R"(Lists the stored hosts. Actions: add, ssh-config, rm, forget-key, probe
(`trainbench hosts ACTION --help`). Hosts live in hosts.json in --config-dir DIR,
else $TRAINBENCH_HOME, else the app's config folder, without passwords.)"),
             {option("json", "", QT_TRANSLATE_NOOP("Cli", "Print JSON."))}),
        spec(
            "hosts add",
            {"hosts add NAME \"SSH-LINE\" [--key FILE] [--password-stdin] [--python PATH]",
             "    [--remote-root DIR] [--price PER-HOUR] [--known-hosts FILE]",
             "    [--slurm partition=P,gpus=N,time=H:MM:SS,...]   (a Slurm login node)",
             "hosts add NAME --ssh-config ALIAS [...]   (a Host from ~/.ssh/config)"},
            QT_TRANSLATE_NOOP(
                "Cli", R"(Adds a host from the ssh line a provider shows, or from ~/.ssh/config.
--password-stdin keeps the password in the OS keychain, or where none runs, nowhere.)"),
            {option("key", "FILE", QT_TRANSLATE_NOOP("Cli", "The private key to log in with.")),
             option("ssh-config", "ALIAS",
                    QT_TRANSLATE_NOOP("Cli", "Take the host from this Host of ~/.ssh/config.")),
             option("password-stdin", "",
                    QT_TRANSLATE_NOOP("Cli", "Read the password from one line of stdin.")),
             option("python", "PATH",
                    QT_TRANSLATE_NOOP("Cli", "The python on the host (default: found by probe).")),
             option(
                 "remote-root", "DIR",
                 QT_TRANSLATE_NOOP("Cli", "The runs root on the host (default: found by probe).")),
             option("price", "PER-HOUR", QT_TRANSLATE_NOOP("Cli", "What the host costs per hour.")),
             option("known-hosts", "FILE",
                    QT_TRANSLATE_NOOP("Cli", "The known_hosts file (default ~/.ssh/known_hosts).")),
             option("slurm", "K=V,...",
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "A Slurm login node: runs are submitted with sbatch with these defaults "
                        "(partition, gpus, nodes, cpus, time, account)."))}),
        spec("hosts ssh-config", {"hosts ssh-config"},
             QT_TRANSLATE_NOOP("Cli", "Lists the Hosts ~/.ssh/config offers."), {}),
        spec("hosts rm", {"hosts rm NAME"},
             QT_TRANSLATE_NOOP("Cli", "Removes a host and its stored password."), {}),
        spec("hosts forget-key", {"hosts forget-key NAME"},
             QT_TRANSLATE_NOOP(
                 "Cli",
                 "Forgets the host's key, so that the next connection shows the new one and asks."),
             {}),
        spec("hosts probe",
             {"hosts probe NAME [--json] [--accept-new | --accept-key SHA256:...]",
              "    [--password-stdin]"},
             probeAbout, probe),
        spec("probe", {"probe NAME [--json]   (the same as hosts probe)"}, probeAbout, probe),
        spec(
            "prepare",
            {"prepare NAME [--install-tools] [--rebuild] [--cache-dir DIR]",
             "    [--cmake PROGRAM] [--cxx PROGRAM]"},
            QT_TRANSLATE_NOOP(
                "Cli", R"(Builds trainbench-train on the host against its own LibTorch (its python's
torch, else a system LibTorch), once per source set and torch version, and keeps its
path in hosts.json for run --host.)"),
            prepareOptions() + connectOptions()),
        spec("cost", {"cost NAME"},
             QT_TRANSLATE_NOOP("Cli", "The host's uptime and what it has cost so far."),
             connectOptions()),
    };
}

QList<CommandSpec> transferSpecs() {
    const char* about = QT_TRANSLATE_NOOP(
        "Cli", R"(A folder's contents end up in the destination folder (like rsync SRC/ DST), packed
into one tar stream; a file goes to DST, or into DST when it is a folder, resuming
from DST.part and checked by sha256. REMOTE paths are relative to the remote home.)");
    const Options options =
        Options{
            option("compression", "zstd|gzip|none",
                   QT_TRANSLATE_NOOP("Cli",
                                     "How a folder is packed (default: what "
                                     "the remote has).")),
            option("no-resume", "",
                   QT_TRANSLATE_NOOP("Cli", "Start a file again instead of resuming its .part."))} +
        connectOptions();
    return {
        spec("upload", {"upload NAME LOCAL REMOTE [--compression zstd|gzip|none] [--no-resume]"},
             about, options),
        spec("download",
             {"download NAME REMOTE LOCAL [--compression zstd|gzip|none] [--no-resume]"}, about,
             options),
        spec("sync", {"sync NAME LOCAL REMOTE [--yes]"},
             QT_TRANSLATE_NOOP(
                 "Cli", R"(Mirrors a code folder to the host: in a git work tree the files git keeps
(tracked and untracked, not ignored), else all but what .trainbenchignore (gitignore
syntax) leaves out. Only files changed since the last sync travel (one tar stream);
files deleted here are removed there, and files the host wrote itself stay. Asks
before sending more than 100 MB or data-like folders. Prints the code record
(commit, dirty_diff, manifest) that runs started with --sync keep in run.json.)"),
             Options{option("yes", "",
                            QT_TRANSLATE_NOOP("Cli", "Send without asking, whatever the size."))} +
                 connectOptions())};
}

QList<CommandSpec> checkpointSpecs() {
    const OptionSpec checkpoint =
        option("checkpoint", "FILE",
               QT_TRANSLATE_NOOP("Cli", "A checkpoint's file name (default: the newest)."));
    return {
        spec("checkpoints", {"checkpoints RUN --host NAME [--json]"},
             QT_TRANSLATE_NOOP("Cli",
                               "A remote run's checkpoints and their metrics; * marks the newest."),
             Options{hostOption(), option("json", "", QT_TRANSLATE_NOOP("Cli", "Print JSON.")),
                     trainerOption()} +
                 connectOptions()),
        spec(
            "resume",
            {"resume RUN --host NAME [--checkpoint FILE] [--to HOST|local]",
             "    [--set k=v ...] [--trainer PATH] [--detach] [--runs-root DIR]"},
            QT_TRANSLATE_NOOP(
                "Cli",
                R"(Continues a run from a checkpoint: on the same host, or --to HOST (uploaded into
its runs root first; prepared first when never prepared) or --to local (downloaded
into the runs root here).)"),
            Options{hostOption(), checkpoint,
                    option("to", "HOST|local",
                           QT_TRANSLATE_NOOP("Cli", "Where to resume (default: the run's host).")),
                    setOption(), trainerOption(),
                    option("detach", "",
                           QT_TRANSLATE_NOOP("Cli", "Print the run id and return; do not follow.")),
                    runsRootOption(), noPrepareOption()} +
                prepareOptions() + connectOptions()),
        spec("download-checkpoint",
             {"download-checkpoint RUN --host NAME [--checkpoint FILE] [DEST]"},
             QT_TRANSLATE_NOOP(
                 "Cli",
                 R"(Makes DEST/HOST/RUN (default DEST: .) with config.resolved, config.yaml and
checkpoints/FILE with its sidecar: resumable, checked by sha256.)"),
             Options{hostOption(), checkpoint, trainerOption()} + connectOptions()),
    };
}

QList<CommandSpec> shutdownSpecs() {
    const char* about = QT_TRANSLATE_NOOP(
        "Cli", R"(Once RUN ends (any final state) the box counts --delay seconds down (default
300) and runs the host's shutdown command (default `shutdown -h now`, or --command
LINE); it happens on the box, so the laptop may sleep. Cancel with shutdown-cancel,
or on the box: touch RUN_DIR/shutdown.cancel. RUN is a run id under the host's runs
root, .sweeps/SWEEP for a sweep (once its queue drains), or the run's directory on the box.)");
    const Options options = Options{hostOption()} + connectOptions();
    return {
        spec(
            "shutdown-after", {"shutdown-after RUN --host NAME [--delay SECONDS] [--command LINE]"},
            about,
            Options{
                hostOption(),
                option("delay", "SECONDS",
                       QT_TRANSLATE_NOOP("Cli", "The countdown after the run ends (default 300).")),
                option("command", "LINE",
                       QT_TRANSLATE_NOOP("Cli", "The shutdown command (default: the host's)."))} +
                connectOptions()),
        spec("shutdown-cancel", {"shutdown-cancel RUN --host NAME"}, about, options),
        spec("shutdown-status", {"shutdown-status RUN --host NAME"}, about, options),
    };
}

}  // namespace

const QList<CommandSpec>& commandSpecs() {
    static const QList<CommandSpec> specs =
        runSpecs() + sweepSpecs() + hostSpecs() + transferSpecs() + checkpointSpecs() +
        shutdownSpecs() +
        QList<CommandSpec>{spec("help", {"help [COMMAND]"},
                                QT_TRANSLATE_NOOP("Cli", "This overview, or a command's help."),
                                {})};
    return specs;
}

const CommandSpec* findCommandSpec(const QString& name) {
    for (const CommandSpec& spec : commandSpecs())
        if (spec.name == name) return &spec;
    return nullptr;
}

const CommandSpec& commandSpec(const QString& name) {
    const CommandSpec* found = findCommandSpec(name);
    Q_ASSERT_X(found, "commandSpec", qPrintable(name));
    return *found;
}

const CommandSpec& windowSpec() {
    static const CommandSpec window =
        spec("", {"[--runs-root DIR] [--config-dir DIR] [CONFIG]   (opens the window)"},
             QT_TRANSLATE_NOOP("Cli", "Opens the workbench window, with CONFIG in the editor."),
             {runsRootOption(),
              option("config-dir", "DIR",
                     QT_TRANSLATE_NOOP("Cli",
                                       "Folder of hosts.json (default: $TRAINBENCH_HOME, "
                                       "else the app's config folder).")),
              option("version", "", QT_TRANSLATE_NOOP("Cli", "Print the version."))});
    return window;
}

QString overviewText() {
    CommandSpec all = windowSpec();
    for (const CommandSpec& spec : commandSpecs()) all.synopsis += spec.synopsis;
    return usageLines(all) + QLatin1Char('\n') +
           Text::tr(
               "RUN is a run id or a unique prefix of one. The runs root is --runs-root, "
               "else\n"
               "$TRAINBENCH_RUNS, else the app's data folder. Every command takes "
               "--config-dir DIR:\n"
               "the folder of hosts.json (default: $TRAINBENCH_HOME, else the app's config "
               "folder).\n"
               "`trainbench COMMAND --help` shows a command's options; --version the "
               "version.") +
           QLatin1Char('\n');
}

QString versionText() {
    return QStringLiteral("trainbench %1\n").arg(QStringLiteral(TB_VERSION));
}

}  // namespace tb::cli
