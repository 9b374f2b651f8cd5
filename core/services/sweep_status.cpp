// Sweep status from files only, so it reads the same whether the app started the sweep, a
// terminal did, or the app was closed while the box went on.

#include "sweep_status.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <string>

#include "core/checkpoints/box_name.h"
#include "core/metrics/metrics_parser.h"
#include "core/runs/fail_text.h"
#include "core/runs/name_table.h"
#include "core/runs/run_reader.h"

namespace tb {

namespace {

// The sweep services share one translation context: their messages repeat across files.
struct Sweeps {
    Q_DECLARE_TR_FUNCTIONS(Sweeps)
};

constexpr qint64 kMaxMetricsRead = qint64(512) * 1024 * 1024;
constexpr qint64 kChunk = 1024 * 1024;
constexpr int kMaxTrials = 10000;

}  // namespace

namespace {

TrialQueueState queueState(const QString& dir, int trial) {
    const QString file = QStringLiteral("/%1.sh").arg(trial + 1, 6, 10, QLatin1Char('0'));
    if (QFileInfo::exists(dir + QLatin1String("/running") + file)) return TrialQueueState::Running;
    if (QFileInfo::exists(dir + QLatin1String("/done") + file)) return TrialQueueState::Done;
    if (QFileInfo::exists(dir + QLatin1String("/cancelled") + file))
        return TrialQueueState::Cancelled;
    if (QFileInfo::exists(dir + QLatin1String("/queue") + file)) return TrialQueueState::Queued;
    return TrialQueueState::Unknown;
}

bool better(double value, double than, bool maximize) {
    if (std::isnan(than)) return true;
    return maximize ? value > than : value < than;
}

// The metric's best and last value over metrics.jsonl, read in chunks (bounded).
void readMetric(const QString& runDir, const QString& metric, bool maximize, SweepTrialRow& row) {
    QFile file(runDir + QLatin1String("/metrics.jsonl"));
    if (!file.open(QIODevice::ReadOnly)) return;
    MetricsParser parser;
    MetricsBatch batch;
    const std::string key = metric.toStdString();
    std::string buffer;
    qint64 total = 0;
    while (total < kMaxMetricsRead) {
        const QByteArray chunk = file.read(kChunk);
        if (chunk.isEmpty()) break;
        total += chunk.size();
        buffer.append(chunk.constData(), size_t(chunk.size()));
        batch.clear();
        const ParseResult parsed = parser.parse(buffer, batch);
        buffer.erase(0, parsed.bytesConsumed);
        const std::uint32_t id = parser.keyId(key);
        if (id == MetricsParser::kNoKey) continue;
        for (std::size_t r = 0; r < batch.recordCount(); ++r) {
            const double value = batch.value(r, id, std::nan(""));
            if (!std::isfinite(value)) continue;
            ++row.epochs;
            row.last = value;
            if (better(value, row.best, maximize)) row.best = value;
        }
    }
}

}  // namespace

int SweepReport::count(TrialQueueState state) const {
    int n = 0;
    for (const SweepTrialRow& row : trials) n += row.queue == state ? 1 : 0;
    return n;
}

QList<int> SweepReport::ranking() const {
    QList<int> rows;
    for (int i = 0; i < trials.size(); ++i) rows << i;
    std::stable_sort(rows.begin(), rows.end(), [this](int a, int b) {
        const double x = trials[a].best;
        const double y = trials[b].best;
        if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);
        return maximize ? x > y : x < y;
    });
    return rows;
}

QString queueStateName(TrialQueueState state) {
    // Unknown is left out: it has no name of its own and shows as "?".
    static constexpr EnumName<TrialQueueState> kNames[] = {
        {TrialQueueState::Queued, "queued"},
        {TrialQueueState::Running, "running"},
        {TrialQueueState::Done, "done"},
        {TrialQueueState::Cancelled, "cancelled"}};
    return nameOf(state, kNames, "?");
}

Result<SweepReport> sweepReportFrom(const QByteArray& sweepJson, const QString& id,
                                    const QString& state, const FillTrial& fill) {
    if (sweepJson.size() > kMaxSweepJsonBytes)
        return failText(Sweeps::tr("sweep.json of %1 is too large").arg(id));
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(sweepJson, &error).object();
    if (error.error != QJsonParseError::NoError)
        //: %2 is the JSON parser's reason
        return failText(Sweeps::tr("sweep.json of %1: %2").arg(id, error.errorString()));
    SweepReport report;
    report.id = id;
    report.state = state.left(32).trimmed();
    report.metric = object.value(QLatin1String("metric")).toString().left(200);
    report.maximize = object.value(QLatin1String("goal")).toString() == QLatin1String("max");
    const QJsonArray trials = object.value(QLatin1String("trials")).toArray();
    for (qsizetype i = 0; i < trials.size() && i < kMaxTrials; ++i) {
        const QJsonObject trial = trials[i].toObject();
        SweepTrialRow row;
        row.trial = trial.value(QLatin1String("trial")).toInt(int(i));
        row.run = trial.value(QLatin1String("run")).toString();
        if (!isSafeBoxName(BoxNameKind::RunId, row.run) || row.trial < 0 || row.trial >= kMaxTrials)
            continue;
        row.label = trial.value(QLatin1String("label")).toString().left(500);
        const QJsonObject values = trial.value(QLatin1String("values")).toObject();
        for (auto it = values.begin(); it != values.end(); ++it)
            row.values.insert(it.key().left(200), it.value().toString().left(1024));
        fill(report, row);
        report.trials << row;
    }
    const QList<int> ranked = report.ranking();
    if (!ranked.isEmpty() && !std::isnan(report.trials[ranked.front()].best))
        report.bestRow = ranked.front();
    return report;
}

Result<SweepReport> readSweep(const QString& runsRoot, const QString& id) {
    if (!isSafeBoxName(BoxNameKind::RunId, id))
        return failText(Sweeps::tr("'%1' is not a sweep id").arg(id));
    const QString dir = runsRoot + QLatin1String("/.sweeps/") + id;
    QFile json(dir + QLatin1String("/sweep.json"));
    if (!json.open(QIODevice::ReadOnly))
        return failText(Sweeps::tr("no sweep %1 in %2").arg(id, runsRoot));
    QFile state(dir + QLatin1String("/state"));
    const QString stateText =
        state.open(QIODevice::ReadOnly) ? QString::fromUtf8(state.read(64)) : QString();
    auto report = sweepReportFrom(
        json.read(kMaxSweepJsonBytes + 1), id, stateText,
        [&](const SweepReport& sweep, SweepTrialRow& row) {
            row.queue = queueState(dir, row.trial);
            QFile stopped(
                dir + QStringLiteral("/stopped/%1").arg(row.trial + 1, 6, 10, QLatin1Char('0')));
            if (stopped.open(QIODevice::ReadOnly))
                row.stoppedEarly = QString::fromUtf8(stopped.read(512)).trimmed();
            const QString runDir = runsRoot + QLatin1Char('/') + row.run;
            if (readRunInfo(runDir, row.info))
                readMetric(runDir, sweep.metric, sweep.maximize, row);
        });
    if (report) report->dir = dir;
    return report;
}

}  // namespace tb
