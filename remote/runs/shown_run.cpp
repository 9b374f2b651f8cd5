// ShownRun: picks where the shown run's log and checkpoints come from, and lists them.
#include "shown_run.h"

#include <QPointer>

#include "core/checkpoints/checkpoint_catalog.h"
#include "core/runs/run_catalog.h"
#include "remote/runs/remote_backend.h"
#include "remote/runs/remote_runs.h"

namespace tb {

ShownRun::ShownRun(RunCatalog* runs, CheckpointCatalog* checkpoints, RemoteRuns* remote,
                   QObject* parent)
    : QObject(parent), m_runs(runs), m_checkpoints(checkpoints), m_remote(remote) {
    connect(m_remote, &RemoteRuns::logAppended, this,
            [this](const QString& runId, const QByteArray& bytes) {
                if (runId == m_runId && !m_host.isEmpty()) Q_EMIT logBytes(bytes);
            });
}

bool ShownRun::show(const QString& runId) {
    if (runId == m_runId) return false;
    m_runId = runId;
    const RunInfo* run = m_runs->find(runId);
    m_host = run ? m_runs->hostOf(*run) : QString();
    if (!m_host.isEmpty()) {
        m_checkpoints->showRemote(m_host, QString(), {});
        Q_EMIT logStreamOpened(m_host + QLatin1Char(':') + run->dir + QLatin1String("/output.log"),
                               m_remote->recentLog(runId));
        listOnHost();
        return true;
    }
    m_checkpoints->setRunDir(run ? run->dir : QString());
    Q_EMIT listingChanged(run ? Listing::Listed : Listing::None, QString());
    if (run) Q_EMIT logFileOpened(run->dir + QLatin1String("/output.log"));
    return true;
}

void ShownRun::refreshCheckpoints() {
    if (!m_host.isEmpty()) return listOnHost();
    m_checkpoints->refresh();
}

void ShownRun::listOnHost() {
    RemoteBackend* backend = m_remote->backend(m_host);
    if (!backend) return Q_EMIT listingChanged(Listing::UnknownHost, QString());
    Q_EMIT listingChanged(Listing::Listing, QString());
    if (m_listing) return;  // the answer lists this run again when it was for another
    m_listing = true;
    QPointer<ShownRun> self(this);
    const QString runId = m_runId;
    const QString host = m_host;
    backend->checkpointsAsync(runId, false, [self, runId, host](Result<RemoteCheckpoints> list) {
        if (!self) return;
        self->m_listing = false;
        if (self->m_runId != runId || self->m_host != host) return self->refreshCheckpoints();
        if (!list)
            return Q_EMIT self->listingChanged(Listing::Failed,
                                               QString::fromStdString(list.error()));
        self->m_checkpoints->showRemote(host, list->runDir, list->entries);
        Q_EMIT self->listingChanged(Listing::Listed, QString());
    });
}

}  // namespace tb
