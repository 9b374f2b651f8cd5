// HostSweeps: each host's sweeps read one round trip at a time, settled ones only now and then.
#include "host_sweeps.h"

#include <QPointer>

#include "core/runs/fail_text.h"
#include "core/runs/run_catalog.h"
#include "core/services/sweep_watch.h"
#include "remote/hosts/hosts_controller.h"
#include "remote_backend.h"
#include "remote_runs.h"
#include "remote_sweep.h"

namespace tb {

namespace {

constexpr int kSettledEvery = 20;  // polls between reads of a sweep that can no longer change

}  // namespace

HostSweeps::HostSweeps(RemoteRuns* runs, RunCatalog* catalog, SweepWatch* watch,
                       QString schedulerFile, QObject* parent)
    : QObject(parent),
      m_runs(runs),
      m_catalog(catalog),
      m_watch(watch),
      m_scheduler(std::move(schedulerFile)) {
    connect(&m_timer, &QTimer::timeout, this, &HostSweeps::poll);
    connect(catalog, &RunCatalog::runsReset, this, &HostSweeps::readUnknown);
    // Runs listed from before the app closed wait for their host: read once it is connected.
    connect(runs->hosts(), &HostsController::hostUpdated, this, [this](const QString& host) {
        if (m_runs->hosts()->state(host) == ConnectionState::Connected) readUnknown();
    });
}

void HostSweeps::start(int pollMs) {
    m_timer.start(pollMs);
    refreshNow();
}

void HostSweeps::refreshNow() {
    m_polls = 0;  // a full round: settled sweeps too
    poll();
}

// Host -> the sweeps its listed runs belong to, and those started here not listed yet.
QHash<QString, QStringList> HostSweeps::sweepsByHost() {
    QHash<QString, QStringList> byHost;
    for (const RunInfo& run : m_catalog->runs()) {
        if (run.sweepId.isEmpty() || !m_catalog->isRemote(run)) continue;
        QStringList& ids = byHost[run.target];
        if (!ids.contains(run.sweepId)) ids << run.sweepId;
        m_fresh.remove(run.sweepId);
    }
    for (auto it = m_fresh.begin(); it != m_fresh.end();) {
        if (!m_runs->hosts()->host(it.value())) {
            it = m_fresh.erase(it);
            continue;
        }
        byHost[it.value()] << it.key();
        ++it;
    }
    return byHost;
}

void HostSweeps::poll() {
    const bool full = m_polls++ % kSettledEvery == 0;
    const QHash<QString, QStringList> byHost = sweepsByHost();
    for (const QString& host : std::as_const(m_hostsSeen))
        if (!byHost.contains(host)) m_watch->dropHostReports(host, {});
    m_hostsSeen.clear();
    for (auto it = byHost.cbegin(); it != byHost.cend(); ++it) {
        m_hostsSeen.insert(it.key());
        m_watch->dropHostReports(it.key(), it.value());
        // An offline host's sweeps keep their last report until it is back.
        if (m_runs->hosts()->state(it.key()) != ConnectionState::Connected) continue;
        for (const QString& id : it.value()) {
            const SweepReport* known = m_watch->report(id);
            if (!full && known && known->host == it.key() && sweepSettled(*known)) continue;
            read(it.key(), id);
        }
    }
}

// A host's runs just listed (the app reopened, the host reconnected): their sweeps now.
void HostSweeps::readUnknown() {
    const QHash<QString, QStringList> byHost = sweepsByHost();
    for (auto it = byHost.cbegin(); it != byHost.cend(); ++it) {
        if (m_runs->hosts()->state(it.key()) != ConnectionState::Connected) continue;
        for (const QString& id : it.value())
            if (!m_watch->report(id)) read(it.key(), id);
    }
}

void HostSweeps::read(const QString& host, const QString& id) {
    RemoteBackend* backend = m_runs->backend(host);
    if (!backend) return;
    // One read per sweep at a time; one asked for meanwhile (a start, a cancel) follows it.
    if (m_reading.contains(id)) return void(m_readAgain.insert(id));
    m_reading.insert(id);
    QPointer<HostSweeps> self(this);
    readRemoteSweep(*backend, id, [self, host, id](Result<SweepReport> report) {
        if (!self) return;
        self->m_reading.remove(id);
        // A failed read keeps the last report: the next poll tries again. (A scan can list
        // a sweep's trials before its start has written sweep.json: "no sweep" until then.)
        if (report) self->m_watch->putHostReport(*report);
        if (self->m_readAgain.remove(id)) self->read(host, id);
    });
}

void HostSweeps::startSweep(const QString& host, const SweepSetup& setup,
                            std::function<void(Result<StartedSweep>)> done) {
    const bool needsTrainer = setup.base.needsTrainer();
    QPointer<HostSweeps> self(this);
    const QString scheduler = m_scheduler;
    m_runs->whenReady(host, needsTrainer,
                      [self, host, setup, scheduler, done](Result<RemoteBackend*> ready) {
                          if (!ready) return done(ready.failure());
                          startRemoteSweep(**ready, setup, scheduler,
                                           [self, host, done](Result<StartedSweep> started) {
                                               if (started && self) {
                                                   self->m_fresh.insert(started->id, host);
                                                   self->m_runs->scanNow(host);
                                                   self->read(host, started->id);
                                               }
                                               done(std::move(started));
                                           });
                      });
}

void HostSweeps::addTrials(const QString& host, const QString& id, const QString& specPath,
                           std::function<void(Result<QStringList>)> done) {
    QPointer<HostSweeps> self(this);
    m_runs->whenReady(host, false, [self, host, id, specPath, done](Result<RemoteBackend*> ready) {
        if (!ready) return done(ready.failure());
        addToRemoteSweep(**ready, id, specPath, [self, host, id, done](Result<QStringList> runs) {
            if (runs && self) {
                self->m_runs->scanNow(host);
                self->read(host, id);
            }
            done(std::move(runs));
        });
    });
}

void HostSweeps::cancel(const QString& host, const QString& id, int trial,
                        std::function<void(Result<TrialCancel>)> done) {
    QPointer<HostSweeps> self(this);
    m_runs->whenReady(host, false, [self, host, id, trial, done](Result<RemoteBackend*> ready) {
        if (!ready) return done(ready.failure());
        cancelRemoteSweep(**ready, id, trial, [self, host, id, done](Result<TrialCancel> said) {
            if (self) self->read(host, id);
            done(std::move(said));
        });
    });
}

void HostSweeps::bestCheckpoint(const QString& runId, const QString& metric, bool maximize,
                                std::function<void(Result<QString>)> done) {
    const RunInfo* run = m_catalog->find(runId);
    RemoteBackend* backend = run ? m_runs->backend(run->target) : nullptr;
    if (!backend) return done(failText(tr("no run %1 on a host").arg(runId)));
    backend->checkpointsAsync(runId, false,
                              [metric, maximize, done](Result<RemoteCheckpoints> listed) {
                                  if (!listed) return done(listed.failure());
                                  done(bestCheckpointOf(listed->entries, metric, maximize));
                              });
}

}  // namespace tb
