// Dispatch of `trainbench COMMAND ...` to the command-line commands.
#include "cli_main.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>

#include "cli_checkpoints.h"
#include "cli_command_specs.h"
#include "cli_commands.h"
#include "cli_common.h"
#include "cli_hosts.h"
#include "cli_prepare.h"
#include "cli_remote_control.h"
#include "cli_remote_run.h"
#include "cli_shutdown.h"
#include "cli_sync.h"
#include "cli_transfer.h"
#include "core/services/language.h"

namespace tb {
namespace {

// A word that is no command; at the top it may also have meant a config file for the window.
int unknownCommand(const QString& command, bool orConfig) {
    cli::printErr(orConfig
                      ? cli::Text::tr("'%1' is neither a command nor a config file").arg(command)
                      : cli::Text::tr("unknown command '%1'").arg(command));
    std::fputs(cli::overviewText().toLocal8Bit().constData(), stderr);
    return cli::kExitUsage;
}

// trainbench help [COMMAND]: the overview, or one command's help.
int helpCommand(const QStringList& words) {
    if (words.isEmpty()) {
        cli::printOut(cli::overviewText());
        return 0;
    }
    const cli::CommandSpec* spec = cli::findCommandSpec(words.join(QLatin1Char(' ')));
    if (!spec) return unknownCommand(words.join(QLatin1Char(' ')), false);
    cli::printOut(cli::helpText(*spec));
    return 0;
}

// A command the parser has read: the local or the remote variant, by --host and --command.
int dispatch(const QString& command, const cli::ParsedArgs& args) {
    const bool onHost = args.has(QStringLiteral("host"));
    if (command == QLatin1String("run")) {
        if (onHost) return cli::remoteRunCommand(args);
        if (args.has(QStringLiteral("command")) || args.has(QStringLiteral("notebook")))
            return cli::scriptRunCommand(args);
        return cli::runCommand(args);
    }
    if (command == QLatin1String("runs")) return cli::runsCommand(args);
    if (command == QLatin1String("import-tb")) return cli::importTensorboardCommand(args);
    if (command == QLatin1String("sweep"))
        return onHost ? cli::remoteSweepCommand(args) : cli::sweepCommand(args);
    if (command == QLatin1String("sweep-status"))
        return onHost ? cli::remoteSweepStatusCommand(args) : cli::sweepStatusCommand(args);
    if (command == QLatin1String("sweep-add"))
        return onHost ? cli::remoteSweepAddCommand(args) : cli::sweepAddCommand(args);
    if (command == QLatin1String("sweep-cancel"))
        return onHost ? cli::remoteSweepCancelCommand(args) : cli::sweepCancelCommand(args);
    if (command == QLatin1String("follow") || command == QLatin1String("stop")) {
        if (onHost) return cli::remoteControlCommand(command, args);
        return command == QLatin1String("follow") ? cli::followCommand(args)
                                                  : cli::stopCommand(args);
    }
    if (command == QLatin1String("prepare")) return cli::prepareCommand(args);
    if (command == QLatin1String("cost")) return cli::costCommand(args);
    if (command.startsWith(QLatin1String("shutdown-"))) return cli::shutdownCommand(command, args);
    if (command == QLatin1String("sync")) return cli::syncCommand(args);
    if (command == QLatin1String("upload") || command == QLatin1String("download"))
        return cli::transferCommand(command, args);
    return cli::checkpointsCommand(command, args);  // checkpoints, resume, download-checkpoint
}

}  // namespace

bool isCliCommand(const QString& word) {
    if (word == QLatin1String("hosts")) return true;
    return cli::findCommandSpec(word) != nullptr;
}

bool isInfoOption(const QString& word) {
    return word == QLatin1String("--help") || word == QLatin1String("-h") ||
           word == QLatin1String("--version");
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
    // Before any text is made: the terminal's language ($TRAINBENCH_LANG, else the locale).
    installTranslators(commandLineLanguage());
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    QStringList words;
    for (int i = 2; i < argc; ++i) words.append(QString::fromLocal8Bit(argv[i]));
    if (command.isEmpty()) {
        cli::printOut(cli::overviewText());
        return cli::kExitUsage;
    }
    if (command == QLatin1String("--version")) {
        cli::printOut(cli::versionText());
        return 0;
    }
    if (isInfoOption(command)) return helpCommand({});
    if (command == QLatin1String("help")) return helpCommand(words);
    if (command == QLatin1String("hosts")) return cli::hostsCommand(words);
    if (command == QLatin1String("probe")) return cli::probeCommand(words);
    const cli::CommandSpec* spec = cli::findCommandSpec(command);
    if (!spec) return unknownCommand(command, true);
    cli::ParsedArgs args;
    if (const auto settled = cli::parseCommand(*spec, words, args)) return *settled;
    return dispatch(command, args);
}

}  // namespace tb
