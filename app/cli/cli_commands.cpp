// trainbench run, follow and stop: launching and controlling runs from a terminal.
#include "cli_commands.h"

#include <QDir>

#include <functional>

#include "cli_command_specs.h"
#include "core/runs/await_result.h"
#include "core/runs/backend.h"
#include "core/runs/run_catalog.h"
#include "core/runs/run_targets.h"
#include "core/runs/workspace.h"
#include "core/services/workbench.h"
#include "run_follower.h"

namespace tb::cli {

namespace {

// follow and stop on this machine: only `own` and --runs-root go with them, and the one RUN
// argument names a run under the runs root (an id or a prefix of one), which `act` is given.
int onLocalRun(const ParsedArgs& args, const QString& command, const QString& own,
               const std::function<int(const CliOptions&, Workbench&, const QString&)>& act) {
    const CommandSpec& spec = commandSpec(command);
    if (const auto refused = refuseOptionsOutside(
            spec, args, {own, QStringLiteral("runs-root")},
            //: completes "--from-end does not go with %1" (or --kill, or another option)
            Text::tr("a local run (it needs --host NAME)")))
        return *refused;
    const CliOptions options = localOptions(args);
    Workbench work(options.runsRoot, binDir());
    if (options.positional.size() != 1) return usageError(spec, Text::tr("needs one RUN"));
    auto found = findRunId(*work.catalog(), options.positional.front());
    if (!found) {
        printErr(QString::fromStdString(found.error()));
        return kExitUsage;
    }
    return act(options, work, *found);
}

}  // namespace

int launchLocalRun(const CliOptions& options, const LaunchRequest& request,
                   const FollowOptions& follow) {
    seedWorkspace(options.runsRoot);
    Workbench work(options.runsRoot, binDir());
    Backend* backend = work.targets()->local();
    auto id = awaitResult<QString>(
        [&](Backend::Done<QString> done) { backend->launchAsync(request, std::move(done)); },
        //: what got no answer, as in "the launch got no answer in 120 s"
        Text::tr("the launch").toStdString());
    if (!id) {
        printErr(QString::fromStdString(id.error()));
        return kExitUsage;
    }
    printOut(*id + QLatin1Char('\n'));
    if (options.detach) return 0;
    return RunFollower(options.runsRoot + QLatin1Char('/') + *id, follow).follow();
}

int runCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("run"));
    if (const auto refused = refuseOptionsOutside(
            spec, args,
            {QStringLiteral("detach"), QStringLiteral("set"), QStringLiteral("runs-root")},
            //: completes "--env does not go with %1"
            Text::tr("a local run of the trainer (it needs --host or --command)")))
        return *refused;
    const CliOptions options = localOptions(args);
    if (options.positional.size() != 1) return usageError(spec, Text::tr("needs one CONFIG"));
    LaunchRequest request;
    request.configPath = QDir::current().absoluteFilePath(options.positional.front());
    request.sets = options.sets;
    FollowOptions follow;
    follow.progressLine = true;
    return launchLocalRun(options, request, follow);
}

int followCommand(const ParsedArgs& args) {
    return onLocalRun(
        args, QStringLiteral("follow"), QStringLiteral("from-end"),
        [](const CliOptions& options, Workbench&, const QString& id) {
            FollowOptions follow;
            follow.printLog = true;
            follow.printMetrics = true;
            follow.fromEnd = options.fromEnd;
            return RunFollower(options.runsRoot + QLatin1Char('/') + id, follow).follow();
        });
}

int stopCommand(const ParsedArgs& args) {
    return onLocalRun(
        args, QStringLiteral("stop"), QStringLiteral("kill"),
        [](const CliOptions& options, Workbench& work, const QString& id) {
            Backend* backend = work.targets()->local();
            auto sent = awaitResult<void>(
                [&](Backend::Done<void> done) {
                    if (options.kill) return backend->killAsync(id, std::move(done));
                    backend->stopAsync(id, std::move(done));
                },
                //: what got no answer, as in "the signal got no answer in 120 s"
                Text::tr("the signal").toStdString());
            if (!sent) {
                printErr(QString::fromStdString(sent.error()));
                return 1;
            }
            printOut((options.kill ? Text::tr("killed run %1")
                                   : Text::tr("asked run %1 to stop; it saves a checkpoint first "
                                              "(trainbench follow %1 shows when it has)"))
                         .arg(id) +
                     QLatin1Char('\n'));
            return 0;
        });
}

}  // namespace tb::cli
