// trainbench: the desktop workbench, or with a command word the command-line face
// (`trainbench run|runs|follow|stop ...`) on the same core.
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>

#include <cstdio>

#include "app/cli/cli_command_specs.h"
#include "app/cli/cli_common.h"
#include "app/cli/cli_main.h"
#include "core/runs/workspace.h"
#include "ui/main/main_window.h"
#include "ui/style/language_menu.h"

int main(int argc, char** argv) {
    // --config-dir DIR may stand anywhere, also before a command word; it overrides
    // $TRAINBENCH_HOME, which overrides the platform's config folder.
    if (auto taken = tb::cli::takeConfigDirOption(argc, argv); !taken) {
        std::fprintf(stderr, "trainbench: %s\n", taken.error().c_str());
        return tb::cli::kExitUsage;
    }
    if (argc > 1 && tb::isCliCommand(QString::fromLocal8Bit(argv[1]))) {
        return tb::runCliCommand(argc, argv);
    }
    // --help and --version are answered before any window exists, so without a display.
    for (int i = 1; i < argc; ++i) {
        if (!tb::isInfoOption(QString::fromLocal8Bit(argv[i]))) continue;
        char* info[] = {argv[0], argv[i]};
        return tb::runCliCommand(2, info);
    }
    // A word that is neither a command nor a config file is a typo, not a window to open: the
    // command line says so in the terminal's language.
    if (argc > 1 && argv[1][0] != '-' && !QFileInfo::exists(QString::fromLocal8Bit(argv[1])))
        return tb::runCliCommand(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName("trainbench");
    QApplication::setOrganizationName("trainbench");
    QApplication::setApplicationDisplayName("Trainbench");
    // The window's and the tray's icon (resources/icons.qrc); the desktop file name lets a
    // Wayland shell match the window to trainbench.desktop and so to the same icon.
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/trainbench/icons/trainbench.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("trainbench"));
    // Before any widget reads its texts; the language comes from QSettings, so after the names.
    tb::installTranslators(tb::uiLanguage());

    // The same parser and declaration as the commands (app/cli/cli_command_specs.cpp); Qt's own
    // options (-platform, -style) are gone from arguments() by now.
    tb::cli::ParsedArgs args;
    if (const auto settled =
            tb::cli::parseCommand(tb::cli::windowSpec(), QApplication::arguments().mid(1), args))
        return *settled;

    tb::AppContext context;
    context.runsRoot = tb::resolveRunsRoot(args.value(QStringLiteral("runs-root")));
    context.configsDir = tb::seedWorkspace(context.runsRoot);
    context.binDir = QCoreApplication::applicationDirPath();
    if (!args.positional.isEmpty()) {
        context.openConfig = QDir::current().absoluteFilePath(args.positional.first());
    }
    tb::MainWindow window(context);
    window.show();
    return app.exec();
}
