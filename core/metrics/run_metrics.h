// RunMetrics: one run's metrics.jsonl, checkpoints and derived LOD/smoothing, kept up to date.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

#include "byte_tail.h"
#include "ema_smoother.h"
#include "metrics_parser.h"
#include "min_max_lod.h"
#include "series_store.h"

namespace tb {

class MetricsTail;

// A checkpoint as its sidecar (checkpoints/<stem>.json) describes it.
struct CheckpointMark {
    double step = 0;
    double epoch = 0;
    double time = 0;
    QString checkpointPath;  // checkpoints/<stem>.pt
    QList<QPair<QString, double>> metrics;

    double metric(const QString& key, double fallback) const;
};

// Everything derived from the store (LOD pyramids, smoothed curves) is built lazily on first
// use and then only extended with what poll() appended, so a view that asks every frame pays
// for new points only. A replaced file clears it all and emits reset().
class RunMetrics : public QObject {
    Q_OBJECT
public:
    explicit RunMetrics(QString runDir, QObject* parent = nullptr);
    // Fed: no local file; the owner hands in metrics.jsonl bytes as they arrive (a remote run).
    static RunMetrics* fed(QObject* parent = nullptr);
    ~RunMetrics() override;

    QString runDir() const { return m_runDir; }
    bool isFed() const { return !m_tail; }
    // Reads what was appended since the last call (never the whole file again) and rescans
    // checkpoints/ when the directory changed. Returns true when anything changed. A fed
    // RunMetrics has nothing to read: false.
    bool poll();
    // Fed only: complete metrics.jsonl lines, each ending in '\n', in order (a follower that
    // split its stream with a ByteTail hands them in; they are parsed once, here).
    void appendLines(QByteArrayView lines);
    // Fed only: the next bytes of metrics.jsonl, in any pieces; an unfinished last line is
    // kept (in a ByteTail, capped) until the rest of it comes.
    void appendBytes(const QByteArray& bytes);

    const SeriesStore& store() const { return m_store; }
    qsizetype malformedLines() const;
    // Increments on every reset, so views can tell their cached series indexes went stale.
    quint64 generation() const { return m_generation; }

    const MinMaxLod& lod(std::size_t series);
    // The debiased EMA of a series (weight in [0, 1)); a new weight recomputes it once.
    const EmaSmoother& smoother(std::size_t series, double weight);
    const MinMaxLod& smoothedLod(std::size_t series, double weight);

    const QList<CheckpointMark>& checkpoints() const { return m_checkpoints; }
    // The first record whose step is >= step (recordCount() when none); needs sorted steps.
    std::size_t recordAtStep(double step) const;

Q_SIGNALS:
    void dataAppended();  // at most once per poll
    void reset();         // the file was replaced: every series index is void
    void checkpointsChanged();

private:
    struct Derived {
        std::unique_ptr<MinMaxLod> lod;
        std::unique_ptr<EmaSmoother> ema;
        std::unique_ptr<MinMaxLod> emaLod;
        double emaWeight = -1;
    };
    Derived& derived(std::size_t series);
    bool scanCheckpoints();

    QString m_runDir;
    SeriesStore m_store;
    std::unique_ptr<MetricsTail> m_tail;  // null when fed
    std::unique_ptr<MetricsParser> m_feedParser;
    ByteTail m_feedBytes{ByteTail::kMetricsMaxLine, ByteTail::LongLine::Skip};  // appendBytes
    std::vector<Derived> m_derived;
    quint64 m_generation = 0;
    QList<CheckpointMark> m_checkpoints;
    QDateTime m_checkpointsStamp;
    qsizetype m_checkpointFiles = -1;
};

// Keeps one RunMetrics per run id, so every view of a run shares its store, and polls the
// live ones on one timer. Polling stays on the GUI thread: a poll reads only the bytes
// appended since the last one (a few KB at 4 Hz), which costs microseconds.
class RunMetricsPool : public QObject {
    Q_OBJECT
public:
    explicit RunMetricsPool(QObject* parent = nullptr);

    // Gets or creates the run's metrics; a new one is read to the end of the file at once.
    RunMetrics* open(const QString& runId, const QString& runDir, bool live);
    // Gets or creates a fed one (see RunMetrics::fed); an existing file-read one is replaced.
    RunMetrics* openFed(const QString& runId);
    RunMetrics* find(const QString& runId) const { return m_runs.value(runId); }
    void setLive(const QString& runId, bool live);
    bool isLive(const QString& runId) const { return m_live.contains(runId); }
    void close(const QString& runId);

    void setPollInterval(int ms) { m_timer.setInterval(ms); }
    int pollInterval() const { return m_timer.interval(); }
    void pollLive();

private:
    void updateTimer();

    QHash<QString, RunMetrics*> m_runs;  // children of this pool
    QSet<QString> m_live;
    QTimer m_timer;
};

}  // namespace tb
