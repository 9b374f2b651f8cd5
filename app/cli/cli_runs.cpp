// trainbench runs: the run list as a table or as JSON; trainbench run --command: a script run.
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>

#include "cli_command_specs.h"
#include "cli_commands.h"
#include "core/runs/backend.h"
#include "core/runs/fail_text.h"
#include "core/runs/notebook_launch.h"
#include "core/runs/run_catalog.h"
#include "core/services/workbench.h"
#include "remote/sync/code_record.h"
#include "run_follower.h"

namespace tb::cli {
namespace {

QString stateName(RunState state) {
    const std::string_view name = runStateName(state);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

QJsonValue numberOrNull(double value) {
    return std::isnan(value) ? QJsonValue() : QJsonValue(value);
}

QJsonValue timeOrNull(const QDateTime& time) {
    return time.isValid() ? QJsonValue(double(time.toMSecsSinceEpoch()) / 1000.0) : QJsonValue();
}

QJsonObject toJson(const RunInfo& run, const QDateTime& now) {
    QJsonObject object;
    object.insert(QLatin1String("id"), run.id);
    object.insert(QLatin1String("name"), run.name);
    object.insert(QLatin1String("state"), stateName(run.state));
    object.insert(QLatin1String("target"), run.target);
    object.insert(QLatin1String("dir"), run.dir);
    object.insert(QLatin1String("started"), timeOrNull(run.started));
    object.insert(QLatin1String("ended"), timeOrNull(run.ended));
    object.insert(QLatin1String("duration"), run.durationSeconds(now));
    object.insert(QLatin1String("epoch"), run.epoch);
    object.insert(QLatin1String("step"), run.step);
    object.insert(QLatin1String("exit_code"),
                  run.exitCode >= 0 ? QJsonValue(run.exitCode) : QJsonValue());
    object.insert(QLatin1String("message"), run.message);
    object.insert(QLatin1String("last_train_loss"), numberOrNull(run.lastTrainLoss));
    object.insert(QLatin1String("best_val_acc"), numberOrNull(run.bestValAcc));
    if (!run.parentRun.isEmpty()) {
        object.insert(QLatin1String("parent"),
                      QJsonObject{{QLatin1String("run"), run.parentRun},
                                  {QLatin1String("checkpoint"), run.parentCheckpoint}});
    }
    object.insert(QLatin1String("tags"), QJsonArray::fromStringList(run.tags));
    object.insert(QLatin1String("note"), run.note);
    return object;
}

QStringList tableRow(const RunInfo& run, const QDateTime& now) {
    return {run.id,
            run.name,
            stateName(run.state),
            run.target,
            run.started.isValid() ? run.started.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                  : QStringLiteral("-"),
            run.started.isValid() ? formatDuration(run.durationSeconds(now)) : QStringLiteral("-"),
            QStringLiteral("%1/%2").arg(run.epoch).arg(run.step),
            formatNumber(run.lastTrainLoss),
            formatNumber(run.bestValAcc)};
}

void printTable(const QList<QStringList>& rows) {
    QList<qsizetype> widths(rows.front().size(), 0);
    for (const QStringList& row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) widths[c] = qMax(widths[c], row[c].size());
    }
    QString text;
    for (const QStringList& row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            line += c + 1 < row.size() ? row[c].leftJustified(widths[c] + 2) : row[c];
        }
        text += line + QLatin1Char('\n');
    }
    printOut(text);
}

}  // namespace

int runsCommand(const ParsedArgs& args) {
    const CliOptions options = localOptions(args);
    if (!options.positional.isEmpty())
        return usageError(commandSpec(QStringLiteral("runs")),
                          Text::tr("unexpected '%1'").arg(options.positional.front()));
    Workbench work(options.runsRoot, binDir());
    RunCatalog& catalog = *work.catalog();
    catalog.refresh();
    const QDateTime now = QDateTime::currentDateTime();
    if (options.json) {
        QJsonArray array;
        for (const RunInfo& run : catalog.runs()) array.append(toJson(run, now));
        printOut(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return 0;
    }
    if (catalog.runs().isEmpty()) {
        //: %1 is the runs root folder
        printOut(
            Text::tr("no runs in %1; start one with trainbench run CONFIG").arg(options.runsRoot) +
            QLatin1Char('\n'));
        return 0;
    }
    QList<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("STATE"),
                             QStringLiteral("TARGET"), QStringLiteral("STARTED"),
                             QStringLiteral("DURATION"), QStringLiteral("EPOCH/STEP"),
                             QStringLiteral("TRAIN LOSS"), QStringLiteral("BEST VAL ACC")}};
    for (const RunInfo& run : catalog.runs()) rows.append(tableRow(run, now));
    printTable(rows);
    return 0;
}

Result<void> notebookOption(const ParsedArgs& args, LaunchRequest& request) {
    if (!args.has(QStringLiteral("notebook"))) return {};
    if (args.has(QStringLiteral("command")))
        return failText(Text::tr("--notebook and --command cannot be combined"), kExitUsage);
    const QString path = QDir::current().absoluteFilePath(args.value(QStringLiteral("notebook")));
    if (auto made = makeNotebookRequest(path, request); !made)
        return fail(made.error(), kExitUsage);
    return {};
}

namespace {

// The launch request of a script run; the error is the usage problem to print.
Result<LaunchRequest> scriptRequest(const ParsedArgs& args) {
    LaunchRequest request;
    request.command = args.value(QStringLiteral("command"));
    if (auto notebook = notebookOption(args, request); !notebook) return notebook.failure();
    if (request.command.trimmed().isEmpty())
        return failText(Text::tr("--command is empty"), kExitUsage);
    if (!args.positional.isEmpty())
        return failText(Text::tr("a script run takes no CONFIG argument; use --config"),
                        kExitUsage);
    const QString config = args.value(QStringLiteral("config"));
    if (!config.isEmpty()) request.configPath = QDir::current().absoluteFilePath(config);
    const QString workDir = args.value(QStringLiteral("workdir"));
    // Like a shell: a relative path is the command's, from where trainbench was started.
    request.workDir =
        workDir.isEmpty() ? QDir::currentPath() : QDir::current().absoluteFilePath(workDir);
    request.envLine = args.value(QStringLiteral("env"));
    request.metricsRegex = args.value(QStringLiteral("metrics-regex"));
    request.tensorboardDir = args.value(QStringLiteral("tensorboard"));
    request.sets = args.values(QStringLiteral("set"));
    request.code = gitRecordOfFolder(request.workDir);  // what code it runs, in a git work tree
    auto processes = processesPerNode(args);
    if (!processes) return processes.failure();
    request.processes = *processes;
    return request;
}

}  // namespace

int scriptRunCommand(const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("run"));
    if (const auto refused = refuseOptionsOutside(
            spec, args,
            {QStringLiteral("command"), QStringLiteral("config"), QStringLiteral("workdir"),
             QStringLiteral("env"), QStringLiteral("metrics-regex"), QStringLiteral("tensorboard"),
             QStringLiteral("notebook"), QStringLiteral("set"), QStringLiteral("nproc-per-node"),
             QStringLiteral("detach"), QStringLiteral("runs-root")},
            //: completes "--env does not go with %1"
            Text::tr("a local script run (it needs --host NAME)")))
        return *refused;
    auto request = scriptRequest(args);
    if (!request) return usageError(spec, QString::fromStdString(request.error()));
    FollowOptions follow;
    follow.printLog = true;  // a script's own output is what its user watches
    return launchLocalRun(localOptions(args), *request, follow);
}

}  // namespace tb::cli
