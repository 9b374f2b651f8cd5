// Runs dock: a filtered, sortable table of runs and the actions on them.
#include "runs_panel.h"

#include <QAction>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "core/runs/run_catalog.h"
#include "runs_table_model.h"

namespace tb {
namespace {

// Matches the filter text against name, id, state, target, tags and note.
class RunsFilterModel : public QSortFilterProxyModel {
public:
    RunsFilterModel(RunCatalog* catalog, QObject* parent)
        : QSortFilterProxyModel(parent), m_catalog(catalog) {}

    void setFilterText(const QString& text) {
        m_text = text;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex&) const override {
        const QString& text = m_text;
        if (text.isEmpty() || row >= m_catalog->runs().size()) return true;
        // A host about to shut down stays in view whatever the filter says.
        if (sourceModel()->index(row, 0).data(RunsTableModel::ShutdownPendingRole).toBool())
            return true;
        const RunInfo& run = m_catalog->runs()[row];
        const QStringList fields = {run.name,
                                    run.id,
                                    QString::fromLatin1(runStateName(run.state).data()),
                                    run.target,
                                    run.tags.join(' '),
                                    run.note};
        for (const QString& word : text.split(' ', Qt::SkipEmptyParts)) {
            bool found = false;
            for (const QString& field : fields)
                found = found || field.contains(word, Qt::CaseInsensitive);
            if (!found) return false;
        }
        return true;
    }

private:
    RunCatalog* m_catalog;
    QString m_text;
};

}  // namespace

RunsPanel::RunsPanel(RunCatalog* catalog, QWidget* parent)
    : QWidget(parent),
      m_catalog(catalog),
      m_model(new RunsTableModel(catalog, this)),
      m_proxy(new RunsFilterModel(catalog, this)),
      m_filter(new QLineEdit(this)),
      m_view(new QTableView(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunsTableModel::SortRole);
    m_filter->setPlaceholderText(tr("Filter runs (name, state, tag…)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        static_cast<RunsFilterModel*>(m_proxy)->setFilterText(text);
    });
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RunsTableModel::Started, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Room for a short name with its start time and a same-second number.
    m_view->setColumnWidth(RunsTableModel::Name,
                           qMax(170, m_view->fontMetrics().horizontalAdvance(
                                         QStringLiteral("demo · 12-06 14:23:34 #2")) +
                                         24));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAlternatingRowColors(true);
    // A long name keeps the time at its end visible: that is what tells two runs apart.
    m_view->setTextElideMode(Qt::ElideMiddle);
    connect(m_view, &QWidget::customContextMenuRequested, this, &RunsPanel::showContextMenu);
    // A run appearing (here or in a host's scan) resets the list: the selection stays put.
    // The ids are kept as the selection changes, since by the time a reset is announced the
    // catalog already holds the new rows.
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_keptSelection = selectedRunIds();
        Q_EMIT selectionChanged(m_keptSelection);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { m_keptCurrent = currentRunId(); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RunsPanel::restoreSelection);

    auto* deleteAction = new QAction(tr("Delete run…"), this);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(deleteAction, &QAction::triggered, this, &RunsPanel::deleteSelected);
    m_view->addAction(deleteAction);
    auto* renameAction = new QAction(tr("Rename…"), this);
    renameAction->setShortcut(Qt::Key_F2);
    renameAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(renameAction, &QAction::triggered, this, &RunsPanel::renameCurrent);
    m_view->addAction(renameAction);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
}

QStringList RunsPanel::selectedRunIds() const {
    QStringList ids;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows()) {
        ids.append(index.data(RunsTableModel::RunIdRole).toString());
    }
    return ids;
}

QString RunsPanel::currentRunId() const {
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid()) return current.data(RunsTableModel::RunIdRole).toString();
    const QStringList ids = selectedRunIds();
    return ids.isEmpty() ? QString() : ids.first();
}

