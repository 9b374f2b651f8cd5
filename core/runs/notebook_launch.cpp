// Notebook runs (see the header).
#include "notebook_launch.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/protocol/atomic_file.h"

namespace tb {
namespace {

const QLatin1String kNotebookFile("notebook.ipynb");

// A notebook larger than this is not read at all (figures inline can make them huge).
constexpr qint64 kMaxReadBytes = 256 << 20;

QByteArray readHelper(const QString& helperDir, const QString& name) {
    QFile file(helperDir + QLatin1Char('/') + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

Result<void> makeNotebookRequest(const QString& path, LaunchRequest& request) {
    const std::string where = path.toStdString();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail("cannot read the notebook " + where + ": " + file.errorString().toStdString());
    if (file.size() > kMaxReadBytes) return fail(where + " is over 256 MB; is it a notebook?");
    QJsonParseError error;
    QJsonObject notebook = QJsonDocument::fromJson(file.readAll(), &error).object();
    if (error.error != QJsonParseError::NoError)
        return fail(where + " is not a notebook: its JSON is broken at byte " +
                    std::to_string(error.offset) + " (" + error.errorString().toStdString() + ")");
    if (notebook.value(QLatin1String("nbformat")).toInt() != 4 ||
        !notebook.value(QLatin1String("cells")).isArray())
        return fail(where +
                    " is not a Jupyter notebook in format 4 (no \"cells\" list); save "
                    "it again from Jupyter or Colab");
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
    if (code == 0) return fail(where + " has no code cells to run");
    notebook.insert(QLatin1String("cells"), cells);
    request.notebook = QJsonDocument(notebook).toJson(QJsonDocument::Compact);
    if (request.notebook.size() > kMaxNotebookBytes)
        return fail(where + "'s cells are " + std::to_string(request.notebook.size() / 1024) +
                    " KiB without their outputs, over the " +
                    std::to_string(kMaxNotebookBytes / 1024) +
                    " KiB a launch carries; send it with `trainbench upload` and run it with "
                    "--command 'python3 -m trainbench_notebook FILE'");
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
