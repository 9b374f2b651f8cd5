// What `trainbench sweep` reads from its arguments on either target (see cli_sweep_setup.h).
#include "cli_sweep_setup.h"

#include <QDir>

#include "cli_common.h"

namespace tb::cli {

std::optional<int> refuseSweepArguments(const CommandSpec& spec, const ParsedArgs& args) {
    const bool script = args.has(QStringLiteral("command"));
    if (args.positional.size() != (script ? 1 : 2))
        return usageError(spec, script ? Text::tr("needs one SWEEP file")
                                       : Text::tr("needs a CONFIG and a SWEEP file"));
    if (args.has(QStringLiteral("slots")) && args.has(QStringLiteral("gpus")))
        return usageError(spec, Text::tr("--slots (CPU) and --gpus do not go together"));
    return std::nullopt;
}

SweepSetup sweepSetup(const ParsedArgs& args) {
    SweepSetup setup;
    setup.base.sets = args.values(QStringLiteral("set"));
    if (args.has(QStringLiteral("command"))) {
        setup.base.command = args.value(QStringLiteral("command"));
        if (args.has(QStringLiteral("config")))
            setup.base.configPath =
                QDir::current().absoluteFilePath(args.value(QStringLiteral("config")));
    } else {
        setup.base.configPath = QDir::current().absoluteFilePath(args.positional.front());
    }
    setup.sweepPath = QDir::current().absoluteFilePath(args.positional.back());
    return setup;
}

}  // namespace tb::cli
