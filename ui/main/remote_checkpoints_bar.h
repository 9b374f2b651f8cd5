#pragma once
// The checkpoints dock's row for a run on a host: Resume on HOST, Resume on…, Fork…, Download…
// and, while a download runs, its progress with Cancel. Downloads go through CheckpointMove
// (pipelined SFTP into NAME.part, resumable, sha256-checked).

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace tb {

class CheckpointMove;
class RemoteRuns;

class RemoteCheckpointsBar : public QWidget {
    Q_OBJECT

public:
    explicit RemoteCheckpointsBar(QWidget* parent = nullptr);

    void setRemoteRuns(RemoteRuns* remote) { m_remote = remote; }
    // Hidden for a local run (empty host).
    void setRun(const QString& runId, const QString& host);
    void setCheckpoint(const QString& path);  // the selected one, a path on the box

    QPushButton* downloadButton() const { return m_download; }
    QPushButton* resumeButton() const { return m_resume; }
    QPushButton* resumeOnButton() const { return m_resumeOn; }
    QPushButton* forkButton() const { return m_fork; }

    // Tests answer the folder and target questions without a modal loop. The target chooser
    // gets the choices ("This machine" first, then the other hosts) and returns one, or empty.
    void setFolderChooser(std::function<QString()> chooser) { m_folderChooser = std::move(chooser); }
    void setTargetChooser(std::function<QString(const QStringList&)> chooser) {
        m_targetChooser = std::move(chooser);
    }
    static QString thisMachine();

Q_SIGNALS:
    void resumeRequested(const QString& runId, const QString& checkpointPath);
    void forkRequested(const QString& runId, const QString& checkpointPath);
    // On another host, or on this machine when `host` is empty.
    void resumeOnRequested(const QString& runId, const QString& checkpointPath,
                           const QString& host);
    void downloaded(const QString& localPath);
    void downloadFailed(const QString& message);

private:
    void download();
    void resumeOn();
    void finishDownload(const QString& message);
    void updateButtons();

    RemoteRuns* m_remote = nullptr;
    QString m_runId;
    QString m_host;
    QString m_checkpoint;
    QPushButton* m_resume;
    QPushButton* m_resumeOn;
    QPushButton* m_fork;
    QPushButton* m_download;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QPointer<CheckpointMove> m_move;
    std::function<QString()> m_folderChooser;
    std::function<QString(const QStringList&)> m_targetChooser;
};

}  // namespace tb
