// Where runs and configs live, and the first-start copy of the shipped configs.
#include "workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

// The resources are compiled into the static tb_core; without an explicit reference the linker
// drops their registration. Q_INIT_RESOURCE must be used outside any namespace.
static void initTrainbenchResources() {
    Q_INIT_RESOURCE(resources);
}

namespace tb {

QString resolveRunsRoot(const QString& commandLineValue) {
    if (!commandLineValue.isEmpty()) return QDir(commandLineValue).absolutePath();
    const QString fromEnvironment = qEnvironmentVariable("TRAINBENCH_RUNS");
    if (!fromEnvironment.isEmpty()) return QDir(fromEnvironment).absolutePath();
    QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (data.isEmpty()) data = QDir::homePath() + QLatin1String("/.local/share/trainbench");
    return data + QLatin1String("/runs");
}

QString seedWorkspace(const QString& runsRoot) {
    const QString configs = QDir(runsRoot).absoluteFilePath(QStringLiteral("configs"));
    // Only on first start: a user who deleted or edited a shipped config keeps that choice.
    if (QFileInfo::exists(configs)) return configs;
    if (!QDir().mkpath(configs)) return configs;
    initTrainbenchResources();
    QDirIterator shipped(QStringLiteral(":/trainbench/configs"), {QStringLiteral("*.yaml")},
                         QDir::Files);
    while (shipped.hasNext()) {
        const QString source = shipped.next();
        QFile in(source);
        // Written rather than QFile::copy'd: copies of resources are read-only, and these
        // files are the user's to edit.
        QFile out(configs + QLatin1Char('/') + QFileInfo(source).fileName());
        if (in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly)) {
            out.write(in.readAll());
        }
    }
    return configs;
}

}  // namespace tb
