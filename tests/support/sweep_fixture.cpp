// Synthetic sweeps: the files readSweep and the run catalog read, as the scheduler and the
// trials would have left them (docs/RUN_FORMAT.md, Sweeps).
#include "sweep_fixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tb::test {

namespace {

void writeFile(const QString& path, const QByteArray& text) {
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) file.write(text);
}

QByteArray json(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

}  // namespace

QStringList writeSyntheticSweep(const QString& runsRoot, const SyntheticSweep& sweep) {
    static const char* const lrs[] = {"0.1", "0.03", "0.01", "0.001"};
    static const char* const kinds[] = {"sgd", "adam", "adamw"};
    const QString dir = runsRoot + QStringLiteral("/.sweeps/") + sweep.id;
    for (const char* sub : {"done", "running", "queue"}) QDir().mkpath(dir + '/' + sub);
    const double started = 1796562000;  // 2026-12-06 12:00 UTC, as the id says
    QStringList runs;
    QJsonArray trials;
    for (int i = 0; i < sweep.trials; ++i) {
        const QString run = QStringLiteral("%1-t%2").arg(sweep.id.left(15)).arg(i + 1);
        const QString lr = QString::fromLatin1(lrs[i % 4]);
        const QString kind = QString::fromLatin1(kinds[(i / 4) % 3]);
        const QString label = QStringLiteral("lr=%1 kind=%2").arg(lr, kind);
        const bool running = i >= sweep.trials - sweep.running;
        runs << run;
        trials.append(QJsonObject{{"trial", i},
                                  {"run", run},
                                  {"label", label},
                                  {"values", QJsonObject{{"optim.lr", lr}, {"optim.kind", kind}}}});
        const QString marker = QStringLiteral("/%1.sh").arg(i + 1, 6, 10, QLatin1Char('0'));
        writeFile(dir + (running ? "/running" : "/done") + marker, "# trial\n");
        const QString runDir = runsRoot + '/' + run;
        QDir().mkpath(runDir);
        writeFile(runDir + "/run.json",
                  json({{"id", run},
                        {"name", QStringLiteral("grid-t%1").arg(i + 1)},
                        {"target", "local"},
                        {"sweep", QJsonObject{{"id", sweep.id}, {"trial", i}, {"label", label}}}}));
        const double ended = started + 10 * (i + 1);
        QJsonObject status{{"state", running ? "running" : "finished"},
                           {"started", started + i},
                           {"updated", ended},
                           {"epoch", sweep.records},
                           {"step", sweep.records * 10}};
        if (running) {
            status.insert("pid", qint64(QCoreApplication::applicationPid()));
        } else {
            status.insert("ended", ended);
            status.insert("exit_code", 0);
        }
        writeFile(runDir + "/status.json", json(status));
        const double final = 0.1 + 0.01 * ((i * 7) % sweep.trials);
        QByteArray metrics;
        for (int e = 1; e <= sweep.records; ++e) {
            const double value = final + 0.5 * (sweep.records - e) / sweep.records;
            const double shown = sweep.maximize ? 1 - value : value;
            metrics += json({{"step", e * 10},
                             {"epoch", e},
                             {"time", started + i + e},
                             {"train/loss", value + 0.05},
                             {sweep.metric, shown}});
        }
        writeFile(runDir + "/metrics.jsonl", metrics);
    }
    writeFile(dir + "/sweep.json",
              QJsonDocument(QJsonObject{{"protocol", 1},
                                        {"id", sweep.id},
                                        {"target", "local"},
                                        {"method", "grid"},
                                        {"metric", sweep.metric},
                                        {"goal", sweep.maximize ? "max" : "min"},
                                        {"trials", trials}})
                  .toJson());
    writeFile(dir + "/state", sweep.running > 0 ? "running\n" : "drained\n");
    return runs;
}

}  // namespace tb::test
