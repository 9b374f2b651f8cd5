// Checkpoints dock: browse, verify, resume, fork, reveal, delete; remote runs listed from the box.
#include "checkpoints_panel.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include "checkpoint_table_model.h"
#include "core/checkpoints/checkpoint_catalog.h"
#include "remote/runs/remote_backend.h"
#include "remote/runs/remote_runs.h"
#include "remote_checkpoints_bar.h"

namespace tb {

CheckpointsPanel::CheckpointsPanel(CheckpointCatalog* catalog, QWidget* parent)
    : QWidget(parent),
      m_catalog(catalog),
      m_model(new CheckpointTableModel(catalog, this)),
      m_view(new QTableView(this)),
      m_title(new QLabel(tr("Select a run to see its checkpoints."), this)),
      m_remoteBar(new RemoteCheckpointsBar(this)) {
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
                m_remoteBar->setCheckpoint(currentCheckpoint());
            });
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { m_remoteBar->setCheckpoint(currentCheckpoint()); });
    connect(m_remoteBar, &RemoteCheckpointsBar::resumeRequested, this,
            &CheckpointsPanel::resumeRequested);
    connect(m_remoteBar, &RemoteCheckpointsBar::forkRequested, this,
            &CheckpointsPanel::forkRequested);
    connect(m_remoteBar, &RemoteCheckpointsBar::resumeOnRequested, this,
            &CheckpointsPanel::resumeOnRequested);
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        if (!currentCheckpoint().isEmpty()) Q_EMIT resumeRequested(m_runId, currentCheckpoint());
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_title);
    layout->addWidget(m_view);
    layout->addWidget(m_remoteBar);
}

void CheckpointsPanel::setRemoteRuns(RemoteRuns* remote) {
    m_remote = remote;
    m_remoteBar->setRemoteRuns(remote);
}

void CheckpointsPanel::showRun(const QString& runId, const QString& runDir) {
    m_runId = runId;
    m_title->setText(runId.isEmpty() ? tr("Select a run to see its checkpoints.")
                                     : tr("Checkpoints of %1").arg(runId));
    m_host.clear();
    m_remoteBar->setRun(runId, QString());
    m_catalog->setRunDir(runDir);
}

void CheckpointsPanel::showRemoteRun(const QString& runId, const QString& host) {
    m_runId = runId;
    m_host = host;
    m_remoteBar->setRun(runId, host);
    m_catalog->showRemote(host, QString(), {});
    m_title->setText(tr("Listing the checkpoints of %1 on %2…").arg(runId, host));
    listRemote();
}

void CheckpointsPanel::refresh() {
    if (m_catalog->isRemote()) return listRemote();
    m_catalog->refresh();
}

void CheckpointsPanel::listRemote() {
    RemoteBackend* backend = m_remote ? m_remote->backend(m_host) : nullptr;
    if (!backend) return m_title->setText(tr("Host %1 is not in the hosts list.").arg(m_host));
    if (m_listing) return;
    m_listing = true;
    QPointer<CheckpointsPanel> self(this);
    const QString runId = m_runId;
    const QString host = m_host;
    backend->checkpointsAsync(runId, false, [self, runId, host](Result<RemoteCheckpoints> list) {
        if (!self) return;
        self->m_listing = false;
        if (self->m_runId != runId || self->m_host != host) return self->refresh();  // another run
        if (!list) return self->m_title->setText(QString::fromStdString(list.error()));
        self->m_title->setText(tr("Checkpoints of %1 on %2").arg(runId, host));
        const QString selected = self->currentCheckpoint();
        self->m_catalog->showRemote(host, list->runDir, list->entries);
        self->selectCheckpoint(selected);
    });
}

void CheckpointsPanel::selectCheckpoint(const QString& path) {
    const int row = m_catalog->indexOfPath(path);
    if (row < 0) return;
    m_view->selectRow(row);
    m_view->scrollTo(m_model->index(row, 0));
}

QString CheckpointsPanel::currentCheckpoint() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid()
               ? m_model->index(current.row(), 0).data(CheckpointTableModel::PathRole).toString()
               : QString();
}

void CheckpointsPanel::showContextMenu(const QPoint& position) {
    const QString path = currentCheckpoint();
    if (path.isEmpty()) return;
    QMenu menu(this);
    menu.addAction(tr("Resume from here"), this,
                   [this, path] { Q_EMIT resumeRequested(m_runId, path); });
    menu.addAction(tr("Fork with edited config…"), this,
                   [this, path] { Q_EMIT forkRequested(m_runId, path); });
    if (m_catalog
            ->isRemote()) {  // the files are on the box: the bar's actions, not the file manager
        menu.addAction(m_remoteBar->resumeOnButton()->text(), m_remoteBar->resumeOnButton(),
                       &QPushButton::click);
        menu.addAction(m_remoteBar->downloadButton()->text(), m_remoteBar->downloadButton(),
                       &QPushButton::click);
        menu.exec(m_view->viewport()->mapToGlobal(position));
        return;
    }
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
    if (QMessageBox::question(this, tr("Delete checkpoint"),
                              tr("Delete %1? This cannot be undone.").arg(name)) !=
        QMessageBox::Yes) {
        return;
    }
    if (auto removed = m_catalog->remove(row); !removed) {
        QMessageBox::warning(this, tr("Cannot delete"), QString::fromStdString(removed.error()));
    }
}

}  // namespace tb
