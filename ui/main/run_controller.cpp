// Run actions: launch, stop with a visible grace period before kill, resume, fork.
#include "run_controller.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "config/config_file.h"
#include "remote/checkpoint_move.h"
#include "remote/remote_backend.h"
#include "hosts/prepare_host_dialog.h"
#include "remote_runs.h"
#include "runs/backend.h"
#include "runs/run_catalog.h"

namespace tb {

RunController::RunController(Backend* backend, RunCatalog* catalog, QWidget* dialogParent)
    : QObject(dialogParent), m_backend(backend), m_catalog(catalog), m_dialogParent(dialogParent) {}

void RunController::launchRequest(const LaunchRequest& request) {
    auto launched = m_backend->launch(request);
    if (!launched) {
        Q_EMIT failed(QString::fromStdString(launched.error()));
        return;
    }
    m_catalog->refresh();
    Q_EMIT statusMessage(tr("Started %1").arg(*launched));
    Q_EMIT this->launched(*launched);
}

void RunController::launch(const QString& configPath, const QString& configText) {
    LaunchRequest request;
    request.configPath = configPath;
    request.configText = configText;
    launchRequest(request);
}

void RunController::launchOn(const QString& host, const QString& configPath, const QString& configText) {
    LaunchRequest request;
    request.configPath = configPath;
    request.configText = configText;
    launchOn(host, request);
}

void RunController::launchOn(const QString& host, const LaunchRequest& request) {
    if (host.isEmpty() || !m_remote) return launchRequest(request);
    launchRemote(host, request, false);
}

// `prepared`: the host was just prepared; asking for it again would loop.
void RunController::launchRemote(const QString& host, const LaunchRequest& request, bool prepared) {
    Q_EMIT statusMessage(tr("Starting a run on %1…").arg(host));
    m_remote->launch(host, request, [this, host, request, prepared](Result<QString> launched) {
        if (!launched && launched.failure().code == RemoteRuns::kNeedsPrepare && !prepared)
            return prepareThenLaunch(host, request);
        if (!launched) return Q_EMIT failed(QString::fromStdString(launched.error()));
        Q_EMIT statusMessage(tr("Started %1 on %2").arg(*launched, host));
        Q_EMIT this->launched(*launched);
    });
}

// "Prepare host" as a visible step before the first launch: the run starts once the dialog
// closes after a success; a failed or cancelled prepare launches nothing.
void RunController::prepareThenLaunch(const QString& host, const LaunchRequest& request) {
    const auto open = m_dialogParent ? m_dialogParent->findChildren<PrepareHostDialog*>()
                                     : QList<PrepareHostDialog*>();
    for (PrepareHostDialog* preparing : open) {
        if (preparing->hostName() != host || !preparing->isRunning()) continue;
        preparing->raise();
        return Q_EMIT failed(tr("%1 is being prepared; press Run again when it is ready").arg(host));
    }
    auto* dialog = new PrepareHostDialog(m_remote->hosts(), host, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOptions(m_prepareOptions);
    connect(dialog, &QDialog::finished, this, [this, dialog, host, request] {
        if (dialog->succeeded()) return launchRemote(host, request, true);
        const QString why = dialog->resultMessage().isEmpty() ? tr("preparing it was cancelled")
                                                              : dialog->resultMessage();
        Q_EMIT failed(tr("Nothing launched on %1: %2").arg(host, why));
    });
    Q_EMIT statusMessage(tr("Preparing %1 before its first run…").arg(host));
    dialog->show();
    dialog->start();
}

bool RunController::isRemote(const QString& runId) const {
    const RunInfo* run = m_catalog->find(runId);
    return m_remote && run && m_catalog->isRemote(*run);
}

void RunController::stop(const QString& runId) {
    if (!isRemote(runId)) {
        if (auto stopped = m_backend->stop(runId); !stopped) {
            Q_EMIT failed(QString::fromStdString(stopped.error()));
            return;
        }
        return stopRequested(runId);
    }
    m_remote->signalRun(runId, QStringLiteral("TERM"), [this, runId](Result<void> sent) {
        if (!sent) return Q_EMIT failed(QString::fromStdString(sent.error()));
        stopRequested(runId);
    });
}

void RunController::stopRequested(const QString& runId) {
    Q_EMIT statusMessage(tr("Stopping %1: the trainer finishes its step and writes a checkpoint").arg(runId));
    QTimer::singleShot(m_stopGraceMs, this, [this, runId] { offerKillIfStillRunning(runId); });
}

void RunController::kill(const QString& runId) {
    if (!isRemote(runId)) {
        if (auto killed = m_backend->kill(runId); !killed) Q_EMIT failed(QString::fromStdString(killed.error()));
        return;
    }
    m_remote->signalRun(runId, QStringLiteral("KILL"), [this](Result<void> sent) {
        if (!sent) Q_EMIT failed(QString::fromStdString(sent.error()));
    });
}

void RunController::offerKillIfStillRunning(const QString& runId) {
    m_catalog->refresh();
    const RunInfo* run = m_catalog->find(runId);
    if (!run || isFinalState(run->state)) return;
    const auto answer = QMessageBox::question(
        m_dialogParent, tr("Run still running"),
        tr("%1 has not stopped %2 s after the stop request. Kill it now? The last checkpoint is kept; "
           "work since then is lost.")
            .arg(runId)
            .arg(m_stopGraceMs / 1000));
    if (answer == QMessageBox::Yes) kill(runId);
}

void RunController::resume(const QString& runId, const QString& checkpoint) {
    const RunInfo* run = m_catalog->find(runId);
    if (!run) return;
    LaunchRequest request;
    if (isRemote(runId)) {
        request.parentRun = runId;
        request.parentCheckpoint = QFileInfo(checkpoint).fileName();
        return launchOn(run->target, request);
    }
    request.configPath = run->dir + "/config.yaml";
    request.parentRun = runId;
    request.parentCheckpoint = checkpoint;
    launchRequest(request);
}

void RunController::fork(const QString& runId, const QString& checkpoint) {
    const RunInfo* run = m_catalog->find(runId);
    if (!run) return;
    if (isRemote(runId)) return forkRemote(*run, checkpoint);
    QFile file(run->dir + "/config.yaml");
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT failed(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        return;
    }
    QString text = QString::fromUtf8(file.readAll());
    if (!(m_forkEditor ? m_forkEditor(text) : editForkConfig(text))) return;
    LaunchRequest request;
    request.configPath = file.fileName();
    request.configText = text;
    request.parentRun = runId;
    request.parentCheckpoint = checkpoint;
    launchRequest(request);
}

// The parent's config.yaml comes from the box (with its checkpoint list); the fork runs there.
void RunController::forkRemote(const RunInfo& run, const QString& checkpoint) {
    RemoteBackend* backend = m_remote->backend(run.target);
    if (!backend) return Q_EMIT failed(tr("Host %1 is not in the hosts list").arg(run.target));
    QPointer<RunController> self(this);
    const QString runId = run.id;
    const QString host = run.target;
    backend->checkpointsAsync(runId, true, [self, runId, host, checkpoint](Result<RemoteCheckpoints> parent) {
        if (!self) return;
        if (!parent) return Q_EMIT self->failed(QString::fromStdString(parent.error()));
        if (parent->configYaml.isEmpty())
            return Q_EMIT self->failed(tr("%1 on %2 has no config.yaml to edit; resume it instead")
                                           .arg(parent->runDir, host));
        QString text = QString::fromUtf8(parent->configYaml);
        if (!(self->m_forkEditor ? self->m_forkEditor(text) : self->editForkConfig(text))) return;
        LaunchRequest request;
        request.configText = text;
        request.parentRun = runId;
        request.parentCheckpoint = QFileInfo(checkpoint).fileName();
        self->launchOn(host, request);
    });
}

void RunController::resumeOn(const QString& runId, const QString& checkpoint, const QString& host) {
    const RunInfo* run = m_catalog->find(runId);
    if (!run || !isRemote(runId)) return;
    if (host == run->target) return resume(runId, checkpoint);
    RemoteBackend* source = m_remote->backend(run->target);
    RemoteBackend* target = host.isEmpty() ? nullptr : m_remote->backend(host);
    if (!source || (!host.isEmpty() && !target))
        return Q_EMIT failed(tr("Host %1 is not in the hosts list").arg(source ? host : run->target));
    auto* move = new CheckpointMove(source, runId, QFileInfo(checkpoint).fileName(), this);
    connect(move, &CheckpointMove::stepChanged, this, &RunController::statusMessage);
    connect(move, &CheckpointMove::progress, this, [this](const TransferProgress& p) {
        if (p.bytesTotal > 0)
            Q_EMIT statusMessage(tr("%1: %2 %").arg(p.phase).arg(100 * p.bytesDone / p.bytesTotal));
    });
    const auto done = [this, move, host](Result<QString> started) {
        move->deleteLater();
        if (!started) return Q_EMIT failed(QString::fromStdString(started.error()));
        if (host.isEmpty()) m_catalog->refresh();
        else m_remote->scanNow(host);
        Q_EMIT statusMessage(tr("Started %1 on %2").arg(*started, host.isEmpty() ? tr("this machine") : host));
        Q_EMIT launched(*started);
    };
    const QString stage = m_catalog->runsRoot() + QStringLiteral("/.imported");
    if (host.isEmpty()) return move->resumeLocally(*m_backend, stage, {}, done);
    move->resumeOnHost(target, stage, {}, done);
}

// A small editor with live validation; the full editor stays on the user's own file.
bool RunController::editForkConfig(QString& text) {
    QDialog dialog(m_dialogParent);
    dialog.setWindowTitle(tr("Fork with an edited config"));
    dialog.resize(640, 560);
    auto* editor = new QPlainTextEdit(text, &dialog);
    editor->setFont(QFont("monospace"));
    auto* problems = new QLabel(&dialog);
    problems->setWordWrap(true);
    problems->setStyleSheet("color: #c62828");
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Fork"));
    auto validate = [&] {
        const LoadedConfig loaded = parseConfigText(editor->toPlainText().toStdString(), "fork.yaml", ".");
        QStringList lines;
        for (const auto& d : loaded.diagnostics) {
            // Data paths are checked against the real base directory at launch.
            if (d.key != "data.path") lines.append(QString::fromStdString(d.format()));
        }
        problems->setText(lines.join('\n'));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(lines.isEmpty());
    };
    connect(editor, &QPlainTextEdit::textChanged, &dialog, validate);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Edit the config (e.g. a lower optim.lr); the model must stay the same."), &dialog));
    layout->addWidget(editor);
    layout->addWidget(problems);
    layout->addWidget(buttons);
    validate();
    if (dialog.exec() != QDialog::Accepted) return false;
    text = editor->toPlainText();
    return true;
}

}  // namespace tb
