// Config preparation and run.json, shared by the backends (see launch_config.h).
#include "launch_config.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "core/config/resolved_config.h"
#include "core/protocol/atomic_file.h"
#include "core/protocol/run_layout.h"
#include "fail_text.h"
#include "std_string.h"

namespace tb {
namespace {

struct LaunchConfig {
    Q_DECLARE_TR_FUNCTIONS(LaunchConfig)
};

// The request's --set overrides on a loaded config, then validation.
Result<PreparedConfig> applySets(const LaunchRequest& request, PreparedConfig& prepared) {
    std::vector<std::string> sets;
    for (const QString& set : request.sets) sets.push_back(str(set));
    applyOverrides(prepared.loaded, sets);
    if (!prepared.loaded.ok()) {
        QString message = LaunchConfig::tr("the config is not valid; fix these and launch again:");
        for (const Diagnostic& d : prepared.loaded.diagnostics)
            message += QLatin1String("\n  ") + QString::fromStdString(d.format());
        return failText(message);
    }
    return prepared;
}

// The parent's resolved config could not be read or parsed.
Error cannotResume(const std::string& why) {
    return failText(LaunchConfig::tr("cannot resume: %1").arg(QString::fromStdString(why)));
}

}  // namespace

Result<PreparedConfig> prepareConfig(const LaunchRequest& request, const QString& parentDir,
                                     DataPathsOn dataPaths) {
    PreparedConfig prepared;
    if (!request.configText.isEmpty()) {
        const QString baseDir = request.configPath.isEmpty()
                                    ? QDir::currentPath()
                                    : QFileInfo(request.configPath).absolutePath();
        const QString fileName =
            request.configPath.isEmpty() ? QStringLiteral("config.yaml") : request.configPath;
        prepared.yaml = request.configText.toUtf8();
        prepared.loaded =
            parseConfigText(prepared.yaml.toStdString(), str(fileName), str(baseDir), dataPaths);
    } else if (!request.configPath.isEmpty()) {
        QFile file(request.configPath);
        if (!file.open(QIODevice::ReadOnly)) {
            return failText(LaunchConfig::tr("cannot read config %1: %2")
                                .arg(request.configPath, file.errorString()));
        }
        prepared.yaml = file.readAll();
        prepared.loaded =
            parseConfigText(prepared.yaml.toStdString(), str(request.configPath),
                            str(QFileInfo(request.configPath).absolutePath()), dataPaths);
    } else if (!parentDir.isEmpty()) {
        // Resuming without a config: the parent's resolved config is exactly what it ran with.
        const std::string source = str(parentDir + QLatin1String("/config.resolved"));
        auto text = readFile(source);
        if (!text) return cannotResume(text.error());
        QFile yaml(parentDir + QLatin1String("/config.yaml"));
        return prepareResolvedConfig(
            request, *text, yaml.open(QIODevice::ReadOnly) ? yaml.readAll() : QByteArray(), source);
    } else {
        return failText(LaunchConfig::tr("no config to launch: give a config file or config text"));
    }
    return applySets(request, prepared);
}

Result<PreparedConfig> prepareResolvedConfig(const LaunchRequest& request,
                                             const std::string& resolvedText,
                                             const QByteArray& yaml, const std::string& source,
                                             DataPathsOn dataPaths) {
    auto values = readResolvedConfig(resolvedText, source);
    if (!values) return cannotResume(values.error());
    PreparedConfig prepared;
    prepared.loaded.values = *values;
    prepared.loaded.dataPaths = dataPaths;
    prepared.yaml = yaml;
    return applySets(request, prepared);
}

std::string trialName(const std::string& name, const LaunchRequest& request) {
    if (request.trial < 0) return name;
    return name + "-t" + std::to_string(request.trial + 1);
}

QByteArray runJsonText(const RunJsonFields& fields) {
    QJsonObject object;
    object.insert(QLatin1String("protocol"), kRunProtocolVersion);
    object.insert(QLatin1String("id"), fields.id);
    object.insert(QLatin1String("name"), QString::fromStdString(fields.name));
    object.insert(QLatin1String("created"), unixNow());
    object.insert(QLatin1String("target"), fields.target);
    object.insert(QLatin1String("command"), QJsonArray::fromStringList(fields.command));
    object.insert(QLatin1String("cwd"), fields.cwd);
    if (!fields.parentRun.isEmpty()) {
        QJsonObject parent;
        parent.insert(QLatin1String("run"), fields.parentRun);
        parent.insert(QLatin1String("checkpoint"), fields.parentCheckpoint);
        object.insert(QLatin1String("parent"), parent);
    }
    if (!fields.sweep.isEmpty()) {
        QJsonObject sweep;
        sweep.insert(QLatin1String("id"), fields.sweep);
        sweep.insert(QLatin1String("trial"), fields.trial);
        sweep.insert(QLatin1String("label"), fields.trialLabel);
        object.insert(QLatin1String("sweep"), sweep);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

Result<QString> createRunDir(const QString& runsRoot, const std::string& name, double created) {
    if (!QDir().mkpath(runsRoot)) {
        return failText(LaunchConfig::tr("cannot create the runs folder %1; check its permissions")
                            .arg(runsRoot));
    }
    const QString base = QString::fromStdString(makeRunId(created, name));
    for (int attempt = 1; attempt < 100; ++attempt) {
        const QString id = attempt == 1 ? base : base + QLatin1Char('-') + QString::number(attempt);
        const QByteArray path = (runsRoot + QLatin1Char('/') + id).toLocal8Bit();
        if (::mkdir(path.constData(), 0755) == 0) return id;
        if (errno != EEXIST) {
            const QString why = QString::fromLocal8Bit(std::strerror(errno));
            return failText(LaunchConfig::tr("cannot create run folder %1: %2")
                                .arg(QString::fromLocal8Bit(path), why));
        }
    }
    return failText(LaunchConfig::tr("too many runs named %1 in this second; try again").arg(base));
}

}  // namespace tb
