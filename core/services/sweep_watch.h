#pragma once
// SweepWatch: the sweeps of one runs root (RUNS_ROOT/.sweeps), each read by readSweep on a worker
// thread about once a second, so the window never reads a trial's metrics itself. One batched
// sweepsChanged(ids) names the sweeps whose report changed, appeared or vanished.

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include "core/services/sweep_status.h"

namespace tb {

class SweepWatch : public QObject {
    Q_OBJECT

public:
    explicit SweepWatch(const QString& runsRoot, QObject* parent = nullptr);
    ~SweepWatch() override;

    // Polls every `intervalMs`, and never more often than 5 times the last read's duration, so
    // a huge sweep costs the worker at most a fifth of its time.
    void start(int intervalMs = 1000);
    void stop();
    // A read as soon as the worker is free (after a launch or a cancel).
    void refreshNow();

    // Sweeps read elsewhere (on a host, by whoever reads it there) kept beside this root's:
    // a changed report is announced like the local ones; dropHostReports forgets a host's
    // sweeps but those in `keep`.
    void putHostReport(const SweepReport& report);
    void dropHostReports(const QString& host, const QStringList& keep);

    QString runsRoot() const { return m_runsRoot; }
    QStringList ids() const;  // newest first (ids start with their creation time)
    const SweepReport* report(const QString& id) const;

Q_SIGNALS:
    void sweepsChanged(const QStringList& ids);

private:
    struct Batch {
        QStringList listed;                // every sweep folder found
        QHash<QString, SweepReport> read;  // those read this time
        qint64 elapsedMs = 0;
    };
    void poll();
    void apply(const Batch& batch);
    static Batch readBatch(const QString& runsRoot, const QSet<QString>& skip);

    QString m_runsRoot;
    QHash<QString, SweepReport> m_reports;
    QHash<QString, SweepReport> m_hostReports;  // by id; report.host names the host
    QSet<QString> m_settled;  // ended sweeps whose trials all ended: read again only now and then
    QThread m_thread;
    QObject* m_worker;  // lives on m_thread: the context the reads run in
    QTimer m_timer;
    QElapsedTimer m_sinceRead;
    qint64 m_lastReadMs = 0;
    int m_pollsSinceFull = 0;
    bool m_inFlight = false;
    bool m_again = false;
};

// Ended: the scheduler wrote drained, cancelled or failed and no trial can still change.
bool sweepSettled(const SweepReport& report);

}  // namespace tb
