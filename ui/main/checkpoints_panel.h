#pragma once
// The checkpoints dock: the current run's checkpoints with their metrics, verification state,
// and the actions resume, fork, reveal and delete.

#include <QWidget>

class QTableView;
class QLabel;

namespace tb {

class CheckpointCatalog;
class CheckpointTableModel;

class CheckpointsPanel : public QWidget {
    Q_OBJECT

public:
    CheckpointsPanel(CheckpointCatalog* catalog, QWidget* parent = nullptr);

    void showRun(const QString& runId, const QString& runDir);
    void selectCheckpoint(const QString& path);  // also verifies it
    QString currentCheckpoint() const;
    QTableView* view() const { return m_view; }

Q_SIGNALS:
    void resumeRequested(const QString& runId, const QString& checkpointPath);
    void forkRequested(const QString& runId, const QString& checkpointPath);

private:
    void showContextMenu(const QPoint& position);
    void deleteCurrent();

    CheckpointCatalog* m_catalog;
    CheckpointTableModel* m_model;
    QTableView* m_view;
    QLabel* m_title;
    QString m_runId;
};

}  // namespace tb
