// Synthetic run directories for the chart tests: decaying loss, rising accuracy, cosine lr.
#include "tst_chart_fixture.h"

#include <QDir>
#include <QFile>

#include <cmath>

namespace tbtest {

namespace {
double noise(int i) {  // deterministic, in [-0.5, 0.5)
    const quint32 h = quint32(i) * 2654435761u;
    return double(h >> 8) / double(1u << 24) - 0.5;
}
}  // namespace

QByteArray metricsLine(int step, double loss) {
    return "{\"step\":" + QByteArray::number(step) +
           ",\"train/loss\":" + QByteArray::number(loss, 'g', 9) + "}\n";
}

bool appendBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Append) && file.write(bytes) == bytes.size();
}

QString writeRun(const QString& root, const QString& id, const RunSpec& spec) {
    const QString dir = root + "/" + id;
    QDir().mkpath(dir);
    QByteArray out;
    out.reserve(qsizetype(spec.points) * 64);
    for (int i = 0; i < spec.points; ++i) {
        const int step = spec.firstStep + i * spec.stepStride;
        double loss = spec.lossScale * (2.0 * std::exp(-step / 3000.0) + 0.2 + 0.1 * noise(i));
        if (i == spec.spikeAt) loss = spec.spikeValue;
        out += "{\"step\":" + QByteArray::number(step);
        if (spec.withTime)
            out += ",\"epoch\":" + QByteArray::number(step / 1000) +
                   ",\"time\":" + QByteArray::number(spec.startTime + step * 0.05, 'f', 3);
        out += ",\"train/loss\":" + QByteArray::number(loss, 'g', 9);
        if (spec.withExtras)
            out += ",\"train/acc\":" + QByteArray::number(1.0 - loss / 3.0, 'g', 6) +
                   ",\"lr\":" + QByteArray::number(0.001 * (1 + std::cos(step / 20000.0)), 'g', 6);
        out += "}\n";
        if (spec.valEvery > 0 && step % spec.valEvery == 0 && step > 0)
            out += "{\"step\":" + QByteArray::number(step) +
                   ",\"val/loss\":" + QByteArray::number(loss * 1.1, 'g', 6) +
                   ",\"val/acc\":" + QByteArray::number(0.9 - loss / 4.0, 'g', 6) + "}\n";
    }
    QFile file(dir + "/metrics.jsonl");
    if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size()) return {};
    return dir;
}

QString writeSidecar(const QString& runDir, int epoch, int step, double loss) {
    QDir().mkpath(runDir + "/checkpoints");
    const QString stem =
        QString("ckpt-e%1-s%2").arg(epoch, 4, 10, QChar('0')).arg(step, 7, 10, QChar('0'));
    QFile file(runDir + "/checkpoints/" + stem + ".json");
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(QString("{\"epoch\":%1,\"step\":%2,\"time\":1700000000.5,\"metrics\":"
                       "{\"train/loss\":%3},\"bytes\":10}\n")
                   .arg(epoch)
                   .arg(step)
                   .arg(loss)
                   .toUtf8());
    return runDir + "/checkpoints/" + stem + ".pt";
}

}  // namespace tbtest
