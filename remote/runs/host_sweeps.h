#pragma once
// HostSweeps: sweeps whose queue lives on a host, for the window. Started through the host's
// connection (its trainer checked first when the trials need it), read back every few seconds
// into the SweepWatch beside this machine's sweeps, cancelled there, and a trial's best
// checkpoint picked from the box's listing to fork from. Which sweeps a host has comes from its
// runs in the catalog: each trial's run.json names its sweep.

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <functional>

#include "core/protocol/result.h"
#include "core/services/sweep_cancel.h"
#include "core/services/sweep_target.h"

namespace tb {

class RemoteRuns;
class RunCatalog;
class SweepWatch;

class HostSweeps : public QObject {
    Q_OBJECT

public:
    // `schedulerFile`: the local tb-sweep.sh uploaded with each sweep (tb-sweep-stop.sh beside).
    HostSweeps(RemoteRuns* runs, RunCatalog* catalog, SweepWatch* watch, QString schedulerFile,
               QObject* parent = nullptr);

    void start(int pollMs = 3000);
    void refreshNow();

    // Fails with Backend::kNeedsPrepare when the trials need the trainer and the host has none.
    void startSweep(const QString& host, const SweepSetup& setup,
                    std::function<void(Result<StartedSweep>)> done);
    // More trials from `specPath` over the sweep's own base and slots; the new runs' ids.
    void addTrials(const QString& host, const QString& id, const QString& specPath,
                   std::function<void(Result<QStringList>)> done);
    // `trial` 1-based; 0: the whole sweep.
    void cancel(const QString& host, const QString& id, int trial,
                std::function<void(Result<TrialCancel>)> done);
    // The path on the box of the run's checkpoint to fork from (bestCheckpointOf); "" if none.
    void bestCheckpoint(const QString& runId, const QString& metric, bool maximize,
                        std::function<void(Result<QString>)> done);

private:
    QHash<QString, QStringList> sweepsByHost();
    void poll();
    void readUnknown();
    void read(const QString& host, const QString& id);

    RemoteRuns* m_runs;
    RunCatalog* m_catalog;
    SweepWatch* m_watch;
    QString m_scheduler;
    QSet<QString> m_hostsSeen;        // hosts whose sweeps the watch may hold
    QSet<QString> m_reading;          // sweep ids with a read in flight
    QSet<QString> m_readAgain;        // ... and asked for again meanwhile
    QHash<QString, QString> m_fresh;  // sweep id -> host: started here, no trial listed yet
    QTimer m_timer;
    int m_polls = 0;
};

// A host as a Sweep dialog target.
class HostSweepTarget : public SweepTarget {
public:
    HostSweepTarget(HostSweeps* sweeps, QString host) : m_sweeps(sweeps), m_host(std::move(host)) {}
    QString name() const override { return m_host; }
    void startAsync(const SweepSetup& setup,
                    std::function<void(Result<StartedSweep>)> done) override {
        m_sweeps->startSweep(m_host, setup, std::move(done));
    }

private:
    HostSweeps* m_sweeps;
    QString m_host;
};

}  // namespace tb
