// Script runs: checks, the filled command, the wrapper options (see script_launch.h).
#include "script_launch.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

#include "core/protocol/stdout_metrics.h"
#include "fail_text.h"
#include "script_command.h"
#include "torchrun_command.h"

namespace tb {
namespace {

struct ScriptLaunch {
    Q_DECLARE_TR_FUNCTIONS(ScriptLaunch)
};

// "train" for `python3 train.py --lr 0.1`: the first word that names a script, else the
// program. Only used for the run id when no config names the run.
std::string nameFromCommand(const QString& command) {
    const QStringList words =
        command.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    static const QRegularExpression script(QStringLiteral("\\.(py|sh|jl|lua|rb|pl|js)$"));
    QString chosen = words.isEmpty() ? QString() : words.front();
    for (const QString& word : words) {
        if (script.match(word).hasMatch()) {
            chosen = word;
            break;
        }
    }
    const QString base = QFileInfo(chosen).completeBaseName();
    return base.isEmpty() ? std::string("script") : base.toStdString();
}

// The request's config; without one, the schema defaults (an empty YAML map) named after the
// command (a notebook: its file), unless a --set names the run. Either way --set applies and is
// validated.
Result<PreparedConfig> scriptConfig(const LaunchRequest& request) {
    if (!request.configPath.isEmpty() || !request.configText.isEmpty()) {
        return prepareConfig(request, QString());
    }
    LaunchRequest defaults = request;
    defaults.configText = QStringLiteral("{}\n");
    auto prepared = prepareConfig(defaults, QString());
    if (!prepared) return prepared;
    prepared->yaml.clear();  // there is no config file to freeze
    const bool named = std::any_of(request.sets.begin(), request.sets.end(), [](const QString& s) {
        return s.startsWith(QLatin1String("name="));
    });
    if (!named) {
        prepared->loaded.values["name"] =
            request.notebookName.isEmpty()
                ? nameFromCommand(request.command)
                : QFileInfo(request.notebookName).completeBaseName().toStdString();
    }
    return prepared;
}

}  // namespace

Result<ScriptPlan> prepareScript(const LaunchRequest& request) {
    if (request.command.trimmed().isEmpty())
        return failText(ScriptLaunch::tr("the script run has no command"));
    if (!request.parentRun.isEmpty()) {
        return failText(ScriptLaunch::tr(
            "resuming or forking a script run is not supported; launch the command again (your "
            "script can read its own checkpoints from its run directory)"));
    }
    if (!request.metricsRegex.isEmpty()) {
        auto metrics = StdoutMetrics::create(request.metricsRegex.toStdString());
        if (!metrics) return metrics.failure();
    }
    auto config = scriptConfig(request);
    if (!config) return config.failure();
    ConfigValues values = config->loaded.values;
    for (auto it = request.placeholders.begin(); it != request.placeholders.end(); ++it)
        values[it.key().toStdString()] = it.value().toStdString();
    auto filled = fillCommandTemplate(request.command.toStdString(), values);
    if (!filled) return filled.failure();
    auto launched = torchrunCommand(QString::fromStdString(*filled), request.processes);
    if (!launched) return launched.failure();
    ScriptPlan plan;
    plan.config = std::move(*config);
    plan.name = plan.config.loaded.values["name"];
    plan.command = *launched;
    return plan;
}

QStringList scriptWrapperArgs(const LaunchRequest& request, const ScriptPlan& plan,
                              const QString& workDir, const QString& metricsTool) {
    QStringList args;
    if (!workDir.isEmpty()) args << QStringLiteral("--workdir") << workDir;
    if (!request.envLine.trimmed().isEmpty()) args << QStringLiteral("--env") << request.envLine;
    if (!request.metricsRegex.isEmpty())
        args << QStringLiteral("--metrics-regex") << request.metricsRegex;
    // Also what follows TensorBoard files, so passed whenever the machine has one.
    if (!metricsTool.isEmpty()) args << QStringLiteral("--metrics-tool") << metricsTool;
    if (!request.tensorboardDir.isEmpty())
        args << QStringLiteral("--tensorboard") << request.tensorboardDir;
    args << QStringLiteral("--shell") << plan.command;
    return args;
}

QByteArray withScriptFields(const QByteArray& runJson, const LaunchRequest& request,
                            const ScriptPlan& plan, const QString& workDir) {
    QJsonObject object = QJsonDocument::fromJson(runJson).object();
    QJsonObject script;
    script.insert(QLatin1String("template"), request.command);
    script.insert(QLatin1String("command"), plan.command);
    script.insert(QLatin1String("workdir"), workDir);
    script.insert(QLatin1String("env"), request.envLine);
    script.insert(QLatin1String("metrics_regex"), request.metricsRegex);
    if (!request.tensorboardDir.isEmpty())
        script.insert(QLatin1String("tensorboard"), request.tensorboardDir);
    if (!request.notebookName.isEmpty())
        script.insert(QLatin1String("notebook"), request.notebookName);
    if (request.processes > 1) script.insert(QLatin1String("processes"), request.processes);
    object.insert(QLatin1String("script"), script);
    if (!request.code.isEmpty()) {
        QJsonObject code;
        for (auto it = request.code.cbegin(); it != request.code.cend(); ++it)
            code.insert(it.key(), it.value());
        object.insert(QLatin1String("code"), code);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

}  // namespace tb
