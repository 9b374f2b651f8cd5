#pragma once
// readSweep: a sweep as its folder and its trials' run folders tell it — where each trial is in
// the queue, its state, the best and final value of the sweep's metric — ranked by that metric.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>

#include "core/protocol/result.h"
#include "core/runs/run_info.h"

namespace tb {

enum class TrialQueueState { Queued, Running, Done, Cancelled, Unknown };

struct SweepTrialRow {
    int trial = 0;  // 0-based
    QString run;
    QString label;
    QMap<QString, QString> values;  // the keys the sweep sets, as the trial sets them
    TrialQueueState queue = TrialQueueState::Unknown;
    RunInfo info;  // state, epoch, times; empty when the run folder is missing
    double best = std::numeric_limits<double>::quiet_NaN();  // the metric's best; NaN: none yet
    double last = std::numeric_limits<double>::quiet_NaN();
    qint64 epochs = 0;     // records of the metric (one per epoch for the trainer's val/ keys)
    QString stoppedEarly;  // why the median rule stopped it (stopped/N); empty: it was not
};

struct SweepReport {
    QString id;
    QString dir;
    QString host;  // the host whose runs root holds it; "" for this machine's
    QString metric;
    bool maximize = false;
    QString
        state;  // scheduler's `state`: running, drained, cancelled, failed; "" before it wrote one
    QList<SweepTrialRow> trials;  // in trial order
    int bestRow = -1;             // the row with the best metric, -1 when none has one

    int count(TrialQueueState state) const;
    // More trials may be added (planSweepAddition refuses a cancelled sweep).
    bool takesMoreTrials() const { return state != QLatin1String("cancelled"); }
    // Rows by the metric, best first; rows without a value last, in trial order.
    QList<int> ranking() const;
};

// RUNS_ROOT/.sweeps/ID. sweep.json is the app's, but the folder may come from a box: sizes,
// counts and names are checked, a trial whose run id is not a plain folder name is skipped.
Result<SweepReport> readSweep(const QString& runsRoot, const QString& id);

QString queueStateName(TrialQueueState state);  // "queued", "running", "done", "cancelled"

// sweep.json past this is refused (10 000 trials with their values fit well inside).
inline constexpr qint64 kMaxSweepJsonBytes = 8 * 1024 * 1024;

// Completes one row (queue state, run info, best and last metric) from wherever the files are.
using FillTrial = std::function<void(const SweepReport&, SweepTrialRow&)>;

// The report from sweep.json's bytes and the scheduler's state, each row completed by `fill`;
// the rows ranked. Bounded: a sweep.json from a box can be anything.
Result<SweepReport> sweepReportFrom(const QByteArray& sweepJson, const QString& id,
                                    const QString& state, const FillTrial& fill);

}  // namespace tb
