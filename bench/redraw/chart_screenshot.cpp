// chart_screenshot: renders three overlaid synthetic runs in a ChartPanel and saves a PNG.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPixmap>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <random>

#include "core/metrics/run_metrics.h"
#include "ui/plot/chart_panel.h"

namespace {
struct Curve {
    double lr;      // peak learning rate: faster early descent, noisier
    double floor;   // loss it converges to
    int firstStep;  // a resumed run starts at its parent's checkpoint
    int lastStep;
    unsigned seed;
};

// Training-like records: noisy decaying train loss, val every 500 steps, warmup + cosine lr.
QString writeRun(const QString& root, const QString& id, const Curve& c, int checkpointEvery) {
    const QString dir = root + "/" + id;
    QDir().mkpath(dir + "/checkpoints");
    std::mt19937 rng(c.seed);
    std::normal_distribution<double> noise(0, 1);
    QByteArray out;
    const double start = 1763820000.0;
    for (int step = c.firstStep; step <= c.lastStep; step += 10) {
        const double progress = step / 15000.0;
        const double lr =
            c.lr * std::min(1.0, step / 500.0) * 0.5 * (1 + std::cos(M_PI * progress));
        const double mean = c.floor + 2.1 * std::exp(-step * c.lr * 0.03);
        const double loss = mean * (1 + 0.12 * noise(rng));
        const double acc = std::clamp(1.0 - mean / 2.4 + 0.02 * noise(rng), 0.0, 1.0);
        const int epoch = step / 1000;
        out += QString(
                   "{\"step\":%1,\"epoch\":%2,\"time\":%3,\"train/loss\":%4,\"train/acc\":%5,"
                   "\"lr\":%6,\"samples_per_sec\":%7}\n")
                   .arg(step)
                   .arg(epoch)
                   .arg(start + step * 0.21, 0, 'f', 2)
                   .arg(loss, 0, 'g', 6)
                   .arg(acc, 0, 'g', 5)
                   .arg(lr, 0, 'g', 5)
                   .arg(2400 + 90 * noise(rng), 0, 'f', 1)
                   .toUtf8();
        if (step % 500 == 0 && step > 0)
            out += QString("{\"step\":%1,\"val/loss\":%2,\"val/acc\":%3}\n")
                       .arg(step)
                       .arg(mean * 1.08 + 0.02, 0, 'g', 6)
                       .arg(std::clamp(1.0 - mean / 2.2, 0.0, 1.0), 0, 'g', 5)
                       .toUtf8();
        if (checkpointEvery > 0 && step % checkpointEvery == 0 && step > c.firstStep) {
            QFile sidecar(dir + QString("/checkpoints/ckpt-e%1-s%2.json")
                                    .arg(epoch, 4, 10, QChar('0'))
                                    .arg(step, 7, 10, QChar('0')));
            if (sidecar.open(QIODevice::WriteOnly))
                sidecar.write(QString("{\"epoch\":%1,\"step\":%2,\"metrics\":{\"train/loss\":%3}}")
                                  .arg(epoch)
                                  .arg(step)
                                  .arg(loss)
                                  .toUtf8());
        }
    }
    QFile file(dir + "/metrics.jsonl");
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(out);
    return dir;
}
}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QString output = argc > 1 ? argv[1] : "chart-overlay.png";
    QTemporaryDir root;
    const QString a = writeRun(root.path(), "a", {0.10, 0.25, 0, 9000, 1}, 3000);
    const QString b = writeRun(root.path(), "b", {0.05, 0.32, 0, 15000, 2}, 0);
    const QString c = writeRun(root.path(), "c", {0.10, 0.25, 9000, 15000, 3}, 3000);
    tb::RunMetricsPool pool;
    tb::ChartPanel panel(&pool);
    panel.resize(1400, 860);
    panel.show();
    panel.setRuns({{"a", a, "resnet18 lr=0.1", false},
                   {"b", b, "resnet18 lr=0.05", false},
                   {"c", c, "resumed a @9000", false}});
    app.processEvents();
    panel.flush();
    app.processEvents();
    if (!panel.grab().save(output)) {
        std::fprintf(stderr, "chart_screenshot: cannot write %s\n", qPrintable(output));
        return 1;
    }
    std::printf("wrote %s\n", qPrintable(output));
    return 0;
}
