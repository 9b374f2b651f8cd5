#pragma once
// The runs dock: filter box, runs table (multi-select overlays runs on the charts; a sweep's
// group row stands for all its trials) and the per-run actions: stop, rename, tag, note, delete.

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QMenu;
class QTreeView;
class QSortFilterProxyModel;

namespace tb {

class RunCatalog;
class RunsTableModel;

class RunsPanel : public QWidget {
    Q_OBJECT

public:
    explicit RunsPanel(RunCatalog* catalog, QWidget* parent = nullptr);

    // A selected sweep group gives its trials.
    QStringList selectedRunIds() const;
    // On a sweep's group: its best trial (once known), else its first.
    QString currentRunId() const;
    // The sweep of the current row: its group, or the sweep a trial belongs to; "" otherwise.
    QString currentSweepId() const;
    void selectRun(const QString& runId);
    void selectSweep(const QString& sweepId);
    // The newest run, or the group of its sweep (a lone trial may have nothing to show yet).
    void selectNewest();
    QTreeView* view() const { return m_view; }
    RunsTableModel* model() const { return m_model; }
    QLineEdit* filterEdit() const { return m_filter; }

    void renameCurrent();
    void tagCurrent();
    void noteCurrent();
    void deleteSelected();

Q_SIGNALS:
    void selectionChanged(const QStringList& runIds);
    void stopRequested(const QString& runId);
    // Before the run's context menu opens: others may add their actions to it.
    void contextMenuAboutToShow(QMenu* menu, const QString& runId);
    // The same for a sweep's group row, whose menu holds only what others add.
    void sweepContextMenuAboutToShow(QMenu* menu, const QString& sweepId);
    void currentSweepChanged(const QString& sweepId);

private:
    void showContextMenu(const QPoint& position);
    void annotateCurrent(const QString& name, const QStringList& tags, const QString& note);
    void restoreSelection();  // after the list was reset (runs added or removed)
    QStringList selectedSweepIds() const;
    void selectIndex(const QModelIndex& sourceIndex);
    void noteCurrentSweep();
    void keepCurrent();

    RunCatalog* m_catalog;
    RunsTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTreeView* m_view;
    QStringList m_keptSelection;  // across a reset
    QStringList m_keptSweeps;     // group rows among them
    QString m_keptCurrent;        // a run's id, or "" with the group's sweep id below
    QString m_keptCurrentGroup;
    QString m_currentSweep;
};

}  // namespace tb
