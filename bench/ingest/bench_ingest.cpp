// bench_ingest: how fast tb_core ingests a large metrics.jsonl, and how much memory it keeps.
//
//   bench_ingest [size-in-MB (default 1024)] [directory for the temporary file] [--no-reference]
//
// Writes a trainer-like metrics.jsonl, ingests it with MetricsTail + SeriesStore, then parses
// the same bytes line by line with QJsonDocument as the reference, and prints the ratio.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <random>
#include <string>

#include "core/metrics/metrics_tail.h"
#include "core/metrics/min_max_lod.h"
#include "core/metrics/series_store.h"

namespace {

qint64 writeMetrics(const QString& path, qint64 targetBytes, qint64& lines) {
    std::FILE* f = std::fopen(path.toLocal8Bit().constData(), "wb");
    if (!f) return -1;
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> unit(0, 1);
    std::string buffer;
    buffer.reserve(8 << 20);
    char line[256];
    qint64 written = 0;
    lines = 0;
    const double start = 1763820000.0;
    while (written < targetBytes) {
        const qint64 step = lines;
        const double loss = 2.3 * std::exp(-step / 2e6) + 0.05 * unit(rng);
        const int n = std::snprintf(
            line, sizeof line,
            "{\"step\":%lld,\"epoch\":%lld,\"time\":%.3f,\"train/loss\":%.6g,\"train/acc\":%.5g,"
            "\"lr\":%.6g,\"samples_per_sec\":%.1f}\n",
            static_cast<long long>(step), static_cast<long long>(step / 50000),
            start + step * 0.0123, loss, 1 - loss / 2.5, 1e-3 * (1 - step / 2e7),
            2400 + 300 * unit(rng));
        buffer.append(line, std::size_t(n));
        written += n;
        ++lines;
        if (buffer.size() > (6u << 20)) {
            std::fwrite(buffer.data(), 1, buffer.size(), f);
            buffer.clear();
        }
    }
    std::fwrite(buffer.data(), 1, buffer.size(), f);
    std::fclose(f);
    return written;
}

// The reference a Qt programmer would write first: readLine + QJsonDocument per line.
double qtJsonIngest(const QString& path, qint64& records, double& checksum) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return -1;
    QElapsedTimer timer;
    timer.start();
    records = 0;
    checksum = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (!object.contains(QLatin1String("step"))) continue;
        for (auto it = object.begin(); it != object.end(); ++it)
            if (it.value().isDouble()) checksum += it.value().toDouble();
        ++records;
    }
    return timer.nsecsElapsed() / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const qint64 sizeMb = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1024;
    QTemporaryDir dir(argc > 2 ? QString::fromLocal8Bit(argv[2]) + "/bench_ingest-XXXXXX"
                               : QString());
    if (sizeMb <= 0 || !dir.isValid()) {
        std::fprintf(stderr,
                     "usage: bench_ingest [size-in-MB > 0] [temp-parent-dir] [--no-reference]\n");
        return 2;
    }
    const QString path = dir.filePath("metrics.jsonl");
    qint64 lines = 0;
    QElapsedTimer timer;
    timer.start();
    const qint64 bytes = writeMetrics(path, sizeMb << 20, lines);
    if (bytes < 0) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    std::printf("generated %s: %.1f MB, %lld lines in %.1f s\n", qPrintable(path), bytes / 1e6,
                static_cast<long long>(lines), timer.nsecsElapsed() / 1e9);

    tb::SeriesStore store;
    tb::MetricsTail tail(path, &store);
    timer.restart();
    const std::clock_t cpuStart = std::clock();
    const tb::TailPollResult polled = tail.poll();
    const double tbSeconds = timer.nsecsElapsed() / 1e9;
    // CPU time too: on a shared machine wall time also counts other processes' turns.
    const double tbCpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const double tbMbPerS = polled.bytesConsumed / 1e6 / tbSeconds;
    const std::size_t points = store.pointCount();
    const std::size_t held = store.bytesHeld();
    const std::size_t recordOnly = points - 2 * store.recordCount();  // without epoch/time
    std::printf(
        "tb_core   MetricsTail+SeriesStore: %lld records, %lld malformed, %.2f s, "
        "%.0f MB/s (%.0f MB/s per CPU second)\n",
        static_cast<long long>(polled.records), static_cast<long long>(polled.malformedLines),
        tbSeconds, tbMbPerS, polled.bytesConsumed / 1e6 / tbCpuSeconds);
    std::printf(
        "memory    %.1f MB held for %zu (x,value) points: %.2f bytes/point "
        "(%.2f counting only the 4 non-axis series)\n",
        held / 1e6, points, double(held) / double(points), double(held) / double(recordOnly));

    const auto loss = store.view(std::size_t(store.findSeries("train/loss")));
    tb::MinMaxLod lod;
    timer.restart();
    lod.update(loss);
    const double lodBuild = timer.nsecsElapsed() / 1e6;
    timer.restart();
    const auto shown = lod.query(loss, loss.x(0), loss.x(loss.size() - 1), 1920);
    const double lodQuery = timer.nsecsElapsed() / 1e6;
    std::printf(
        "lod       train/loss: build %.0f ms (%.1f MB), full-range query at 1920 "
        "columns %.2f ms -> %zu points\n",
        lodBuild, lod.bytesHeld() / 1e6, lodQuery, shown.size());

    if (argc > 3 && QByteArray(argv[3]) == "--no-reference") return 0;  // for profiling
    qint64 qtRecords = 0;
    double checksum = 0;
    const std::clock_t qtCpuStart = std::clock();
    const double qtSeconds = qtJsonIngest(path, qtRecords, checksum);
    const double qtCpuSeconds = double(std::clock() - qtCpuStart) / CLOCKS_PER_SEC;
    const double qtMbPerS = bytes / 1e6 / qtSeconds;
    std::printf(
        "reference QFile::readLine+QJsonDocument: %lld records, %.2f s, %.0f MB/s "
        "(%.0f MB/s per CPU second; checksum %.6g)\n",
        static_cast<long long>(qtRecords), qtSeconds, qtMbPerS, bytes / 1e6 / qtCpuSeconds,
        checksum);
    std::printf("ratio     tb_core / QJsonDocument = %.1fx wall, %.1fx CPU\n", tbMbPerS / qtMbPerS,
                qtCpuSeconds / tbCpuSeconds * double(bytes) / double(polled.bytesConsumed));
    std::printf("goals     >= 200 MB/s: %s, <= 16 bytes/point: %s\n",
                tbMbPerS >= 200 ? "met" : "MISSED",
                double(held) / double(points) <= 16 ? "met" : "MISSED");
    return polled.records == qtRecords ? 0 : 1;
}
