// CheckpointMove: list, download (checked against the sidecar), upload to another host, launch.
#include "checkpoint_move.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "core/checkpoints/box_name.h"
#include "core/protocol/atomic_file.h"
#include "core/runs/fail_text.h"
#include "remote/ssh/host_connection.h"
#include "remote/transfer/file_hash.h"
#include "remote/transfer/transfer_session.h"
#include "remote_backend.h"

namespace tb {
namespace {

QString hostOf(const RemoteBackend* backend) {
    //: %1 is a host's name; the steps and errors of a checkpoint's move name a host this way
    return CheckpointMove::tr("host %1").arg(backend->settings().name);
}

Result<void> writeText(const QString& path, const QByteArray& text) {
    return writeFileAtomic(path.toStdString(), text.toStdString());
}

// The size and sha256 the sidecar records, where it records them.
bool matchesSidecar(const QString& path, const CheckpointEntry& entry, QString* actual = nullptr) {
    const QFileInfo info(path);
    if (!info.isFile() || (entry.recordedBytes >= 0 && info.size() != entry.recordedBytes))
        return false;
    if (entry.sha256.isEmpty()) return true;
    const QString hex = FileHash::hexOfFile(path);
    if (actual) *actual = hex;
    return hex == entry.sha256;
}

}  // namespace

CheckpointMove::CheckpointMove(RemoteBackend* source, QString runId, QString checkpoint,
                               QObject* parent)
    : QObject(parent), m_source(source), m_runId(std::move(runId)), m_which(std::move(checkpoint)) {
}

void CheckpointMove::download(const QString& destRoot, Done done) {
    if (!m_source) return done(failText(tr("the source host is gone")));
    Q_EMIT stepChanged(tr("listing the checkpoints of %1 on %2").arg(m_runId, hostOf(m_source)));
    QPointer<CheckpointMove> self(this);
    m_source->checkpointsAsync(
        m_runId, true, [self, destRoot, done](Result<RemoteCheckpoints> list) {
            if (!self) return;
            if (!list) return done(list.failure());
            auto entry = list->pick(self->m_which, hostOf(self->m_source));
            if (!entry) return done(entry.failure());
            self->m_parent = *list;
            self->m_entry = *entry;
            // The run id and the checkpoint's name may come from the box: both go through the
            // checked function before they name anything here.
            const QString host = self->m_source->settings().name;
            const auto folderPath =
                boxNamePath(QDir(destRoot).absoluteFilePath(stageFolderName(host)),
                            BoxNameKind::RunId, self->m_runId, host);
            if (!folderPath) return done(folderPath.failure());
            const QString folder = *folderPath;
            if (!QDir().mkpath(folder + QStringLiteral("/checkpoints")))
                return done(failText(tr("cannot create %1; check its permissions").arg(folder)));
            const auto localPath =
                boxNamePath(folder + QStringLiteral("/checkpoints"), BoxNameKind::CheckpointFile,
                            entry->fileName(), host);
            if (!localPath) return done(localPath.failure());
            Result<void> written =
                writeText(folder + QStringLiteral("/config.resolved"), list->resolvedConfig);
            QFile::remove(folder + QStringLiteral("/config.yaml"));
            if (written && !list->configYaml.isEmpty())
                written = writeText(folder + QStringLiteral("/config.yaml"), list->configYaml);
            if (!written) return done(written.failure());
            const QString local = *localPath;
            // A copy fetched earlier and still matching its sidecar is not fetched again.
            if (matchesSidecar(local, *entry) && !entry->sha256.isEmpty())
                return self->finishDownload(folder, TransferResult{}, done);
            TransferRequest request;
            request.direction = TransferDirection::Download;
            request.localPath = local;
            request.remotePath = entry->path;
            Q_EMIT self->stepChanged(
                tr("downloading %1 from %2").arg(entry->fileName(), hostOf(self->m_source)));
            self->transfer(self->m_source->connection()->session(), request,
                           [self, folder, done](const TransferResult& result) {
                               if (self) self->finishDownload(folder, result, done);
                           });
        });
}

// The transfer checked the copy against the box; the sidecar says what the trainer wrote.
void CheckpointMove::finishDownload(const QString& folder, const TransferResult& result,
                                    Done done) {
    if (!result.ok()) return done(fail(result.message.toStdString()));
    const QString local = folder + QStringLiteral("/checkpoints/") + m_entry.fileName();
    QString actual;
    if (!matchesSidecar(local, m_entry, &actual)) {
        QFile::remove(local);
        //: %1 is the checkpoint's path on the box, %2 its host; %3 and %4 the size and sha256
        //: its sidecar records, %5 and %6 those of the downloaded copy ("-": none)
        return done(failText(
            tr("%1 on %2 does not match its sidecar (%3 bytes, sha256 %4; the copy "
               "has %5 bytes, sha256 %6): the checkpoint on the box is damaged. "
               "The copy was removed; pick another checkpoint.")
                .arg(m_entry.path, hostOf(m_source), QString::number(m_entry.recordedBytes),
                     m_entry.sha256.isEmpty() ? QStringLiteral("-") : m_entry.sha256,
                     QString::number(QFileInfo(local).size()),
                     actual.isEmpty() ? QStringLiteral("-") : actual)));
    }
    // The sidecar after the .pt, as the trainer writes them.
    const auto sidecar = boxNamePath(
        folder + QStringLiteral("/checkpoints"), BoxNameKind::CheckpointSidecar,
        m_entry.name + QStringLiteral(".json"), m_source ? m_source->settings().name : QString());
    if (!sidecar) return done(sidecar.failure());
    const Result<void> written = writeText(*sidecar, m_parent.sidecars.value(m_entry.name));
    if (!written) return done(written.failure());
    done(folder);
}

void CheckpointMove::resumeLocally(Backend& local, const QString& stageRoot, LaunchRequest request,
                                   Done done) {
    QPointer<CheckpointMove> self(this);
    download(stageRoot, [self, &local, request, done](Result<QString> folder) mutable {
        if (!self) return;
        if (!folder) return done(folder.failure());
        request.parentRun = self->m_runId;
        request.parentDir = *folder;
        request.parentCheckpoint = self->m_entry.fileName();
        Q_EMIT self->stepChanged(tr("starting the resumed run on this machine"));
        local.launchAsync(request, done);
    });
}

void CheckpointMove::resumeOnHost(RemoteBackend* target, const QString& localStage,
                                  LaunchRequest request, Done done) {
    if (!m_source || !target) return done(failText(tr("the host is gone")));
    if (target == m_source) {
        request.parentRun = m_runId;
        request.parentCheckpoint = m_which;
        Q_EMIT stepChanged(tr("starting the resumed run on %1").arg(hostOf(target)));
        return target->launchAsync(request, done);
    }
    QPointer<CheckpointMove> self(this);
    QPointer<RemoteBackend> to(target);
    download(localStage, [self, to, request, done](Result<QString> folder) {
        if (!self) return;
        if (!folder) return done(folder.failure());
        if (!to) return done(failText(tr("the target host is gone")));
        self->upload(to, *folder, request, done);
    });
}

// Config files and sidecar in one command, the .pt by the resumable upload, then the launch.
void CheckpointMove::upload(RemoteBackend* target, const QString& folder, LaunchRequest request,
                            Done done) {
    QPointer<CheckpointMove> self(this);
    QPointer<RemoteBackend> to(target);
    const auto stage =
        stageParentCommand(target->settings().runsRoot, stageFolderName(m_source->settings().name),
                           m_runId, m_parent, m_entry, m_source->settings().name);
    if (!stage) return done(stage.failure());
    Q_EMIT stepChanged(tr("uploading %1 to %2").arg(m_entry.fileName(), hostOf(target)));
    target->execAsync(*stage, [self, to, folder, request, done](const ExecResult& r) mutable {
        if (!self || !to) return;
        const QString dir = QString::fromUtf8(r.standardOutput).trimmed();
        if (!r.ok() || r.exitStatus != 0 || dir.isEmpty())
            return done(failText(
                tr("cannot stage the checkpoint in %1 on %2: %3; check the host's runs root and "
                   "its free space")
                    .arg(to->settings().runsRoot, hostOf(to),
                         r.ok() ? QString::fromUtf8(r.standardError).trimmed() : r.message)));
        const QString file = self->m_entry.fileName();
        TransferRequest upload;
        upload.direction = TransferDirection::Upload;
        upload.localPath = folder + QStringLiteral("/checkpoints/") + file;
        upload.remotePath = dir + QStringLiteral("/checkpoints/") + file;
        self->transfer(
            to->connection()->session(), upload,
            [self, to, dir, file, request, done](const TransferResult& sent) mutable {
                if (!self || !to) return;
                if (!sent.ok()) return done(fail(sent.message.toStdString()));
                request.parentRun = self->m_runId;
                request.parentDir = dir;
                request.parentCheckpoint = file;
                Q_EMIT self->stepChanged(tr("starting the resumed run on %1").arg(hostOf(to)));
                to->launchAsync(request, done);
            });
    });
}

void CheckpointMove::transfer(SshSessionThread* session, const TransferRequest& request,
                              std::function<void(const TransferResult&)> finished) {
    auto* listening = new QObject(this);  // the connections live until this transfer ends
    auto id = std::make_shared<quint64>(0);
    connect(session->session(), &SshSession::transferProgress, listening,
            [this, id](quint64 got, const TransferProgress& p) {
                if (got == *id) Q_EMIT progress(p);
            });
    connect(session->session(), &SshSession::transferFinished, listening,
            [this, id, listening, finished](quint64 got, const TransferResult& result) {
                if (got != *id) return;
                m_transferring = nullptr;
                listening->deleteLater();
                finished(result);
            });
    m_transferring = session;
    // Signals are queued to this thread, so none can arrive before the id is known.
    *id = startTransfer(*session, request);
}

void CheckpointMove::cancel() {
    if (m_transferring) m_transferring->cancel();
}

}  // namespace tb
