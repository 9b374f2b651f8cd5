// Notebook runs (see the header).
#include "notebook_launch.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/protocol/atomic_file.h"
#include "fail_text.h"

namespace tb {
namespace {

struct NotebookLaunch {
    Q_DECLARE_TR_FUNCTIONS(NotebookLaunch)
};

const QLatin1String kNotebookFile("notebook.ipynb");

// A notebook larger than this is not read at all (figures inline can make them huge).
constexpr qint64 kMaxReadBytes = 256 << 20;

QByteArray readHelper(const QString& helperDir, const QString& name) {
    QFile file(helperDir + QLatin1Char('/') + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

Result<void> makeNotebookRequest(const QString& path, LaunchRequest& request) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failText(
            NotebookLaunch::tr("cannot read the notebook %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxReadBytes)
        return failText(NotebookLaunch::tr("%1 is over 256 MB; is it a notebook?").arg(path));
    QJsonParseError error;
    QJsonObject notebook = QJsonDocument::fromJson(file.readAll(), &error).object();
    if (error.error != QJsonParseError::NoError)
        //: %2 is a byte offset, %3 the JSON parser's reason
        return failText(
            NotebookLaunch::tr("%1 is not a notebook: its JSON is broken at byte %2 (%3)")
                .arg(path, QString::number(error.offset), error.errorString()));
    if (notebook.value(QLatin1String("nbformat")).toInt() != 4 ||
        !notebook.value(QLatin1String("cells")).isArray())
        return failText(NotebookLaunch::tr("%1 is not a Jupyter notebook in format 4 (no \"cells\" "
                                           "list); save it again from Jupyter or Colab")
                            .arg(path));
    QJsonArray cells = notebook.value(QLatin1String("cells")).toArray();
    int code = 0;
    for (auto cell = cells.begin(); cell != cells.end(); ++cell) {
        QJsonObject object = cell->toObject();
        if (object.value(QLatin1String("cell_type")).toString() != QLatin1String("code")) continue;
        ++code;
        object.insert(QLatin1String("outputs"), QJsonArray());
        object.insert(QLatin1String("execution_count"), QJsonValue());
        *cell = object;
    }
    if (code == 0) return failText(NotebookLaunch::tr("%1 has no code cells to run").arg(path));
    notebook.insert(QLatin1String("cells"), cells);
    request.notebook = QJsonDocument(notebook).toJson(QJsonDocument::Compact);
    if (request.notebook.size() > kMaxNotebookBytes)
        //: %1 is the notebook file, %2 and %3 sizes in KiB
        return failText(
            NotebookLaunch::tr("%1's cells are %2 KiB without their outputs, over the %3 KiB a "
                               "launch carries; send it with `trainbench upload` and run it with "
                               "--command 'python3 -m trainbench_notebook FILE'")
                .arg(path, QString::number(request.notebook.size() / 1024),
                     QString::number(kMaxNotebookBytes / 1024)));
    request.notebookName = QFileInfo(path).fileName();
    request.command = QStringLiteral("python3 -m trainbench_notebook \"$TRAINBENCH_RUN_DIR/%1\"")
                          .arg(kNotebookFile);
    return {};
}

QList<std::pair<QString, QByteArray>> scriptHelperFiles(const LaunchRequest& request,
                                                        const QString& helperDir) {
    QList<std::pair<QString, QByteArray>> files;
    const QByteArray log = readHelper(helperDir, QStringLiteral("trainbench_log.py"));
    if (!log.isEmpty()) files.append({QStringLiteral("trainbench_log.py"), log});
    if (request.notebook.isEmpty()) return files;
    files.append({QStringLiteral("trainbench_notebook.py"),
                  readHelper(helperDir, QStringLiteral("trainbench_notebook.py"))});
    files.append({kNotebookFile, request.notebook});
    return files;
}

Result<void> writeNotebook(const QString& runDir, const LaunchRequest& request) {
    if (request.notebook.isEmpty()) return {};
    return writeFileAtomic((runDir + QLatin1Char('/') + kNotebookFile).toStdString(),
                           request.notebook.toStdString());
}

}  // namespace tb
