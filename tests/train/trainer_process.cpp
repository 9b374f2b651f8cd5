// Helpers for tests that drive trainbench-train as a user would.
#include "trainer_process.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <limits>

namespace tbtest {

QString trainerPath() { return qEnvironmentVariable("TB_BIN_DIR") + "/trainbench-train"; }

QString sourcePath(const QString& relative) {
    return qEnvironmentVariable("TB_SOURCE_DIR") + "/" + relative;
}

Finished runTrainer(const QStringList& args, int timeoutMs) {
    QProcess process;
    process.start(trainerPath(), args);
    Finished result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        qWarning("trainbench-train %s did not finish in time", qPrintable(args.join(' ')));
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void startTrainer(QProcess& process, const QStringList& args) {
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(trainerPath(), args);
    process.waitForStarted();
}

void writeText(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) file.write(text);
}

QByteArray readText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject readJson(const QString& path) { return QJsonDocument::fromJson(readText(path)).object(); }

QList<QJsonObject> readMetrics(const QString& runDir) {
    QList<QJsonObject> records;
    const QByteArray text = readText(runDir + "/metrics.jsonl");
    const qsizetype end = text.lastIndexOf('\n');
    if (end < 0) return records;
    for (const QByteArray& line : text.left(end).split('\n')) {
        const auto document = QJsonDocument::fromJson(line);
        if (document.isObject()) records.append(document.object());
    }
    return records;
}

double lastValue(const QList<QJsonObject>& records, const QString& key) {
    for (auto it = records.crbegin(); it != records.crend(); ++it) {
        if (it->contains(key)) return it->value(key).toDouble();
    }
    return std::numeric_limits<double>::quiet_NaN();
}

qint64 lastStep(const QString& runDir) {
    qint64 step = -1;
    for (const auto& record : readMetrics(runDir)) step = std::max<qint64>(step, record.value("step").toInteger());
    return step;
}

QJsonObject inspect(const QString& checkpoint) {
    const Finished run = runTrainer({"--inspect", checkpoint}, 120000);
    if (run.exitCode != 0) return {};
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

QString latestCheckpoint(const QString& runDir) {
    const QJsonObject latest = readJson(runDir + "/checkpoints/latest.json");
    const QString name = latest.value("checkpoint").toString();
    return name.isEmpty() ? QString() : runDir + "/checkpoints/" + name;
}

}  // namespace tbtest
