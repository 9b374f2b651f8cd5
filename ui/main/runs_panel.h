#pragma once
// The runs dock: filter box, runs table (multi-select overlays runs on the charts) and the
// per-run actions: stop, rename, tag, note, delete.

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QMenu;
class QTableView;
class QSortFilterProxyModel;

namespace tb {

class RunCatalog;
class RunsTableModel;

class RunsPanel : public QWidget {
    Q_OBJECT

public:
    explicit RunsPanel(RunCatalog* catalog, QWidget* parent = nullptr);

    QStringList selectedRunIds() const;
    QString currentRunId() const;
    void selectRun(const QString& runId);
    QTableView* view() const { return m_view; }
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

private:
    void showContextMenu(const QPoint& position);
    void annotateCurrent(const QString& name, const QStringList& tags, const QString& note);
    void restoreSelection();  // after the list was reset (runs added or removed)

    RunCatalog* m_catalog;
    RunsTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTableView* m_view;
    QStringList m_keptSelection;  // across a reset
    QString m_keptCurrent;
};

}  // namespace tb
