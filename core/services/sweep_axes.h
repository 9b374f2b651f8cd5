#pragma once
// What a sweep's comparison shows, worked out without a window: which keys differ between its
// trials, and a parallel-coordinates layout (one axis per varied key plus the metric, each trial
// a position on every axis).

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/services/sweep_status.h"

namespace tb {

// The keys whose values differ between the trials, sorted; every key when all trials agree on
// all of them (nothing else tells them apart then).
QStringList variedKeys(const SweepReport& report);

struct ParallelAxis {
    QString title;
    bool categorical = false;             // text values, evenly spaced in first-seen order
    bool logScale = false;                // positive numbers spanning two decades or more
    QList<QPair<double, QString>> ticks;  // position in [0, 1] and its label
};

struct ParallelLayout {
    QList<ParallelAxis> axes;  // the varied keys, then the metric (best value)
    // One row per trial, in trial order: its position on each axis in [0, 1], NaN where it has
    // no value (a metric not written yet).
    QList<QVector<double>> positions;
    // Per trial: 1 for the best metric, 0 for the worst, NaN without one (goal applied).
    QVector<double> score;
};

ParallelLayout parallelLayout(const SweepReport& report, const QStringList& keys);

// The metric as tables show it: six significant digits, "" for none.
QString metricText(double value);

}  // namespace tb
