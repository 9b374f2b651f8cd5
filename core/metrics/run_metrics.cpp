// RunMetrics and RunMetricsPool: incremental polling, lazily derived series, checkpoint sidecars.
#include "run_metrics.h"

#include <algorithm>
#include <ranges>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include "metrics_tail.h"

namespace tb {

double CheckpointMark::metric(const QString& key, double fallback) const {
    for (const auto& [name, value] : metrics)
        if (name == key) return value;
    return fallback;
}

RunMetrics::RunMetrics(QString runDir, QObject* parent)
    : QObject(parent),
      m_runDir(std::move(runDir)),
      m_tail(std::make_unique<MetricsTail>(m_runDir + "/metrics.jsonl", &m_store)) {
}

RunMetrics* RunMetrics::fed(QObject* parent) {
    auto* metrics = new RunMetrics(QString(), parent);
    metrics->m_tail.reset();
    metrics->m_feedParser = std::make_unique<MetricsParser>();
    return metrics;
}

RunMetrics::~RunMetrics() = default;

qsizetype RunMetrics::malformedLines() const {
    return m_tail ? m_tail->totalMalformedLines()
                  : qsizetype(m_feedParser->totalMalformedLines()) +
                        qsizetype(m_feedBytes.skippedLines());
}

void RunMetrics::appendLines(QByteArrayView lines) {
    if (!m_feedParser || lines.isEmpty()) return;
    MetricsBatch batch;
    const ParseResult parsed =
        m_feedParser->parse(std::string_view(lines.data(), std::size_t(lines.size())), batch);
    if (parsed.records == 0) return;
    m_store.append(batch, m_feedParser->keyNames());
    Q_EMIT dataAppended();
}

void RunMetrics::appendBytes(const QByteArray& bytes) {
    if (!m_feedParser) return;
    m_feedBytes.append(bytes);
    appendLines(m_feedBytes.takeLines());
}

bool RunMetrics::poll() {
    if (!m_tail) return false;
    const TailPollResult result = m_tail->poll();
    if (result.reset) {
        m_derived.clear();
        ++m_generation;
        Q_EMIT reset();
    }
    const bool checkpointsChanged = scanCheckpoints();
    if (result.records > 0) Q_EMIT dataAppended();
    if (checkpointsChanged) Q_EMIT this->checkpointsChanged();
    return result.reset || result.records > 0 || checkpointsChanged;
}

RunMetrics::Derived& RunMetrics::derived(std::size_t series) {
    if (m_derived.size() < m_store.seriesCount()) m_derived.resize(m_store.seriesCount());
    return m_derived[series];
}

const MinMaxLod& RunMetrics::lod(std::size_t series) {
    Derived& d = derived(series);
    if (!d.lod) d.lod = std::make_unique<MinMaxLod>();
    d.lod->update(m_store.view(series));
    return *d.lod;
}

const EmaSmoother& RunMetrics::smoother(std::size_t series, double weight) {
    Derived& d = derived(series);
    if (!d.ema || d.emaWeight != weight) {
        d.ema = std::make_unique<EmaSmoother>(weight);
        d.emaWeight = weight;
        if (d.emaLod) d.emaLod->clear();
    }
    d.ema->update(m_store.view(series));
    return *d.ema;
}

const MinMaxLod& RunMetrics::smoothedLod(std::size_t series, double weight) {
    const EmaSmoother& ema = smoother(series, weight);
    Derived& d = derived(series);
    if (!d.emaLod) d.emaLod = std::make_unique<MinMaxLod>();
    const SeriesView raw = m_store.view(series);
    d.emaLod->update(SmoothedSeries(raw, ema));
    return *d.emaLod;
}

std::size_t RunMetrics::recordAtStep(double step) const {
    const auto records = std::views::iota(std::size_t{0}, m_store.recordCount());
    const auto first = std::ranges::partition_point(
        records, [&](std::size_t i) { return m_store.step(i) < step; });
    return static_cast<std::size_t>(first - records.begin());
}

// A sidecar is replaced atomically (rename), which touches the directory's mtime; comparing
// it and the file count keeps a poll from re-reading every sidecar four times a second.
bool RunMetrics::scanCheckpoints() {
    const QString dirPath = m_runDir + "/checkpoints";
    const QFileInfo info(dirPath);
    const QDateTime stamp = info.exists() ? info.lastModified() : QDateTime();
    QDir dir(dirPath);
    const QStringList names =
        info.exists() ? dir.entryList({"*.json"}, QDir::Files, QDir::Name) : QStringList();
    if (stamp == m_checkpointsStamp && names.size() == m_checkpointFiles) return false;
    m_checkpointsStamp = stamp;
    m_checkpointFiles = names.size();

    QList<CheckpointMark> marks;
    for (const QString& name : names) {
        if (name.startsWith('.') || name == "latest.json") continue;
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) continue;
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        if (!o.contains("step")) continue;  // torn or foreign file: not a sidecar
        CheckpointMark mark;
        mark.step = o.value("step").toDouble();
        mark.epoch = o.value("epoch").toDouble();
        mark.time = o.value("time").toDouble();
        mark.checkpointPath = dir.filePath(name.chopped(5) + ".pt");
        const QJsonObject metrics = o.value("metrics").toObject();
        for (auto it = metrics.begin(); it != metrics.end(); ++it)
            if (it.value().isDouble()) mark.metrics.append({it.key(), it.value().toDouble()});
        marks.append(mark);
    }
    std::sort(marks.begin(), marks.end(),
              [](const CheckpointMark& a, const CheckpointMark& b) { return a.step < b.step; });
    const bool changed =
        marks.size() != m_checkpoints.size() ||
        !std::equal(marks.begin(), marks.end(), m_checkpoints.begin(),
                    [](const CheckpointMark& a, const CheckpointMark& b) {
                        return a.step == b.step && a.checkpointPath == b.checkpointPath;
                    });
    m_checkpoints = std::move(marks);
    return changed;
}

