// Dispatch of `trainbench COMMAND ...` to the command-line commands.
#include "cli_main.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>
#include <vector>

#include "cli_checkpoints.h"
#include "cli_commands.h"
#include "cli_common.h"
#include "cli_hosts.h"
#include "cli_prepare.h"
#include "cli_remote_control.h"
#include "cli_remote_run.h"
#include "cli_shutdown.h"
#include "cli_transfer.h"

namespace tb {
namespace {

constexpr const char* kUsage =
    "usage: trainbench run CONFIG [--detach] [--set k=v ...] [--runs-root DIR]\n"
    "       trainbench run CONFIG --host NAME [--trainer PATH] [--detach] [--set k=v ...]\n"
    "       trainbench run --command 'LINE {key.path}' [--config C] [--workdir DIR] [--env LINE]\n"
    "                      [--metrics-regex RE] [--detach] [--set k=v ...]   (your own script)\n"
    "       trainbench runs [--json] [--runs-root DIR]\n"
    "       trainbench follow RUN [--from-end] [--runs-root DIR]\n"
    "       trainbench follow RUN --host NAME        (a run on a host)\n"
    "       trainbench stop RUN [--kill] [--runs-root DIR]\n"
    "       trainbench stop RUN --host NAME [--kill]\n"
    "       trainbench hosts [add|rm|forget-key|probe] ...  (trainbench hosts help)\n"
    "       trainbench probe NAME [--json]           (the same as hosts probe)\n"
    "       trainbench prepare NAME [--install-tools] [--rebuild]  (builds the trainer there)\n"
    "       trainbench upload NAME LOCAL REMOTE      (trainbench upload --help)\n"
    "       trainbench download NAME REMOTE LOCAL\n"
    "       trainbench checkpoints RUN --host NAME [--json]   (trainbench checkpoints --help)\n"
    "       trainbench resume RUN --host NAME [--checkpoint FILE] [--to HOST|local]\n"
    "       trainbench download-checkpoint RUN --host NAME [--checkpoint FILE] [DEST]\n"
    "       trainbench shutdown-after RUN --host NAME [--delay 300]  (shutdown-cancel, -status)\n"
    "       trainbench cost NAME                     (uptime and cost so far)\n"
    "Every command takes --config-dir DIR: the folder of hosts.json (default:\n"
    "$TRAINBENCH_HOME, else the app's config folder).\n"
    "RUN is a run id or a unique prefix of one. The runs root is --runs-root, else\n"
    "$TRAINBENCH_RUNS, else the app's data folder. Without a command, the window opens.\n";

}  // namespace

bool isCliCommand(const QString& word) {
    // "--help" stays with the window's own option parser.
    static const QStringList commands{QStringLiteral("run"), QStringLiteral("runs"),
                                      QStringLiteral("follow"), QStringLiteral("stop"),
                                      QStringLiteral("hosts"), QStringLiteral("probe"),
                                      QStringLiteral("upload"), QStringLiteral("download"),
                                      QStringLiteral("prepare"), QStringLiteral("help"),
                                      QStringLiteral("shutdown-after"),
                                      QStringLiteral("shutdown-cancel"),
                                      QStringLiteral("shutdown-status"), QStringLiteral("cost"),
                                      QStringLiteral("checkpoints"), QStringLiteral("resume"),
                                      QStringLiteral("download-checkpoint")};
    return commands.contains(word);
}

int runCliCommand(int argc, char** argv) {
    // Every command takes --config-dir DIR (hosts.json's folder), wherever it stands.
    if (auto taken = cli::takeConfigDirOption(argc, argv); !taken) {
        std::fprintf(stderr, "trainbench: %s\n", taken.error().c_str());
        return cli::kExitUsage;
    }
    std::unique_ptr<QCoreApplication> app;
    if (!QCoreApplication::instance()) app = std::make_unique<QCoreApplication>(argc, argv);
    // The same identity as the window's (app/gui/main.cpp), so that both resolve the same
    // default runs root: <app data>/trainbench/trainbench/runs.
    QCoreApplication::setApplicationName(QStringLiteral("trainbench"));
    QCoreApplication::setOrganizationName(QStringLiteral("trainbench"));
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (command.isEmpty() || command == QLatin1String("help") ||
        command == QLatin1String("--help")) {
        cli::printOut(QString::fromLatin1(kUsage));
        return command.isEmpty() ? cli::kExitUsage : 0;
    }
    if (command == QLatin1String("hosts")) return cli::hostsCommand(argc, argv);
    if (command == QLatin1String("prepare")) return cli::prepareCommand(argc, argv);
    if (command == QLatin1String("shutdown-after") || command == QLatin1String("shutdown-cancel") ||
        command == QLatin1String("shutdown-status"))
        return cli::shutdownCommand(argc, argv);
    if (command == QLatin1String("cost")) return cli::costCommand(argc, argv);
    if (command == QLatin1String("checkpoints") || command == QLatin1String("resume") ||
        command == QLatin1String("download-checkpoint"))
        return cli::checkpointsCommand(argc, argv);
    if (command == QLatin1String("upload") || command == QLatin1String("download"))
        return cli::transferCommand(argc, argv);
    if (command == QLatin1String("run") && cli::wantsRemoteRun(argc, argv))
        return cli::remoteRunCommand(argc, argv);
    if ((command == QLatin1String("follow") || command == QLatin1String("stop")) &&
        cli::wantsHost(argc, argv))
        return cli::remoteControlCommand(argc, argv);
    if (command == QLatin1String("run") && cli::wantsScriptRun(argc, argv))
        return cli::scriptRunCommand(argc, argv);
    if (command == QLatin1String("probe")) {
        // `trainbench probe NAME` is `trainbench hosts probe NAME`.
        std::vector<char*> args{argv[0], const_cast<char*>("hosts")};
        args.insert(args.end(), argv + 1, argv + argc);
        return cli::hostsCommand(static_cast<int>(args.size()), args.data());
    }
    auto options = cli::parseOptions(argc, argv);
    if (!options) {
        cli::printErr(QString::fromStdString(options.error()));
        std::fputs(kUsage, stderr);
        return cli::kExitUsage;
    }
    if (command == QLatin1String("run")) return cli::runCommand(*options);
    if (command == QLatin1String("runs")) return cli::runsCommand(*options);
    if (command == QLatin1String("follow")) return cli::followCommand(*options);
    if (command == QLatin1String("stop")) return cli::stopCommand(*options);
    cli::printErr(QStringLiteral("unknown command '%1'").arg(command));
    std::fputs(kUsage, stderr);
    return cli::kExitUsage;
}

}  // namespace tb
