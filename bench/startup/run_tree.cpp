// writeRunTree: synthetic but format-complete run directories (docs/RUN_FORMAT.md).
#include "run_tree.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSysInfo>

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace tb {

namespace {

constexpr int kStepsPerEpoch = 500;
const char* const kNames[] = {"mnist-cnn", "cifar10-resnet",   "tabular-mlp",
                              "demo",      "mnist-cnn-lr3e-4", "cifar10-resnet-aug"};

// A pid no process has: one of our own children, already reaped.
qint64 deadPid() {
    const pid_t child = fork();
    if (child == 0) _exit(0);
    waitpid(child, nullptr, 0);
    return child;
}

qint64 writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return 0;
    return file.write(bytes);
}

QByteArray configYaml(const QString& name, int run) {
    return QString(
               "name: %1\nseed: %2\ndata:\n  kind: synthetic\n  batch_size: 128\n"
               "model:\n  kind: cnn\n  channels: [32, 64]\n  dropout: 0.25\n"
               "optim:\n  kind: adamw\n  lr: 0.002\n  weight_decay: 0.01\n"
               "schedule:\n  kind: cosine\n  warmup_steps: 200\ntrain:\n  epochs: 12\n"
               "  device: auto\n")
        .arg(name)
        .arg(run)
        .toUtf8();
}

QByteArray metricsLines(int lines, double started, int run) {
    QByteArray out;
    out.reserve(lines * 150);
    char line[320];
    for (int step = 1; step <= lines; ++step) {
        const double loss =
            2.3 * std::exp(-step / (700.0 + 13 * run)) + 0.04 + 0.02 * std::sin(step * 0.7);
        int n = std::snprintf(line, sizeof line,
                              "{\"step\":%d,\"epoch\":%d,\"time\":%.3f,\"train/loss\":%.6f,"
                              "\"train/acc\":%.5f,\"lr\":%.8g,\"samples_per_sec\":%.1f}\n",
                              step, step / kStepsPerEpoch, started + step * 0.05, loss,
                              1.0 - loss / 2.5, 2e-3 * std::pow(0.9995, step),
                              12800 + 300 * std::sin(step * 0.13));
        out.append(line, n);
        if (step % kStepsPerEpoch == 0) {
            n = std::snprintf(line, sizeof line,
                              "{\"step\":%d,\"epoch\":%d,\"time\":%.3f,\"val/loss\":%.6f,"
                              "\"val/acc\":%.5f}\n",
                              step, step / kStepsPerEpoch, started + step * 0.05 + 1.5, loss * 1.1,
                              1.0 - loss / 2.3);
            out.append(line, n);
        }
    }
    return out;
}

// Final states cycle; the newest few look live but their pid is gone (the app shows "lost").
QString stateOf(int run, int count) {
    if (run >= count - 4) return "running";
    static const char* const cycle[] = {"finished", "finished", "finished", "failed",   "finished",
                                        "stopped",  "finished", "finished", "finished", "queued"};
    return cycle[run % 10];
}

}  // namespace

qint64 writeRunTree(const QString& root, int count) {
    const qint64 pid = deadPid();
    const QString host = QSysInfo::machineHostName();
    const double now = double(QDateTime::currentSecsSinceEpoch());
    qint64 bytes = 0;
    for (int run = 0; run < count; ++run) {
        const double created = now - (count - run) * 3600.0;
        const QString name = kNames[run % 6];
        const QString id =
            QDateTime::fromSecsSinceEpoch(qint64(created)).toString("yyyyMMdd-HHmmss") + "-" + name;
        const QString dir = root + "/" + id;
        QDir().mkpath(dir + "/checkpoints");
        const QString state = stateOf(run, count);
        const int lines = state == "queued" ? 0 : 2000 + (run * 397) % 4000;
        const double ended = created + lines * 0.05 + 2;
        bytes +=
            writeFile(dir + "/run.json",
                      QString("{\"protocol\":1,\"id\":\"%1\",\"name\":\"%2\",\"created\":%3,"
                              "\"target\":\"local\",\"command\":[\"trainbench-train\",\"--config\","
                              "\"config.yaml\"],\"cwd\":\"%4\"}\n")
                          .arg(id, name, QString::number(created, 'f', 3), dir)
                          .toUtf8());
        bytes += writeFile(dir + "/config.yaml", configYaml(name, run));
        const bool final = state != "running" && state != "queued";
        const int exitCode = state == "finished" ? 0 : state == "failed" ? 1 : 143;
        bytes += writeFile(dir + "/status.json",
                           QString("{\"state\":\"%1\",\"pid\":%2,\"pgid\":%2,\"host\":\"%3\","
                                   "\"started\":%4,\"updated\":%5,\"ended\":%6,\"exit_code\":%7,"
                                   "\"epoch\":%8,\"step\":%9,\"message\":\"\"}\n")
                               .arg(state)
                               .arg(state == "queued" ? 0 : pid)
                               .arg(host)
                               .arg(created, 0, 'f', 3)
                               .arg(final ? ended : created + lines * 0.05, 0, 'f', 3)
                               .arg(final ? ended : 0, 0, 'f', 3)
                               .arg(final ? QString::number(exitCode) : QString("null"))
                               .arg(lines / kStepsPerEpoch)
                               .arg(lines)
                               .toUtf8());
        if (final) bytes += writeFile(dir + "/exit_code", QByteArray::number(exitCode) + "\n");
        if (lines == 0) continue;
        bytes += writeFile(dir + "/metrics.jsonl", metricsLines(lines, created, run));
        QByteArray log;
        for (int step = 100; step <= lines; step += 100)
            log += QString("epoch %1 step %2 loss %3\n")
                       .arg(step / kStepsPerEpoch)
                       .arg(step)
                       .arg(1.0 / step)
                       .toUtf8();
        bytes += writeFile(dir + "/output.log", log);
        QString latest;
        for (int epoch = 1; epoch * kStepsPerEpoch <= lines; ++epoch) {
            const int step = epoch * kStepsPerEpoch;
            const QString stem =
                QString("ckpt-e%1-s%2").arg(epoch, 4, 10, QChar('0')).arg(step, 7, 10, QChar('0'));
            const QByteArray payload(4096,
                                     char(epoch));  // a placeholder, not a loadable checkpoint
            bytes += writeFile(dir + "/checkpoints/" + stem + ".pt", payload);
            bytes += writeFile(
                dir + "/checkpoints/" + stem + ".json",
                QString("{\"epoch\":%1,\"step\":%2,\"time\":%3,\"metrics\":{\"train/loss\":%4},"
                        "\"config_sha256\":\"%5\",\"bytes\":%6,\"sha256\":\"%5\"}\n")
                    .arg(epoch)
                    .arg(step)
                    .arg(created + step * 0.05, 0, 'f', 3)
                    .arg(2.3 * std::exp(-step / 700.0), 0, 'f', 6)
                    .arg(QString(64, QChar('0')))
                    .arg(payload.size())
                    .toUtf8());
            latest = stem + ".pt";
        }
        if (!latest.isEmpty())
            bytes += writeFile(dir + "/checkpoints/latest.json",
                               ("{\"checkpoint\":\"" + latest + "\"}\n").toUtf8());
    }
    return bytes;
}

}  // namespace tb
