// Helpers for the tests that start real runs.
#include "run_test_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

namespace tb::test {

QString binDir() {
    return qEnvironmentVariable("TB_BIN_DIR");
}

QString demoConfig() {
    return qEnvironmentVariable("TB_SOURCE_DIR") + QStringLiteral("/resources/configs/demo.yaml");
}

QStringList quickSets() {
    return {QStringLiteral("data.synthetic.samples=600"), QStringLiteral("train.epochs=2"),
            QStringLiteral("model.kind=mlp"), QStringLiteral("train.log_every=2")};
}

QStringList slowSets() {
    return {QStringLiteral("data.synthetic.samples=6000"), QStringLiteral("train.epochs=200"),
            QStringLiteral("model.kind=mlp"), QStringLiteral("train.log_every=2")};
}

QByteArray fileText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject jsonFile(const QString& path) {
    return QJsonDocument::fromJson(fileText(path)).object();
}

QString stateOf(const QString& runDir) {
    return jsonFile(runDir + QStringLiteral("/status.json"))
        .value(QLatin1String("state"))
        .toString();
}

QList<QJsonObject> metricsRecords(const QString& runDir) {
    QList<QJsonObject> records;
    const QByteArray text = fileText(runDir + QStringLiteral("/metrics.jsonl"));
    for (const QByteArray& line : text.split('\n')) {
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        if (record.contains(QLatin1String("step"))) records.append(record);
    }
    return records;
}

qint64 lastMetricsStep(const QString& runDir) {
    const QList<QJsonObject> records = metricsRecords(runDir);
    return records.isEmpty() ? -1 : qint64(records.back().value(QLatin1String("step")).toDouble());
}

QList<qint64> processesMentioning(const QByteArray& needle) {
    QList<qint64> found;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")});
    for (const QString& pid : pids) {
        if (fileText(QStringLiteral("/proc/%1/cmdline").arg(pid)).contains(needle))
            found.append(pid.toLongLong());
    }
    return found;
}

qint64 parentPid(qint64 pid) {
    const QByteArray stat = fileText(QStringLiteral("/proc/%1/stat").arg(pid));
    // "pid (name) state ppid ...": the name may hold spaces, so read after the last ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() : 0;
}

qint64 deadPid() {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return pid;
}

void appendToFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
    QCOMPARE(file.write(bytes), bytes.size());
}

void writeLocalRun(const QString& root, const QString& id, const QByteArray& state) {
    const QString dir = root + QLatin1Char('/') + id;
    QVERIFY(QDir().mkpath(dir));
    const auto write = [](const QString& path, const QByteArray& text) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(text), text.size());
    };
    write(dir + "/run.json", "{\"protocol\":1,\"id\":\"" + id.toUtf8() +
                                 "\",\"name\":\"cifar\",\"created\":1763820000,"
                                 "\"target\":\"local\"}");
    write(dir + "/status.json", "{\"state\":\"" + state + "\",\"pid\":" +
                                    QByteArray::number(QCoreApplication::applicationPid()) +
                                    ",\"started\":1763820000,\"updated\":1763820000}");
}

CliResult runCliHarness(const QStringList& args, const QString& workDir,
                        const QProcessEnvironment& environment, int timeoutMs) {
    QProcess process;
    QProcessEnvironment merged = QProcessEnvironment::systemEnvironment();
    merged.insert(QStringLiteral("TRAINBENCH_BIN_DIR"), binDir());
    merged.insert(environment);
    process.setProcessEnvironment(merged);
    process.setWorkingDirectory(workDir);
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/tb_cli_harness"), args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromLocal8Bit(process.readAllStandardOutput()),
            QString::fromLocal8Bit(process.readAllStandardError())};
}

}  // namespace tb::test
