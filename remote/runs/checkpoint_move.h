#pragma once
// CheckpointMove: takes a remote run's checkpoint where a resume needs it. Download makes a
// run-folder copy on this machine (config.resolved, config.yaml, checkpoints/NAME.pt + sidecar)
// by pipelined SFTP into NAME.part, resumable, checked by sha256 against the box and against
// the sidecar; resuming on another host downloads, then uploads the copy into that host's
// runs root (.imported/SOURCE/RUN), then launches there. Used by the CLI and the GUI; every
// step is asynchronous, on the thread that owns the backends.

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

#include "core/runs/backend.h"
#include "remote/ssh/transfer_types.h"
#include "remote_checkpoints.h"

namespace tb {

class RemoteBackend;
class SshSessionThread;

class CheckpointMove : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(Result<QString>)>;

    // `checkpoint`: a file name, or empty / "latest" for the one latest.json names.
    CheckpointMove(RemoteBackend* source, QString runId, QString checkpoint,
                   QObject* parent = nullptr);

    // Into `destRoot`/SOURCE_HOST/RUN_ID; `done` gets that folder.
    void download(const QString& destRoot, Done done);
    // Downloads into `stageRoot` (LOCAL_RUNS_ROOT/.imported), then launches on `local` (this
    // machine's backend, which outlives the move); `done` gets the run id. `request` carries
    // --set overrides, or configText for a fork.
    void resumeLocally(Backend& local, const QString& stageRoot, LaunchRequest request, Done done);
    // On the source host itself, or via a copy uploaded to `target`; `localStage` is where the
    // copy passes through on this machine.
    void resumeOnHost(RemoteBackend* target, const QString& localStage, LaunchRequest request,
                      Done done);
    void cancel();

    const CheckpointEntry& checkpoint() const { return m_entry; }  // once listed

Q_SIGNALS:
    void stepChanged(const QString& what);  // "downloading ckpt-… from gpu-box", ...
    void progress(const tb::TransferProgress& progress);

private:
    void transfer(SshSessionThread* session, const TransferRequest& request,
                  std::function<void(const TransferResult&)> finished);
    void finishDownload(const QString& folder, const TransferResult& result, Done done);
    void upload(RemoteBackend* target, const QString& folder, LaunchRequest request, Done done);

    QPointer<RemoteBackend> m_source;
    QString m_runId;
    QString m_which;
    RemoteCheckpoints m_parent;
    CheckpointEntry m_entry;
    SshSessionThread* m_transferring = nullptr;
};

}  // namespace tb
