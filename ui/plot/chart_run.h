// ChartRun and ChartSettings: what a chart shows (runs) and how (axis, smoothing, scales).
#pragma once

#include <QColor>
#include <QList>
#include <QString>

#include "core/metrics/series_store.h"

namespace tb {

class RunMetrics;

// A run as the main window hands it to the charts. A resumed child run is just another run:
// its steps continue its parent's, so it lands on the same axes after the parent's curve.
struct ChartRun {
    QString id;
    QString dir;
    QString label;
    bool live = false;
    bool operator==(const ChartRun&) const = default;
};

struct ChartSettings {
    XAxis axis = XAxis::Step;
    double smoothing = 0.6;  // EMA weight in [0, 1); 0 shows the raw curve only
    bool logX = false;
    bool logY = false;
    bool operator==(const ChartSettings&) const = default;
};

// A run bound to its metrics and the colour it has on every chart.
struct PlottedRun {
    ChartRun run;
    RunMetrics* metrics = nullptr;
    QColor colour;
};

}  // namespace tb
