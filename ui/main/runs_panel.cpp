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
#include <QTreeView>
#include <QVBoxLayout>

#include "core/runs/run_catalog.h"
#include "runs_filter_model.h"
#include "runs_table_model.h"

namespace tb {

RunsPanel::RunsPanel(RunCatalog* catalog, QWidget* parent)
    : QWidget(parent),
      m_catalog(catalog),
      m_model(new RunsTableModel(catalog, this)),
      m_proxy(new RunsFilterModel(catalog, this)),
      m_filter(new QLineEdit(this)),
      m_view(new QTreeView(this)) {
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
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setIndentation(m_view->fontMetrics().horizontalAdvance(QLatin1Char('M')) + 4);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    // Room for a short name with its start time and a same-second number, beside the branch
    // marks a sweep's group takes.
    m_view->setColumnWidth(RunsTableModel::Name,
                           qMax(170, m_view->fontMetrics().horizontalAdvance(
                                         QStringLiteral("demo · 12-06 14:23:34 #2")) +
                                         24 + m_view->indentation()));
    // Room for a sweep group's "10/12 done, 2 running" beside its icon.
    m_view->setColumnWidth(
        RunsTableModel::State,
        m_view->fontMetrics().horizontalAdvance(RunsTableModel::tr("%1/%2 done").arg(10).arg(12) +
                                                RunsTableModel::tr(", %1 running").arg(2)) +
            30);
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
        m_keptSweeps = selectedSweepIds();
        Q_EMIT selectionChanged(m_keptSelection);
        noteCurrentSweep();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        keepCurrent();
        noteCurrentSweep();
    });
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
        const QString id = index.data(RunsTableModel::RunIdRole).toString();
        const QStringList runs =
            id.isEmpty() ? m_model->sweepRuns(index.data(RunsTableModel::SweepIdRole).toString())
                         : QStringList{id};
        for (const QString& run : runs)
            if (!ids.contains(run)) ids.append(run);
    }
    return ids;
}

QStringList RunsPanel::selectedSweepIds() const {
    QStringList ids;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        if (index.data(RunsTableModel::RunIdRole).toString().isEmpty())
            ids.append(index.data(RunsTableModel::SweepIdRole).toString());
    return ids;
}

QString RunsPanel::currentRunId() const {
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid()) {
        const QString id = current.data(RunsTableModel::RunIdRole).toString();
        if (!id.isEmpty()) return id;
        const QString sweep = current.data(RunsTableModel::SweepIdRole).toString();
        const QStringList trials = m_model->sweepRuns(sweep);
        const QString best = m_model->sweepNote(sweep).bestRun;
        if (trials.contains(best)) return best;
        return trials.isEmpty() ? QString() : trials.first();
    }
    const QStringList ids = selectedRunIds();
    return ids.isEmpty() ? QString() : ids.first();
}

QString RunsPanel::currentSweepId() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(RunsTableModel::SweepIdRole).toString() : QString();
}

void RunsPanel::keepCurrent() {
    const QModelIndex current = m_view->currentIndex();
    m_keptCurrent = current.data(RunsTableModel::RunIdRole).toString();
    m_keptCurrentGroup =
        m_keptCurrent.isEmpty() ? current.data(RunsTableModel::SweepIdRole).toString() : QString();
}

void RunsPanel::noteCurrentSweep() {
    const QString sweep = currentSweepId();
    if (sweep == m_currentSweep) return;
    m_currentSweep = sweep;
    Q_EMIT currentSweepChanged(sweep);
}

void RunsPanel::selectIndex(const QModelIndex& sourceIndex) {
    if (!sourceIndex.isValid()) return;
    const QModelIndex index = m_proxy->mapFromSource(sourceIndex);
    if (index.parent().isValid()) m_view->expand(index.parent());
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void RunsPanel::selectRun(const QString& runId) {
    selectIndex(m_model->indexOf(runId));
}

void RunsPanel::selectSweep(const QString& sweepId) {
    selectIndex(m_model->sweepIndex(sweepId));
}

void RunsPanel::selectNewest() {
    if (m_catalog->runs().isEmpty()) return;
    const RunInfo& newest = m_catalog->runs().first();
    if (newest.sweepId.isEmpty())
        selectRun(newest.id);
    else
        selectSweep(newest.sweepId);
}

void RunsPanel::restoreSelection() {
    QItemSelectionModel* selection = m_view->selectionModel();
    {
        const QSignalBlocker block(selection);
        const auto select = [&](const QModelIndex& source, bool current) {
            if (!source.isValid()) return;
            const QModelIndex index = m_proxy->mapFromSource(source);
            selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
            if (current) selection->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        };
        for (const QString& sweep : std::as_const(m_keptSweeps))
            select(m_model->sweepIndex(sweep), sweep == m_keptCurrentGroup);
        for (const QString& id : std::as_const(m_keptSelection)) {
            const RunInfo* run = m_catalog->find(id);
            if (run && m_keptSweeps.contains(run->sweepId)) continue;  // its group stands for it
            select(m_model->indexOf(id), id == m_keptCurrent);
        }
    }
    m_view->viewport()->update();
    const QStringList now = selectedRunIds();
    const bool same = QSet<QString>(now.begin(), now.end()) ==
                      QSet<QString>(m_keptSelection.begin(), m_keptSelection.end());
    m_keptSelection = now;
    m_keptSweeps = selectedSweepIds();
    keepCurrent();
    if (!same) Q_EMIT selectionChanged(now);
    noteCurrentSweep();
}

void RunsPanel::showContextMenu(const QPoint& position) {
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && current.data(RunsTableModel::RunIdRole).toString().isEmpty()) {
        QMenu menu(this);
        Q_EMIT sweepContextMenuAboutToShow(&menu,
                                           current.data(RunsTableModel::SweepIdRole).toString());
        if (!menu.isEmpty()) menu.exec(m_view->viewport()->mapToGlobal(position));
        return;
    }
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