void RunsPanel::selectRun(const QString& runId) {
    const int row = m_model->rowOf(runId);
    if (row < 0) return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_view->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void RunsPanel::restoreSelection() {
    QItemSelectionModel* selection = m_view->selectionModel();
    {
        const QSignalBlocker block(selection);
        for (const QString& id : std::as_const(m_keptSelection)) {
            const int row = m_model->rowOf(id);
            if (row < 0) continue;
            const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
            selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
            if (id == m_keptCurrent)
                selection->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        }
    }
    m_view->viewport()->update();
    const QStringList now = selectedRunIds();
    const bool same = QSet<QString>(now.begin(), now.end()) ==
                      QSet<QString>(m_keptSelection.begin(), m_keptSelection.end());
    m_keptSelection = now;
    m_keptCurrent = currentRunId();
    if (!same) Q_EMIT selectionChanged(now);
}

void RunsPanel::showContextMenu(const QPoint& position) {
    const QString id = currentRunId();
    if (id.isEmpty()) return;
    QMenu menu(this);
    const RunInfo* run = m_catalog->find(id);
    QAction* stop = menu.addAction(tr("Stop"), this, [this, id] { Q_EMIT stopRequested(id); });
    stop->setEnabled(run && !isFinalState(run->state));
    menu.addSeparator();
    menu.addAction(tr("Rename…"), this, &RunsPanel::renameCurrent);
    menu.addAction(tr("Tags…"), this, &RunsPanel::tagCurrent);
    menu.addAction(tr("Note…"), this, &RunsPanel::noteCurrent);
    menu.addSeparator();
    menu.addAction(tr("Delete…"), this, &RunsPanel::deleteSelected);
    Q_EMIT contextMenuAboutToShow(&menu, id);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void RunsPanel::annotateCurrent(const QString& name, const QStringList& tags, const QString& note) {
    const QString id = currentRunId();
    if (auto done = m_catalog->annotate(id, name, tags, note); !done) {
        QMessageBox::warning(this, tr("Cannot save"), QString::fromStdString(done.error()));
    }
}

void RunsPanel::renameCurrent() {
    const RunInfo* run = m_catalog->find(currentRunId());
    if (!run) return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename run"), tr("Name:"),
                                               QLineEdit::Normal, run->name, &ok);
    if (ok) annotateCurrent(name.trimmed(), run->tags, run->note);
}

void RunsPanel::tagCurrent() {
    const RunInfo* run = m_catalog->find(currentRunId());
    if (!run) return;
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Tags"), tr("Tags, separated by commas:"),
                                               QLineEdit::Normal, run->tags.join(", "), &ok);
    if (!ok) return;
    QStringList tags;
    for (const QString& tag : text.split(',', Qt::SkipEmptyParts)) tags.append(tag.trimmed());
    annotateCurrent(run->name, tags, run->note);
}

void RunsPanel::noteCurrent() {
    const RunInfo* run = m_catalog->find(currentRunId());
    if (!run) return;
    bool ok = false;
    const QString note =
        QInputDialog::getMultiLineText(this, tr("Note"), tr("Note:"), run->note, &ok);
    if (ok) annotateCurrent(run->name, run->tags, note);
}

void RunsPanel::deleteSelected() {
    const QStringList ids = selectedRunIds();
    if (ids.isEmpty()) return;
    const auto answer = QMessageBox::question(
        this, tr("Delete runs"),
        tr("Delete %n run(s) with their checkpoints and logs? This cannot be undone.", nullptr,
           ids.size()));
    if (answer != QMessageBox::Yes) return;
    QStringList problems;
    for (const QString& id : ids) {
        if (auto removed = m_catalog->remove(id); !removed)
            problems.append(QString::fromStdString(removed.error()));
    }
    if (!problems.isEmpty())
        QMessageBox::warning(this, tr("Some runs were kept"), problems.join('\n'));
}

}  // namespace tb