RunMetricsPool::RunMetricsPool(QObject* parent) : QObject(parent) {
    // 150 ms keeps written-to-plotted p99 under 200 ms with the 25 ms coalescing in ChartPanel
    // (bench/live); each poll only reads appended bytes.
    m_timer.setInterval(150);
    connect(&m_timer, &QTimer::timeout, this, &RunMetricsPool::pollLive);
}

RunMetrics* RunMetricsPool::open(const QString& runId, const QString& runDir, bool live) {
    RunMetrics* metrics = m_runs.value(runId);
    if (!metrics) {
        metrics = new RunMetrics(runDir, this);
        m_runs.insert(runId, metrics);
        metrics->poll();
    }
    setLive(runId, live);
    return metrics;
}

RunMetrics* RunMetricsPool::openFed(const QString& runId) {
    RunMetrics* metrics = m_runs.value(runId);
    if (metrics && metrics->isFed()) return metrics;
    if (metrics) metrics->deleteLater();  // a view may still hold it until its next setRuns
    m_live.remove(runId);
    metrics = RunMetrics::fed(this);
    m_runs.insert(runId, metrics);
    return metrics;
}

void RunMetricsPool::setLive(const QString& runId, bool live) {
    if (live && m_runs.contains(runId))
        m_live.insert(runId);
    else
        m_live.remove(runId);
    updateTimer();
}

void RunMetricsPool::close(const QString& runId) {
    delete m_runs.take(runId);
    m_live.remove(runId);
    updateTimer();
}

void RunMetricsPool::pollLive() {
    const QList<QString> ids = m_live.values();  // a poll's signal may close a run
    for (const QString& id : ids)
        if (RunMetrics* metrics = m_runs.value(id)) metrics->poll();
}

void RunMetricsPool::updateTimer() {
    if (m_live.isEmpty())
        m_timer.stop();
    else if (!m_timer.isActive())
        m_timer.start();
}

}  // namespace tb
