// Checkpoints dock: browse, verify, resume, fork, reveal, delete.
#include "checkpoints_panel.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include "checkpoint_table_model.h"
#include "checkpoints/checkpoint_catalog.h"

namespace tb {

CheckpointsPanel::CheckpointsPanel(CheckpointCatalog* catalog, QWidget* parent)
    : QWidget(parent), m_catalog(catalog), m_model(new CheckpointTableModel(catalog, this)),
      m_view(new QTableView(this)), m_title(new QLabel(tr("Select a run to see its checkpoints."), this)) {
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &CheckpointsPanel::showContextMenu);
    // Verify what the user looks at: --inspect runs in a child process, never in the app.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) m_catalog->inspect(current.row());
            });
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        if (!currentCheckpoint().isEmpty()) Q_EMIT resumeRequested(m_runId, currentCheckpoint());
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_title);
    layout->addWidget(m_view);
}

void CheckpointsPanel::showRun(const QString& runId, const QString& runDir) {
    m_runId = runId;
    m_title->setText(runId.isEmpty() ? tr("Select a run to see its checkpoints.") : tr("Checkpoints of %1").arg(runId));
    m_catalog->setRunDir(runDir);
}

void CheckpointsPanel::selectCheckpoint(const QString& path) {
    const int row = m_catalog->indexOfPath(path);
    if (row < 0) return;
    m_view->selectRow(row);
    m_view->scrollTo(m_model->index(row, 0));
}

QString CheckpointsPanel::currentCheckpoint() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->index(current.row(), 0).data(CheckpointTableModel::PathRole).toString()
                             : QString();
}

void CheckpointsPanel::showContextMenu(const QPoint& position) {
    const QString path = currentCheckpoint();
    if (path.isEmpty()) return;
    QMenu menu(this);
    menu.addAction(tr("Resume from here"), this, [this, path] { Q_EMIT resumeRequested(m_runId, path); });
    menu.addAction(tr("Fork with edited config…"), this, [this, path] { Q_EMIT forkRequested(m_runId, path); });
    menu.addSeparator();
    menu.addAction(tr("Reveal in file manager"), this, [path] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
    });
    menu.addAction(tr("Delete…"), this, &CheckpointsPanel::deleteCurrent);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void CheckpointsPanel::deleteCurrent() {
    const int row = m_view->currentIndex().row();
    if (row < 0) return;
    const QString name = m_catalog->entries()[row].name;
    if (QMessageBox::question(this, tr("Delete checkpoint"), tr("Delete %1? This cannot be undone.").arg(name)) !=
        QMessageBox::Yes) {
        return;
    }
    if (auto removed = m_catalog->remove(row); !removed) {
        QMessageBox::warning(this, tr("Cannot delete"), QString::fromStdString(removed.error()));
    }
}

}  // namespace tb
