// trainbench: the desktop workbench, or with a command word the command-line face
// (`trainbench run|runs|follow|stop ...`) on the same core.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

#include "cli_common.h"
#include "cli_main.h"
#include "main_window.h"
#include "runs/workspace.h"

int main(int argc, char** argv) {
    // --config-dir DIR may stand anywhere, also before a command word; it overrides
    // $TRAINBENCH_HOME, which overrides the platform's config folder.
    if (auto taken = tb::cli::takeConfigDirOption(argc, argv); !taken) {
        std::fprintf(stderr, "trainbench: %s\n", taken.error().c_str());
        return 2;
    }
    if (argc > 1 && tb::isCliCommand(QString::fromLocal8Bit(argv[1]))) {
        return tb::runCliCommand(argc, argv);
    }
    // A word that is neither a command nor a config file is a typo, not a window to open.
    if (argc > 1 && argv[1][0] != '-' && !QFileInfo::exists(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr,
                     "trainbench: '%s' is neither a command nor a config file\n"
                     "commands: run, runs, follow, stop, help; or open a CONFIG in the window\n",
                     argv[1]);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName("trainbench");
    QApplication::setOrganizationName("trainbench");
    QApplication::setApplicationDisplayName("Trainbench");

    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Trainbench: train neural networks here or on a rented GPU box.\n"
        "Commands: run CONFIG [--detach] [--set k=v], runs [--json], follow RUN, stop RUN.");
    parser.addHelpOption();
    QCommandLineOption runsRoot("runs-root", "Folder holding the runs (default: $TRAINBENCH_RUNS, "
                                             "else the platform data folder).", "DIR");
    parser.addOption(runsRoot);
    // Taken out of argv above; listed here so that --help shows it.
    QCommandLineOption configDir("config-dir", "Folder holding hosts.json (default: "
                                               "$TRAINBENCH_HOME, else the platform config folder).",
                                 "DIR");
    parser.addOption(configDir);
    parser.addPositionalArgument("config", "A config to open in the editor.", "[CONFIG]");
    parser.process(app);

    tb::AppContext context;
    context.runsRoot = tb::resolveRunsRoot(parser.value(runsRoot));
    context.configsDir = tb::seedWorkspace(context.runsRoot);
    context.binDir = QCoreApplication::applicationDirPath();
    if (!parser.positionalArguments().isEmpty()) {
        context.openConfig = QDir::current().absoluteFilePath(parser.positionalArguments().first());
    }
    tb::MainWindow window(context);
    window.show();
    return app.exec();
}
