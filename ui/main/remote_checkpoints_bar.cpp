// Remote checkpoint actions: buttons, the download with progress and cancel.
#include "remote_checkpoints_bar.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>

#include "remote/hosts/hosts_controller.h"
#include "remote/runs/checkpoint_move.h"
#include "remote/runs/remote_runs.h"

namespace tb {

RemoteCheckpointsBar::RemoteCheckpointsBar(QWidget* parent)
    : QWidget(parent),
      m_resume(new QPushButton(this)),
      m_resumeOn(new QPushButton(tr("Resume on…"), this)),
      m_fork(new QPushButton(tr("Fork…"), this)),
      m_download(new QPushButton(tr("Download…"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)) {
    m_resumeOn->setToolTip(
        tr("Resume on another host (the checkpoint is uploaded there first) "
           "or on this machine (downloaded first)"));
    m_download->setToolTip(
        tr("Download the checkpoint with its sidecar and the run's config; "
           "an interrupted download resumes, and the copy is checked by "
           "sha256"));
    m_progress->setRange(0, 1000);
    m_progress->hide();
    m_cancel->hide();
    m_status->setWordWrap(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* widget : {static_cast<QWidget*>(m_resume), static_cast<QWidget*>(m_resumeOn),
                            static_cast<QWidget*>(m_fork), static_cast<QWidget*>(m_download)})
        layout->addWidget(widget);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancel);
    layout->addWidget(m_status, 2);
    connect(m_resume, &QPushButton::clicked, this,
            [this] { Q_EMIT resumeRequested(m_runId, m_checkpoint); });
    connect(m_fork, &QPushButton::clicked, this,
            [this] { Q_EMIT forkRequested(m_runId, m_checkpoint); });
    connect(m_resumeOn, &QPushButton::clicked, this, &RemoteCheckpointsBar::resumeOn);
    connect(m_download, &QPushButton::clicked, this, &RemoteCheckpointsBar::download);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_move) m_move->cancel();
    });
    hide();
}

QString RemoteCheckpointsBar::thisMachine() {
    return tr("This machine");
}

void RemoteCheckpointsBar::setRun(const QString& runId, const QString& host) {
    m_runId = runId;
    m_host = host;
    m_checkpoint.clear();
    m_resume->setText(tr("Resume on %1").arg(host));
    setVisible(!host.isEmpty());
    updateButtons();
}

void RemoteCheckpointsBar::setCheckpoint(const QString& path) {
    m_checkpoint = path;
    updateButtons();
}

void RemoteCheckpointsBar::updateButtons() {
    const bool ready = !m_checkpoint.isEmpty() && m_remote;
    for (QPushButton* button : {m_resume, m_resumeOn, m_fork}) button->setEnabled(ready);
    m_download->setEnabled(ready && !m_move);
}

void RemoteCheckpointsBar::resumeOn() {
    if (m_checkpoint.isEmpty() || !m_remote) return;
    QStringList choices{thisMachine()};
    for (const QString& host : m_remote->hosts()->hostNames())
        if (host != m_host) choices.append(host);
    const QString chosen =
        m_targetChooser
            ? m_targetChooser(choices)
            : QInputDialog::getItem(this, tr("Resume on"),
                                    tr("Resume %1 on:").arg(QFileInfo(m_checkpoint).fileName()),
                                    choices, 0, false);
    if (chosen.isEmpty()) return;
    Q_EMIT resumeOnRequested(m_runId, m_checkpoint, chosen == thisMachine() ? QString() : chosen);
}

void RemoteCheckpointsBar::download() {
    if (m_checkpoint.isEmpty() || !m_remote || m_move) return;
    RemoteBackend* backend = m_remote->backend(m_host);
    if (!backend) return finishDownload(tr("Host %1 is not in the hosts list").arg(m_host));
    const QString folder =
        m_folderChooser ? m_folderChooser()
                        : QFileDialog::getExistingDirectory(
                              this, tr("Download the checkpoint into"),
                              QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
    if (folder.isEmpty()) return;
    m_move = new CheckpointMove(backend, m_runId, QFileInfo(m_checkpoint).fileName(), this);
    connect(m_move, &CheckpointMove::stepChanged, m_status, &QLabel::setText);
    connect(m_move, &CheckpointMove::progress, this, [this](const TransferProgress& p) {
        if (p.bytesTotal > 0) m_progress->setValue(int(1000 * p.bytesDone / p.bytesTotal));
    });
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    updateButtons();
    QPointer<RemoteCheckpointsBar> self(this);
    const QString file = QFileInfo(m_checkpoint).fileName();
    m_move->download(folder, [self, file](Result<QString> copy) {
        if (!self) return;
        if (!copy) return self->finishDownload(QString::fromStdString(copy.error()));
        const QString path = *copy + QStringLiteral("/checkpoints/") + file;
        self->finishDownload({});
        self->m_status->setText(tr("Downloaded to %1").arg(path));
        Q_EMIT self->downloaded(path);
    });
}

// `message`: empty on success, else why it failed (shown, and signalled).
void RemoteCheckpointsBar::finishDownload(const QString& message) {
    if (m_move) m_move->deleteLater();
    m_move = nullptr;
    m_progress->hide();
    m_cancel->hide();
    updateButtons();
    if (message.isEmpty()) return;
    m_status->setText(message);
    Q_EMIT downloadFailed(message);
}

}  // namespace tb
