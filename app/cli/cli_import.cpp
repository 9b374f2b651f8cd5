// trainbench import-tb LOGDIR: TensorBoard runs become Trainbench runs.
#include <QDir>

#include "cli_command_specs.h"
#include "cli_commands.h"
#include "core/runs/tensorboard_import.h"

namespace tb::cli {

int importTensorboardCommand(const ParsedArgs& args) {
    const CliOptions options = localOptions(args);
    if (options.positional.size() != 1)
        return usageError(commandSpec(QStringLiteral("import-tb")), Text::tr("needs LOGDIR"));
    const QString logDir = QDir::current().absoluteFilePath(options.positional.front());
    auto imported = importTensorboard(logDir, options.runsRoot);
    if (!imported) {
        printErr(QString::fromStdString(imported.error()));
        return 1;
    }
    for (const QString& note : imported->notes) printErr(note);
    for (const ImportedRun& run : imported->runs)
        //: %1 is the new run's id (keep it first: scripts read it), %2 a number of metric
        //: records, %3 the TensorBoard folder they came from
        printOut(Text::tr("%1  %2 records  from %3")
                     .arg(run.id, QString::number(run.records), run.source) +
                 QLatin1Char('\n'));
    if (imported->runs.isEmpty()) {
        //: %1 is the runs root folder
        printErr(Text::tr("nothing imported into %1").arg(options.runsRoot));
        return 1;
    }
    return 0;
}

}  // namespace tb::cli
