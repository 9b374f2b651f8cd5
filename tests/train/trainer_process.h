#pragma once
// Test helpers that run the real trainbench-train binary and read the run directory it writes.

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace tbtest {

struct Finished {
    int exitCode = -1;
    QString out;
    QString err;
};

QString trainerPath();
QString sourcePath(const QString& relative);

// Runs to completion (fails the test on timeout).
Finished runTrainer(const QStringList& args, int timeoutMs = 300000);
// Starts in the background; the caller waits on conditions and signals it.
void startTrainer(QProcess& process, const QStringList& args);

void writeText(const QString& path, const QByteArray& text);
QByteArray readText(const QString& path);
QJsonObject readJson(const QString& path);
QList<QJsonObject> readMetrics(const QString& runDir);  // complete lines only
double lastValue(const QList<QJsonObject>& records, const QString& key);  // NaN when absent
// Largest "step" in metrics.jsonl, -1 when none.
qint64 lastStep(const QString& runDir);

// `--inspect` as JSON (empty object when it fails).
QJsonObject inspect(const QString& checkpoint);
QString latestCheckpoint(const QString& runDir);  // "" when none yet

}  // namespace tbtest
