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

#include "core/config/config_file.h"
#include "core/runs/backend.h"
#include "core/runs/run_catalog.h"
#include "core/runs/run_targets.h"
#include "remote/runs/checkpoint_move.h"
#include "remote/runs/remote_backend.h"
#include "remote/runs/remote_runs.h"
#include "ui/hosts/prepare_host_dialog.h"
#include "ui/style/tone.h"

namespace tb {

RunController::RunController(RunTargets* targets, RunCatalog* catalog, QWidget* dialogParent)
    : QObject(dialogParent), m_targets(targets), m_catalog(catalog), m_dialogParent(dialogParent) {
}

void RunController::launch(const QString& configPath, const QString& configText) {
    launchOn(QString(), configPath, configText);
}

void RunController::launchOn(const QString& host, const QString& configPath,
                             const QString& configText) {
    LaunchRequest request;
    request.configPath = configPath;
    request.configText = configText;
    launchOn(host, request);
}

void RunController::launchOn(const QString& host, const LaunchRequest& request) {
    launchTo(host, request, false);
}

void RunController::launchTo(const QString& target, const LaunchRequest& request, bool prepared) {
    Backend* backend = m_targets->backend(target);
    if (!backend) return Q_EMIT failed(tr("Host %1 is not in the hosts list").arg(target));
    const bool here = RunTargets::isLocalTarget(target);
    if (!here) Q_EMIT statusMessage(tr("Starting a run on %1…").arg(target));
    QPointer<RunController> self(this);
    backend->launchAsync(
        request, [self, target, request, prepared, here](Result<QString> launched) {
            if (!self) return;
            if (!launched && launched.failure().code == Backend::kNeedsPrepare && !prepared)
                return self->prepareThenLaunch(target, request);
            if (!launched) return Q_EMIT self->failed(QString::fromStdString(launched.error()));
            self->m_catalog->refresh();
            Q_EMIT self->statusMessage(here ? tr("Started %1").arg(*launched)
                                            : tr("Started %1 on %2").arg(*launched, target));
            Q_EMIT self->launched(*launched);
        });
}

void RunController::prepareThenLaunch(const QString& host, const LaunchRequest& request) {
    prepareHostThen(host, [this, host, request] { launchTo(host, request, true); });
}

void RunController::prepareHostThen(const QString& host, std::function<void()> then) {
    if (!m_remote)
        return Q_EMIT failed(tr("%1 needs preparing first (Hosts dock, Prepare host…)").arg(host));
    const auto open = m_dialogParent ? m_dialogParent->findChildren<PrepareHostDialog*>()
                                     : QList<PrepareHostDialog*>();
    for (PrepareHostDialog* preparing : open) {
        if (preparing->hostName() != host || !preparing->isRunning()) continue;
        preparing->raise();
        return Q_EMIT failed(
            tr("%1 is being prepared; press Run again when it is ready").arg(host));
    }
    auto* dialog = new PrepareHostDialog(m_remote->hosts(), host, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOptions(m_prepareOptions);
    connect(dialog, &QDialog::finished, this, [this, dialog, host, then] {
        if (dialog->succeeded()) return then();
        const QString why = dialog->resultMessage().isEmpty() ? tr("preparing it was cancelled")
                                                              : dialog->resultMessage();
        Q_EMIT failed(tr("Nothing launched on %1: %2").arg(host, why));
    });
    Q_EMIT statusMessage(tr("Preparing %1 before its first run…").arg(host));
    dialog->show();
    dialog->start();
}

Backend* RunController::backendOf(const QString& runId) {
    const RunInfo* run = m_catalog->find(runId);
    Backend* backend = run ? m_targets->backendOf(*run) : nullptr;
    if (!backend) {
        Q_EMIT failed(run ? tr("Host %1 is not in the hosts list").arg(run->target)
                          : tr("No run %1; refresh the list and try again").arg(runId));
    }
    return backend;
}

void RunController::stop(const QString& runId) {
    Backend* backend = backendOf(runId);
    if (!backend) return;
    QPointer<RunController> self(this);
    backend->stopAsync(runId, [self, runId](Result<void> sent) {
        if (!self) return;
        if (!sent) return Q_EMIT self->failed(QString::fromStdString(sent.error()));
        self->stopRequested(runId);
    });
}

void RunController::stopRequested(const QString& runId) {
    Q_EMIT statusMessage(
        tr("Stopping %1: the trainer finishes its step and writes a checkpoint").arg(runId));
    QTimer::singleShot(m_stopGraceMs, this, [this, runId] { offerKillIfStillRunning(runId); });
}

void RunController::kill(const QString& runId) {
    Backend* backend = backendOf(runId);
    if (!backend) return;
    QPointer<RunController> self(this);
    backend->killAsync(runId, [self](Result<void> sent) {
        if (self && !sent) Q_EMIT self->failed(QString::fromStdString(sent.error()));
    });
}

void RunController::offerKillIfStillRunning(const QString& runId) {
    m_catalog->refresh();
    const RunInfo* run = m_catalog->find(runId);
    if (!run || isFinalState(run->state)) return;
    const auto answer = QMessageBox::question(m_dialogParent, tr("Run still running"),
                                              tr("%1 has not stopped %2 s after the stop request. "
                                                 "Kill it now? The last checkpoint is kept; "
                                                 "work since then is lost.")
                                                  .arg(runId)
                                                  .arg(m_stopGraceMs / 1000));
    if (answer == QMessageBox::Yes) kill(runId);
}

// A run resumes on its own target, from the config it ran with and the chosen checkpoint (a
// path as the checkpoint list shows it; a host takes the file of that name in the run's
// folder there).
void RunController::resume(const QString& runId, const QString& checkpoint) {
    const RunInfo* run = m_catalog->find(runId);
    if (!run) return;
    LaunchRequest request;
    request.parentRun = runId;
    request.parentCheckpoint = checkpoint;
    launchOn(run->target, request);
}

// The parent's config.yaml comes from its target (a host sends it with its checkpoint list),
// the user edits it, and the fork runs on the same target.
void RunController::fork(const QString& runId, const QString& checkpoint) {
    forkAdjusted(runId, checkpoint, nullptr);
}

void RunController::forkAdjusted(const QString& runId, const QString& checkpoint,
                                 std::function<Result<QString>(const QString& config)> adjust) {
    const RunInfo* run = m_catalog->find(runId);
    Backend* backend = backendOf(runId);
    if (!run || !backend) return;
    QPointer<RunController> self(this);
    const QString target = run->target;
    // Relative data paths in the config keep the parent's folder as their base.
    const QString configPath = run->dir + QLatin1String("/config.yaml");
    backend->configAsync(
        runId, [self, runId, target, configPath, checkpoint, adjust](Result<QByteArray> yaml) {
            if (!self) return;
            if (!yaml) return Q_EMIT self->failed(QString::fromStdString(yaml.error()));
            QString text = QString::fromUtf8(*yaml);
            if (adjust) {
                auto adjusted = adjust(text);
                if (!adjusted) return Q_EMIT self->failed(QString::fromStdString(adjusted.error()));
                text = *adjusted;
            }
            if (!(self->m_forkEditor ? self->m_forkEditor(text) : self->editForkConfig(text)))
                return;
            LaunchRequest request;
            request.configPath = configPath;
            request.configText = text;
            request.parentRun = runId;
            request.parentCheckpoint = checkpoint;
            self->launchOn(target, request);
        });
}

void RunController::resumeOn(const QString& runId, const QString& checkpoint, const QString& host) {
    const RunInfo* run = m_catalog->find(runId);
    if (!run || !m_remote) return;
    if (host == run->target) return resume(runId, checkpoint);
    // Only a host's checkpoint moves: its run's source is that host's backend.
    RemoteBackend* source = m_remote->backend(run->target);
    RemoteBackend* target = host.isEmpty() ? nullptr : m_remote->backend(host);
    if (!source) return;
    if (!host.isEmpty() && !target)
        return Q_EMIT failed(tr("Host %1 is not in the hosts list").arg(host));
    auto* move = new CheckpointMove(source, runId, QFileInfo(checkpoint).fileName(), this);
    connect(move, &CheckpointMove::stepChanged, this, &RunController::statusMessage);
    connect(move, &CheckpointMove::progress, this, [this](const TransferProgress& p) {
        if (p.bytesTotal > 0)
            Q_EMIT statusMessage(tr("%1: %2 %").arg(p.phase).arg(100 * p.bytesDone / p.bytesTotal));
    });
    const auto done = [this, move, host](Result<QString> started) {
        move->deleteLater();
        if (!started) return Q_EMIT failed(QString::fromStdString(started.error()));
        if (host.isEmpty())
            m_catalog->refresh();
        else
            m_remote->scanNow(host);
        Q_EMIT statusMessage(
            tr("Started %1 on %2").arg(*started, host.isEmpty() ? tr("this machine") : host));
        Q_EMIT launched(*started);
    };
    const QString stage = m_catalog->runsRoot() + QStringLiteral("/.imported");
    if (host.isEmpty()) return move->resumeLocally(*m_targets->local(), stage, {}, done);
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
    theme::setTextTone(problems, theme::Tone::Error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Fork"));
    auto validate = [&] {
        const LoadedConfig loaded =
            parseConfigText(editor->toPlainText().toStdString(), "fork.yaml", ".");
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
    layout->addWidget(new QLabel(
        tr("Edit the config (e.g. a lower optim.lr); the model must stay the same."), &dialog));
    layout->addWidget(editor);
    layout->addWidget(problems);
    layout->addWidget(buttons);
    validate();
    if (dialog.exec() != QDialog::Accepted) return false;
    text = editor->toPlainText();
    return true;
}

}  // namespace tb
