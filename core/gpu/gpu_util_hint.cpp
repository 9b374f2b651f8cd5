// GpuUtilHint: mean utilisation per GPU over a covered window, with a shorter window to recover.
#include "gpu_util_hint.h"

#include <QCoreApplication>
#include <QMap>

#include <cmath>

namespace tb {
namespace {

// Mean utilisation of each GPU over `rounds`, only GPUs whose every reading has a value.
QMap<int, double> meanUtilisation(const QList<GpuRound>& rounds) {
    QMap<int, double> sums;
    QMap<int, int> counts;
    for (const GpuRound& round : rounds)
        for (const GpuSample& s : round.gpus)
            if (s.utilizationPercent) {
                sums[s.index] += *s.utilizationPercent;
                ++counts[s.index];
            }
    QMap<int, double> means;
    for (auto it = sums.begin(); it != sums.end(); ++it)
        means[it.key()] = it.value() / counts.value(it.key());
    return means;
}

}  // namespace

bool GpuUtilHint::update(const GpuHistory& history, qint64 nowMs, const TrainingRun& run) {
    const QString before = m_text;
    if (run.name != m_run) {
        m_run = run.name;
        // A full window of this run's training before any verdict: start-up is slow anyway.
        m_watchFromMs = run.startedMs > 0 ? run.startedMs : nowMs;
        m_low.clear();
    }
    if (m_run.isEmpty()) {
        m_low.clear();
    } else if (!m_low.isEmpty() && recovered(history, nowMs)) {
        m_low.clear();
        m_watchFromMs = nowMs;  // low again only after a whole new window of it
    } else {
        m_low = findLow(history, nowMs);
    }
    m_text = m_low.isEmpty() ? QString() : describe(m_run);
    return m_text != before;
}

QList<GpuUtilHint::LowGpu> GpuUtilHint::findLow(const GpuHistory& history, qint64 nowMs) const {
    const qint64 from = nowMs - m_settings.windowMs;
    if (from < m_watchFromMs) return {};
    const QList<GpuRound> rounds = history.between(from, nowMs);
    if (!covered(rounds, from, nowMs)) return {};
    const QMap<int, double> means = meanUtilisation(rounds);
    QList<LowGpu> low;
    for (const GpuSample& s : rounds.last().gpus) {
        const bool inUse = s.memoryUsedMiB && *s.memoryUsedMiB >= m_settings.inUseMiB;
        if (!inUse || !means.contains(s.index)) continue;
        if (means.value(s.index) < m_settings.lowPercent)
            low.append({s.index, means.value(s.index)});
    }
    return low;
}

bool GpuUtilHint::recovered(const GpuHistory& history, qint64 nowMs) const {
    const QMap<int, double> means =
        meanUtilisation(history.between(nowMs - m_settings.recoverMs, nowMs));
    for (const LowGpu& gpu : m_low)
        if (means.value(gpu.index, 0) < m_settings.lowPercent) return false;
    return true;
}

bool GpuUtilHint::covered(const QList<GpuRound>& rounds, qint64 fromMs, qint64 toMs) const {
    if (rounds.isEmpty()) return false;
    qint64 previous = fromMs;
    for (const GpuRound& round : rounds) {
        if (round.timeMs - previous > m_settings.maxGapMs) return false;
        previous = round.timeMs;
    }
    return toMs - previous <= m_settings.maxGapMs;
}

QString GpuUtilHint::describe(const QString& run) const {
    QStringList gpus;
    QStringList percents;
    for (const LowGpu& gpu : m_low) {
        gpus.append(QString::number(gpu.index));
        percents.append(QStringLiteral("%1 %").arg(std::lround(gpu.meanPercent)));
    }
    const QString who =
        m_low.size() == 1
            ? QCoreApplication::translate("GpuUtilHint", "GPU %1").arg(gpus.first())
            : QCoreApplication::translate("GpuUtilHint", "GPUs %1").arg(gpus.join(u", "));
    return QCoreApplication::translate(
               "GpuUtilHint",
               "%1 busy only %2 over the last minute while %3 trains: data loading is probably "
               "the bottleneck. Raise data.workers (num_workers in your own script), keep the "
               "data on the box's local disk, or raise data.batch_size if GPU memory allows.")
        .arg(who, percents.join(u", "), QStringLiteral("“%1”").arg(run));
}

}  // namespace tb
