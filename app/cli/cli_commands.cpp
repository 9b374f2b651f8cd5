// trainbench run, follow and stop: launching and controlling runs from a terminal.
#include "cli_commands.h"

#include <QDir>

#include <optional>

#include "cli_command_specs.h"
#include "core/runs/local_backend.h"
#include "core/runs/workspace.h"
#include "run_follower.h"

namespace tb::cli {

namespace {

// The run that the one RUN argument names under the runs root, an id or a prefix of one, in id;
// otherwise says why and returns the exit status.
std::optional<int> findTheRun(const CommandSpec& spec, const CliOptions& options, QString& id) {
    if (options.positional.size() != 1) return usageError(spec, QStringLiteral("needs one RUN"));
    auto found = findRunId(options.runsRoot, options.positional.front());
    if (!found) {
        printErr(QString::fromStdString(found.error()));
        return kExitUsage;
    }
    id = *found;
    return std::nullopt;
}

}  // namespace

int launchLocalRun(const CliOptions& options, const LaunchRequest& request,
                   const FollowOptions& follow) {
    seedWorkspace(options.runsRoot);
    LocalBackend backend(options.runsRoot, binDir());
    auto id = backend.launch(request);
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
            QStringLiteral("a local run of the trainer (it needs --host or --command)")))
        return *refused;
    const CliOptions options = localOptions(args);
    if (options.positional.size() != 1) return usageError(spec, QStringLiteral("needs one CONFIG"));
    LaunchRequest request;
    request.configPath = QDir::current().absoluteFilePath(options.positional.front());
    request.sets = options.sets;
    FollowOptions follow;
    follow.progressLine = true;
    return launchLocalRun(options, request, follow);
}

int followCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("follow"));
    if (const auto refused = refuseOptionsOutside(
            spec, args, {QStringLiteral("from-end"), QStringLiteral("runs-root")},
            QStringLiteral("a local run (it needs --host NAME)")))
        return *refused;
    const CliOptions options = localOptions(args);
    QString id;
    if (const auto settled = findTheRun(spec, options, id)) return *settled;
    FollowOptions follow;
    follow.printLog = true;
    follow.printMetrics = true;
    follow.fromEnd = options.fromEnd;
    return RunFollower(options.runsRoot + QLatin1Char('/') + id, follow).follow();
}

int stopCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("stop"));
    if (const auto refused =
            refuseOptionsOutside(spec, args, {QStringLiteral("kill"), QStringLiteral("runs-root")},
                                 QStringLiteral("a local run (it needs --host NAME)")))
        return *refused;
    const CliOptions options = localOptions(args);
    QString id;
    if (const auto settled = findTheRun(spec, options, id)) return *settled;
    LocalBackend backend(options.runsRoot, binDir());
    auto sent = options.kill ? backend.kill(id) : backend.stop(id);
    if (!sent) {
        printErr(QString::fromStdString(sent.error()));
        return 1;
    }
    printOut(options.kill ? QStringLiteral("killed run %1\n").arg(id)
                          : QStringLiteral("asked run %1 to stop; it saves a checkpoint first "
                                           "(trainbench follow %1 shows when it has)\n")
                                .arg(id));
    return 0;
}

}  // namespace tb::cli
