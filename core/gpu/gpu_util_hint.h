// GpuUtilHint: says so when the GPUs a training run uses stay mostly idle (data loading stalls).
#pragma once

#include <QList>
#include <QString>

#include "gpu_history.h"

namespace tb {

struct GpuUtilHintSettings {
    qint64 windowMs = 60000;   // the mean over this long, once training ran this long
    double lowPercent = 40;    // below this mean the GPU is waiting for batches
    qint64 recoverMs = 10000;  // a mean of lowPercent or more over this long hides the hint
    double inUseMiB = 512;     // a GPU holding less memory is not the run's (idle ones: ~4 MiB)
    qint64 maxGapMs = 5000;    // the window must be covered: no longer gap, at either end too
};

// The run training on the machine whose GPUs are watched; an empty name: none.
struct TrainingRun {
    QString name;
    qint64 startedMs = 0;  // 0 when unknown: the hint then counts from when it first saw the run
};

// Pure: fed the source's history, the time and the run training on that machine, it decides
// whether the hint shows and what it says. A run that is not training, a GPU the run does not
// use (little memory held) or a window with holes in it never give a hint.
class GpuUtilHint {
public:
    explicit GpuUtilHint(GpuUtilHintSettings settings = {}) : m_settings(settings) {}

    // Returns true when text() changed.
    bool update(const GpuHistory& history, qint64 nowMs, const TrainingRun& run);

    bool isShown() const { return !m_text.isEmpty(); }
    QString text() const { return m_text; }

    struct LowGpu {
        int index = -1;
        double meanPercent = 0;
    };
    const QList<LowGpu>& lowGpus() const { return m_low; }

private:
    QList<LowGpu> findLow(const GpuHistory& history, qint64 nowMs) const;
    bool recovered(const GpuHistory& history, qint64 nowMs) const;
    bool covered(const QList<GpuRound>& rounds, qint64 fromMs, qint64 toMs) const;
    QString describe(const QString& run) const;

    GpuUtilHintSettings m_settings;
    QString m_run;
    qint64 m_watchFromMs = 0;  // no window reaches back before this (training start, recovery)
    QList<LowGpu> m_low;
    QString m_text;
};

}  // namespace tb
