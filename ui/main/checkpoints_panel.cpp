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
#include "remote/runs/shown_run.h"
#include "remote_checkpoints_bar.h"

namespace tb {

CheckpointsPanel::CheckpointsPanel(CheckpointCatalog* catalog, ShownRun* shown, QWidget* parent)
    : QWidget(parent),
      m_catalog(catalog),
      m_model(new CheckpointTableModel(catalog, this)),
      m_view(new QTableView(this)),
      m_title(new QLabel(tr("Select a run to see its checkpoints."), this)),
      m_remoteBar(new RemoteCheckpointsBar(this)),
      m_shown(shown) {
    m_remoteBar->setRemoteRuns(shown->remoteRuns());
    connect(shown, &ShownRun::listingChanged, this,
            [this](ShownRun::Listing listing, const QString& detail) {
                onListingChanged(int(listing), detail);
            });
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
                if (current.isValid()) m_selected = currentCheckpoint();
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
        if (!currentCheckpoint().isEmpty())
            Q_EMIT resumeRequested(m_shown->runId(), currentCheckpoint());
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_title);
    layout->addWidget(m_view);
    layout->addWidget(m_remoteBar);
}

void CheckpointsPanel::onListingChanged(int listing, const QString& detail) {
    const QString runId = m_shown->runId();
    const QString host = m_shown->host();
    m_remoteBar->setRun(runId, host);
    switch (ShownRun::Listing(listing)) {
        case ShownRun::Listing::None:
            return m_title->setText(tr("Select a run to see its checkpoints."));
        case ShownRun::Listing::Listing:
            return m_title->setText(tr("Listing the checkpoints of %1 on %2…").arg(runId, host));
        case ShownRun::Listing::Failed:
            return m_title->setText(detail);
        case ShownRun::Listing::UnknownHost:
            return m_title->setText(tr("Host %1 is not in the hosts list.").arg(host));
        case ShownRun::Listing::Listed:
            break;
    }
    m_title->setText(host.isEmpty() ? tr("Checkpoints of %1").arg(runId)
                                    : tr("Checkpoints of %1 on %2").arg(runId, host));
    selectCheckpoint(m_selected);
}

void CheckpointsPanel::selectCheckpoint(const QString& path) {
    m_selected = path;  // a listing still on its way selects it when it comes
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
                   [this, path] { Q_EMIT resumeRequested(m_shown->runId(), path); });
    menu.addAction(tr("Fork with edited config…"), this,
                   [this, path] { Q_EMIT forkRequested(m_shown->runId(), path); });
    if (!m_catalog->filesHere()) {  // on a box: the bar's actions, not the file manager
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
