// TensorBoard folders imported as runs (see the header).
#include "tensorboard_import.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include "core/protocol/atomic_file.h"
#include "core/protocol/run_status.h"
#include "core/protocol/tb_follow.h"
#include "fail_text.h"
#include "launch_config.h"

namespace tb {
namespace {

// The messages of an import (TensorboardImport is the result's name).
struct TensorboardImporter {
    Q_DECLARE_TR_FUNCTIONS(TensorboardImporter)
};

constexpr int kMaxDepth = 6;
constexpr int kMaxFolders = 1000;
const QLatin1String kImportedKey("imported_from");

// The folders that directly hold an event file, shallow ones first.
QStringList eventFolders(const QString& logDir) {
    QSet<QString> folders;
    const QString root = QDir(logDir).absolutePath();
    QDirIterator it(root, QDir::Files | QDir::NoSymLinks | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext() && folders.size() < kMaxFolders) {
        const QFileInfo file(it.next());
        if (!file.fileName().contains(QLatin1String("tfevents"))) continue;
        const QString folder = file.absolutePath();
        if (QDir(root).relativeFilePath(folder).count(QLatin1Char('/')) >= kMaxDepth) continue;
        folders.insert(folder);
    }
    QStringList sorted = folders.values();
    sorted.sort();
    return sorted;
}

// The sources of runs imported before, from each run.json's imported_from.
QSet<QString> importedBefore(const QString& runsRoot) {
    QSet<QString> sources;
    for (const QString& id : QDir(runsRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(runsRoot + QLatin1Char('/') + id + QLatin1String("/run.json"));
        if (file.size() > (1 << 20) || !file.open(QIODevice::ReadOnly)) continue;
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        const QString source = object.value(kImportedKey).toString();
        if (!source.isEmpty()) sources.insert(source);
    }
    return sources;
}

QString runName(const QString& logDir, const QString& folder) {
    const QString relative = QDir(logDir).relativeFilePath(folder);
    return relative == QLatin1String(".") ? QFileInfo(folder).fileName() : relative;
}

Result<void> writeRun(const QString& dir, const QString& id, const QString& name,
                      const QString& source, const std::vector<MetricRecord>& records) {
    const RunLayout layout{dir.toStdString()};
    RunJsonFields fields;
    fields.id = id;
    fields.name = name.toStdString();
    fields.target = QStringLiteral("local");
    fields.cwd = source;
    QJsonObject run = QJsonDocument::fromJson(runJsonText(fields)).object();
    run.insert(QLatin1String("created"), records.front().time);
    run.insert(kImportedKey, source);
    Result<void> written = writeFileAtomic(
        layout.runJson(), QJsonDocument(run).toJson(QJsonDocument::Compact).toStdString() + "\n");
    MetricsWriter metrics;
    if (written) written = metrics.open(layout.metrics());
    for (const MetricRecord& record : records) {
        if (!written) break;
        written = metrics.append(record);
    }
    // The log says where the curves came from (an imported run has no output of its own).
    if (written)
        written =
            writeFileAtomic(layout.outputLog(), "imported " + std::to_string(records.size()) +
                                                    " records from the TensorBoard files in " +
                                                    source.toStdString() + "\n");
    if (!written) return written;
    RunStatus status;
    status.state = RunState::Finished;
    status.host = "imported";
    status.started = records.front().time;
    status.ended = status.updated = records.back().time;
    status.exitCode = 0;
    status.step = records.back().step;
    status.message = "imported from the TensorBoard files in " + source.toStdString();
    return writeStatus(layout.statusJson(), status);
}

}  // namespace

Result<TensorboardImport> importTensorboard(const QString& logDir, const QString& runsRoot) {
    if (!QFileInfo(logDir).isDir())
        return failText(TensorboardImporter::tr("%1 is not a folder; name the folder TensorBoard "
                                                "was started with (its --logdir)")
                            .arg(logDir));
    if (!QDir().mkpath(runsRoot))
        return failText(TensorboardImporter::tr("cannot create the runs folder %1").arg(runsRoot));
    TensorboardImport result;
    const QSet<QString> before = importedBefore(runsRoot);
    const QStringList folders = eventFolders(logDir);
    if (folders.isEmpty())
        result.notes << TensorboardImporter::tr(
                            "%1: no TensorBoard event files "
                            "(events.out.tfevents.*) in it or its subfolders")
                            .arg(logDir);
    for (const QString& folder : folders) {
        if (before.contains(folder)) {
            result.notes << TensorboardImporter::tr("%1: imported before; skipped").arg(folder);
            continue;
        }
        TbEventFollower follower({folder.toStdString()}, 0, 0);
        std::vector<MetricRecord> records;
        uint64_t read = 0;
        do {  // each look reads at most a chunk of each file
            read = follower.bytesRead();
            std::vector<MetricRecord> more = follower.poll();
            records.insert(records.end(), more.begin(), more.end());
        } while (follower.bytesRead() > read);
        for (const std::string& note : follower.takeNotes())
            result.notes << QString::fromStdString(note);
        if (records.empty()) {
            result.notes << TensorboardImporter::tr("%1: no scalars in its event files; skipped")
                                .arg(folder);
            continue;
        }
        const QString name = runName(logDir, folder);
        auto id = createRunDir(runsRoot, name.toStdString(), records.front().time);
        if (!id) return id.failure();
        const QString dir = runsRoot + QLatin1Char('/') + *id;
        if (auto written = writeRun(dir, *id, name, folder, records); !written)
            //: %1 is why writing failed, %2 the run's folder
            return failText(TensorboardImporter::tr("%1; the partly written run %2 can be deleted")
                                .arg(QString::fromStdString(written.error()), dir));
        result.runs.append({*id, folder, static_cast<int>(records.size())});
    }
    return result;
}

}  // namespace tb
