// SweepWatch: reads on a worker QObject's thread, results handed back by a queued call; the
// GUI thread only compares the new reports with the last ones.

#include "sweep_watch.h"

#include <QDir>
#include <QMetaObject>

#include <cmath>

#include "core/runs/run_reader.h"

namespace tb {

namespace {

constexpr int kFullReadEvery = 30;  // polls between re-reads of settled sweeps
constexpr int kMaxSweeps = 1000;

bool sameNumber(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

bool sameTrial(const SweepTrialRow& a, const SweepTrialRow& b) {
    return a.run == b.run && a.queue == b.queue && a.info.state == b.info.state &&
           a.info.epoch == b.info.epoch && a.info.step == b.info.step &&
           a.info.started == b.info.started && a.info.ended == b.info.ended &&
           a.epochs == b.epochs && sameNumber(a.best, b.best) && sameNumber(a.last, b.last) &&
           a.label == b.label && a.values == b.values;
}

bool sameReport(const SweepReport& a, const SweepReport& b) {
    if (a.state != b.state || a.metric != b.metric || a.maximize != b.maximize ||
        a.bestRow != b.bestRow || a.trials.size() != b.trials.size())
        return false;
    for (qsizetype i = 0; i < a.trials.size(); ++i)
        if (!sameTrial(a.trials[i], b.trials[i])) return false;
    return true;
}

}  // namespace

bool sweepSettled(const SweepReport& report) {
    if (report.state != QLatin1String("drained") && report.state != QLatin1String("cancelled") &&
        report.state != QLatin1String("failed"))
        return false;
    for (const SweepTrialRow& row : report.trials)
        if (row.queue != TrialQueueState::Cancelled && isLiveState(row.info.state)) return false;
    return true;
}

SweepWatch::SweepWatch(const QString& runsRoot, QObject* parent)
    : QObject(parent), m_runsRoot(runsRoot), m_worker(new QObject) {
    m_thread.setObjectName(QStringLiteral("SweepWatch"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
    connect(&m_timer, &QTimer::timeout, this, &SweepWatch::poll);
}

SweepWatch::~SweepWatch() {
    m_timer.stop();
    m_thread.quit();
    m_thread.wait();  // results still queued for this object are dropped with it
}

void SweepWatch::start(int intervalMs) {
    m_timer.start(intervalMs);
    refreshNow();
}

void SweepWatch::stop() {
    m_timer.stop();
}

void SweepWatch::refreshNow() {
    m_lastReadMs = 0;
    poll();
}

QStringList SweepWatch::ids() const {
    QStringList ids = m_reports.keys() + m_hostReports.keys();
    std::sort(ids.begin(), ids.end(), std::greater<QString>());
    return ids;
}

const SweepReport* SweepWatch::report(const QString& id) const {
    auto it = m_reports.constFind(id);
    if (it != m_reports.constEnd()) return &it.value();
    it = m_hostReports.constFind(id);
    return it == m_hostReports.constEnd() ? nullptr : &it.value();
}

void SweepWatch::putHostReport(const SweepReport& report) {
    auto known = m_hostReports.constFind(report.id);
    if (known != m_hostReports.constEnd() && known->host == report.host &&
        sameReport(known.value(), report))
        return;
    m_hostReports.insert(report.id, report);
    Q_EMIT sweepsChanged({report.id});
}

void SweepWatch::dropHostReports(const QString& host, const QStringList& keep) {
    QStringList dropped;
    for (auto it = m_hostReports.begin(); it != m_hostReports.end();) {
        if (it->host != host || keep.contains(it.key())) {
            ++it;
            continue;
        }
        dropped << it.key();
        it = m_hostReports.erase(it);
    }
    if (!dropped.isEmpty()) Q_EMIT sweepsChanged(dropped);
}

SweepWatch::Batch SweepWatch::readBatch(const QString& runsRoot, const QSet<QString>& skip) {
    QElapsedTimer clock;
    clock.start();
    Batch batch;
    const QDir sweeps(runsRoot + QLatin1String("/.sweeps"));
    batch.listed = sweeps.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed)
                       .mid(0, kMaxSweeps);
    for (const QString& id : std::as_const(batch.listed)) {
        if (skip.contains(id)) continue;
        if (auto report = readSweep(runsRoot, id)) batch.read.insert(id, std::move(*report));
    }
    batch.elapsedMs = clock.elapsed();
    return batch;
}

void SweepWatch::poll() {
    if (m_inFlight) {
        m_again = true;
        return;
    }
    if (m_lastReadMs > 0 && m_sinceRead.isValid() && m_sinceRead.elapsed() < 5 * m_lastReadMs)
        return;
    m_inFlight = true;
    const bool full = ++m_pollsSinceFull >= kFullReadEvery;
    if (full) m_pollsSinceFull = 0;
    const QSet<QString> skip = full ? QSet<QString>() : m_settled;
    const QString root = m_runsRoot;
    QMetaObject::invokeMethod(m_worker, [this, root, skip] {
        Batch batch = readBatch(root, skip);
        // Queued to this object: dropped if it is gone by then (the destructor waits for us).
        QMetaObject::invokeMethod(
            this, [this, batch] { apply(batch); }, Qt::QueuedConnection);
    });
}

void SweepWatch::apply(const Batch& batch) {
    m_inFlight = false;
    m_lastReadMs = batch.elapsedMs;
    m_sinceRead.start();
    QStringList changed;
    for (const QString& id : m_reports.keys()) {
        if (batch.listed.contains(id)) continue;
        m_reports.remove(id);
        m_settled.remove(id);
        changed << id;
    }
    for (auto it = batch.read.begin(); it != batch.read.end(); ++it) {
        auto known = m_reports.find(it.key());
        if (sweepSettled(it.value()))
            m_settled.insert(it.key());
        else
            m_settled.remove(it.key());
        if (known != m_reports.end() && sameReport(known.value(), it.value())) continue;
        m_reports.insert(it.key(), it.value());
        changed << it.key();
    }
    if (!changed.isEmpty()) Q_EMIT sweepsChanged(changed);
    if (m_again) {
        m_again = false;
        m_lastReadMs = 0;
        poll();
    }
}

}  // namespace tb
