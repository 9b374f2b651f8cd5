// Parallel-coordinates layout: numbers scaled per axis (log for wide positive ranges), text as
// categories; the metric axis is the last, with its best end marked by the score.

#include "sweep_axes.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace tb {

namespace {

constexpr int kMaxNumericTicks = 6;

struct Scale {
    double low = 0;
    double high = 0;
    bool log = false;
    double position(double value) const {
        const double a = log ? std::log10(low) : low;
        const double b = log ? std::log10(high) : high;
        const double v = log ? std::log10(value) : value;
        return b > a ? std::clamp((v - a) / (b - a), 0.0, 1.0) : 0.5;
    }
};

Scale scaleOf(const QVector<double>& values) {
    Scale scale;
    bool first = true;
    for (double v : values) {
        if (std::isnan(v)) continue;
        scale.low = first ? v : std::min(scale.low, v);
        scale.high = first ? v : std::max(scale.high, v);
        first = false;
    }
    scale.log = !first && scale.low > 0 && scale.high / scale.low >= 100;
    return scale;
}

QString numberText(double value) {
    return QString::number(value, 'g', 4);
}

// Each distinct value when there are few (a grid's), else evenly spaced values.
QList<QPair<double, QString>> numericTicks(const Scale& scale, const QVector<double>& values) {
    QList<double> distinct;
    for (double v : values)
        if (!std::isnan(v) && !distinct.contains(v)) distinct << v;
    std::sort(distinct.begin(), distinct.end());
    QList<QPair<double, QString>> ticks;
    if (distinct.size() <= kMaxNumericTicks) {
        for (double v : distinct) ticks.append({scale.position(v), numberText(v)});
        return ticks;
    }
    for (int i = 0; i < kMaxNumericTicks; ++i) {
        const double t = double(i) / (kMaxNumericTicks - 1);
        const double v =
            scale.log
                ? std::pow(10.0, std::log10(scale.low) + t * std::log10(scale.high / scale.low))
                : scale.low + t * (scale.high - scale.low);
        ticks.append({t, numberText(v)});
    }
    return ticks;
}

// One axis over `texts` (one per trial; "" = no value); `numbers` must parse all or it is text.
ParallelAxis axisOf(const QString& title, const QStringList& texts, QList<QVector<double>>& rows) {
    ParallelAxis axis;
    axis.title = title;
    QVector<double> numbers(texts.size(), std::nan(""));
    bool numeric = true;
    for (qsizetype i = 0; i < texts.size() && numeric; ++i) {
        if (texts[i].isEmpty()) continue;
        bool ok = false;
        numbers[i] = texts[i].toDouble(&ok);
        numeric = ok && std::isfinite(numbers[i]);
    }
    if (numeric) {
        const Scale scale = scaleOf(numbers);
        axis.logScale = scale.log;
        axis.ticks = numericTicks(scale, numbers);
        for (qsizetype i = 0; i < texts.size(); ++i)
            rows[i] << (std::isnan(numbers[i]) ? std::nan("") : scale.position(numbers[i]));
        return axis;
    }
    axis.categorical = true;
    QStringList categories;
    for (const QString& text : texts)
        if (!text.isEmpty() && !categories.contains(text)) categories << text;
    const auto at = [&](qsizetype index) {
        return categories.size() < 2 ? 0.5 : double(index) / double(categories.size() - 1);
    };
    for (qsizetype c = 0; c < categories.size(); ++c) axis.ticks.append({at(c), categories[c]});
    for (qsizetype i = 0; i < texts.size(); ++i)
        rows[i] << (texts[i].isEmpty() ? std::nan("") : at(categories.indexOf(texts[i])));
    return axis;
}

}  // namespace

QStringList variedKeys(const SweepReport& report) {
    QSet<QString> all;
    QSet<QString> varied;
    for (const SweepTrialRow& row : report.trials)
        for (auto it = row.values.begin(); it != row.values.end(); ++it) all.insert(it.key());
    for (const QString& key : all) {
        QSet<QString> seen;
        for (const SweepTrialRow& row : report.trials) seen.insert(row.values.value(key));
        if (seen.size() > 1) varied.insert(key);
    }
    QStringList keys = varied.isEmpty() ? all.values() : varied.values();
    keys.sort();
    return keys;
}

ParallelLayout parallelLayout(const SweepReport& report, const QStringList& keys) {
    ParallelLayout layout;
    const qsizetype n = report.trials.size();
    layout.positions.resize(n);
    for (const QString& key : keys) {
        QStringList texts;
        for (const SweepTrialRow& row : report.trials) texts << row.values.value(key);
        layout.axes << axisOf(key, texts, layout.positions);
    }
    QStringList metric;
    QVector<double> best;
    for (const SweepTrialRow& row : report.trials) {
        metric << (std::isnan(row.best) ? QString() : QString::number(row.best, 'g', 17));
        best << row.best;
    }
    ParallelAxis metricAxis = axisOf(report.metric, metric, layout.positions);
    layout.axes << metricAxis;
    const Scale scale = scaleOf(best);
    layout.score.resize(n);
    for (qsizetype i = 0; i < n; ++i) {
        const double linear =
            scale.high > scale.low ? (best[i] - scale.low) / (scale.high - scale.low) : 1.0;
        layout.score[i] = std::isnan(best[i]) ? std::nan("")
                          : report.maximize   ? linear
                                              : 1 - linear;
    }
    return layout;
}

QString metricText(double value) {
    return std::isnan(value) ? QString() : QString::number(value, 'g', 6);
}

}  // namespace tb
