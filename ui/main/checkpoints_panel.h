#pragma once
// The checkpoints dock: the current run's checkpoints with their metrics, verification state,
// and the actions resume, fork, reveal and delete. For a run on a host the list comes from the
// box, and a RemoteCheckpointsBar offers download and resume there, elsewhere or here.

#include <QWidget>

class QLabel;
class QTableView;

namespace tb {

class CheckpointCatalog;
class CheckpointTableModel;
class RemoteCheckpointsBar;
class RemoteRuns;

class CheckpointsPanel : public QWidget {
    Q_OBJECT

public:
    CheckpointsPanel(CheckpointCatalog* catalog, QWidget* parent = nullptr);

    void setRemoteRuns(RemoteRuns* remote);
    void showRun(const QString& runId, const QString& runDir);
    // Lists the run's checkpoints on `host` (one round trip) and shows them.
    void showRemoteRun(const QString& runId, const QString& host);
    // Reads the list again (from the box for a remote run), keeping the selection.
    void refresh();
    void selectCheckpoint(const QString& path);  // also verifies it
    QString currentCheckpoint() const;
    QTableView* view() const { return m_view; }
    RemoteCheckpointsBar* remoteBar() const { return m_remoteBar; }

Q_SIGNALS:
    void resumeRequested(const QString& runId, const QString& checkpointPath);
    void forkRequested(const QString& runId, const QString& checkpointPath);
    // On another host, or on this machine when `host` is empty (a run on a host only).
    void resumeOnRequested(const QString& runId, const QString& checkpointPath,
                           const QString& host);

private:
    void showContextMenu(const QPoint& position);
    void deleteCurrent();
    void listRemote();

    CheckpointCatalog* m_catalog;
    CheckpointTableModel* m_model;
    QTableView* m_view;
    QLabel* m_title;
    RemoteCheckpointsBar* m_remoteBar;
    RemoteRuns* m_remote = nullptr;
    QString m_runId;
    QString m_host;          // the shown run's host; empty for a local run
    bool m_listing = false;  // a remote listing is on its way
};

}  // namespace tb
