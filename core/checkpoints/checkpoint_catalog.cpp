// Checkpoint listing from sidecars and on-demand verification in a child process.
#include "checkpoint_catalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>

#include "core/protocol/atomic_file.h"
#include "core/protocol/json.h"
#include "core/runs/fail_text.h"

namespace tb {
namespace {

CheckpointEntry readEntry(const QFileInfo& checkpoint) {
    CheckpointEntry entry;
    entry.path = checkpoint.absoluteFilePath();
    entry.name = checkpoint.completeBaseName();
    entry.bytes = checkpoint.size();
    QFile sidecar(checkpoint.absolutePath() + "/" + entry.name + ".json");
    if (sidecar.open(QIODevice::ReadOnly)) readCheckpointSidecar(sidecar.readAll(), entry);
    return entry;
}

}  // namespace

CheckpointCatalog::CheckpointCatalog(const QString& trainerPath, QObject* parent)
    : QObject(parent), m_trainerPath(trainerPath) {
}

void CheckpointCatalog::setRunDir(const QString& runDir) {
    m_runDir = runDir;
    m_remoteHost.clear();
    refresh();
}

void CheckpointCatalog::showRemote(const QString& host, const QString& runDir,
                                   QList<CheckpointEntry> entries) {
    m_runDir = runDir;
    m_remoteHost = host;
    m_entries = std::move(entries);
    Q_EMIT entriesReset();
}

int CheckpointCatalog::indexOfPath(const QString& path) const {
    const QString wanted = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].path == wanted) return i;
    }
    return -1;
}

void CheckpointCatalog::refresh() {
    if (!filesHere()) return;  // a listing from the host; the panel asks for a new one
    QList<CheckpointEntry> entries;
    if (!m_runDir.isEmpty()) {
        const QDir dir(m_runDir + "/checkpoints");
        for (const QFileInfo& file : dir.entryInfoList({"ckpt-*.pt"}, QDir::Files)) {
            CheckpointEntry entry = readEntry(file);
            // Keep what was already verified while the file is unchanged.
            const int known = indexOfPath(entry.path);
            if (known >= 0 && m_entries[known].bytes == entry.bytes) {
                entry.check = m_entries[known].check;
                entry.checkMessage = m_entries[known].checkMessage;
                entry.paramSha256 = m_entries[known].paramSha256;
            }
            entries.append(entry);
        }
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.step < b.step; });
    m_entries = entries;
    Q_EMIT entriesReset();
}

void CheckpointCatalog::inspect(int index) {
    if (!filesHere() || index < 0 || index >= m_entries.size()) return;
    CheckpointEntry& entry = m_entries[index];
    if (entry.check == CheckpointEntry::Check::Checking) return;
    entry.check = CheckpointEntry::Check::Checking;
    Q_EMIT entryChanged(index);
    auto* process = new QProcess(this);
    const QString path = entry.path;
    connect(process, &QProcess::finished, this,
            [this, process, path](int exitCode, QProcess::ExitStatus status) {
                finishInspection(path, status == QProcess::NormalExit ? exitCode : -1,
                                 process->readAllStandardOutput(), process->readAllStandardError());
                process->deleteLater();
            });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, path](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart) return;
                finishInspection(path, -1, {}, tr("cannot run %1").arg(m_trainerPath).toUtf8());
                process->deleteLater();
            });
    process->start(m_trainerPath, {"--inspect", path});
}

void CheckpointCatalog::finishInspection(const QString& path, int exitCode, const QByteArray& out,
                                         const QByteArray& err) {
    const int index = indexOfPath(path);
    if (index < 0) return;  // deleted or another run shown meanwhile
    CheckpointEntry& entry = m_entries[index];
    if (exitCode == 0) {
        entry.check = CheckpointEntry::Check::Ok;
        entry.paramSha256 = QJsonDocument::fromJson(out).object().value("param_sha256").toString();
        entry.checkMessage.clear();
    } else {
        entry.check = CheckpointEntry::Check::Corrupt;
        entry.checkMessage = QString::fromUtf8(err).trimmed().remove("trainbench-train: error: ");
    }
    Q_EMIT entryChanged(index);
}

// latest.json must keep naming a checkpoint that exists, or `--resume latest` would fail.
Result<void> CheckpointCatalog::pointLatestAtNewest() {
    const QString latest = m_runDir + "/checkpoints/latest.json";
    if (m_entries.isEmpty()) {
        QFile::remove(latest);
        return {};
    }
    const CheckpointEntry& newest = m_entries.last();
    const std::string json = JsonObject()
                                 .add("checkpoint", (newest.name + ".pt").toStdString())
                                 .add("epoch", static_cast<int64_t>(newest.epoch))
                                 .add("step", static_cast<int64_t>(newest.step))
                                 .str();
    return writeFileAtomic(latest.toStdString(), json + "\n");
}

Result<void> CheckpointCatalog::remove(int index) {
    if (!filesHere())
        return failText(tr("checkpoints on %1 are deleted on the host itself").arg(m_remoteHost));
    if (index < 0 || index >= m_entries.size()) return failText(tr("no such checkpoint"));
    const CheckpointEntry entry = m_entries[index];
    if (!QFile::remove(entry.path) && QFile::exists(entry.path)) {
        return failText(tr("cannot delete %1").arg(entry.path));
    }
    QFile::remove(QFileInfo(entry.path).absolutePath() + "/" + entry.name + ".json");
    refresh();
    return pointLatestAtNewest();
}

}  // namespace tb
