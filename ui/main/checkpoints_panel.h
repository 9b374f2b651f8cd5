#pragma once
// The checkpoints dock: the shown run's checkpoints with their metrics, verification state,
// and the actions resume, fork, reveal and delete. ShownRun lists them where the run is; for
// files on a box a RemoteCheckpointsBar offers download and resume there, elsewhere or here.

#include <QWidget>

class QLabel;
class QTableView;

namespace tb {

class CheckpointCatalog;
class CheckpointTableModel;
class RemoteCheckpointsBar;
class ShownRun;

class CheckpointsPanel : public QWidget {
    Q_OBJECT

public:
    CheckpointsPanel(CheckpointCatalog* catalog, ShownRun* shown, QWidget* parent = nullptr);

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
    void onListingChanged(int listing, const QString& detail);

    CheckpointCatalog* m_catalog;
    CheckpointTableModel* m_model;
    QTableView* m_view;
    QLabel* m_title;
    RemoteCheckpointsBar* m_remoteBar;
    ShownRun* m_shown;
    QString m_selected;  // the last checkpoint selected, chosen again when a listing returns
};

}  // namespace tb
