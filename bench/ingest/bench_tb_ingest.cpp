// bench_tb_ingest: how fast TensorBoard event files become metrics records, against our own
// metrics.jsonl ingest of the same records in the same process.
//
//   bench_tb_ingest [steps (default 1000000)] [directory for the temporary files]
//
// Writes an event file as PyTorch's SummaryWriter does (one event per add_scalar call, four
// scalars per step) and a metrics.jsonl with the same records, then reads the first with
// TbEventFollower (framing, both CRC-32C checks, protobuf decoding, merging per step) and the
// second with MetricsTail + SeriesStore, and prints both rates and their ratio.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>

#include "core/metrics/metrics_tail.h"
#include "core/metrics/series_store.h"
#include "core/protocol/metrics_writer.h"
#include "core/protocol/tb_event.h"
#include "core/protocol/tb_follow.h"
#include "core/protocol/tfrecord.h"

namespace {

bool writeFiles(const QString& events, const QString& metrics, long long steps) {
    std::FILE* tb = std::fopen(events.toLocal8Bit().constData(), "wb");
    std::FILE* jsonl = std::fopen(metrics.toLocal8Bit().constData(), "wb");
    if (!tb || !jsonl) return false;
    std::string tbBuffer = tb::frameTfRecord(tb::encodeTbFileVersion(1763820000.0));
    std::string jsonBuffer;
    const char* tags[] = {"train/loss", "train/acc", "lr", "samples_per_sec"};
    for (long long step = 0; step < steps; ++step) {
        const double time = 1763820000.0 + step * 0.0123;
        const double loss = 2.3 * std::exp(-step / 2e5) + 0.01 * (step % 7);
        const double values[] = {loss, 1 - loss / 2.5, 1e-3 * (1 - step / 2e7),
                                 2400.0 + step % 300};
        tb::MetricRecord record;
        record.step = step;
        record.time = time;
        record.hasEpoch = false;
        for (int i = 0; i < 4; ++i) {
            // float, as SummaryWriter stores it, so both files hold the same numbers
            const double value = static_cast<float>(values[i]);
            tbBuffer += tb::frameTfRecord(tb::encodeTbScalars(time, step, {{tags[i], value}}));
            record.values.emplace_back(tags[i], value);
        }
        jsonBuffer += record.toJsonLine();
        if (tbBuffer.size() > (4u << 20)) {
            std::fwrite(tbBuffer.data(), 1, tbBuffer.size(), tb);
            tbBuffer.clear();
        }
        if (jsonBuffer.size() > (4u << 20)) {
            std::fwrite(jsonBuffer.data(), 1, jsonBuffer.size(), jsonl);
            jsonBuffer.clear();
        }
    }
    std::fwrite(tbBuffer.data(), 1, tbBuffer.size(), tb);
    std::fwrite(jsonBuffer.data(), 1, jsonBuffer.size(), jsonl);
    std::fclose(tb);
    std::fclose(jsonl);
    return true;
}

double cpuSince(std::clock_t start) {
    return double(std::clock() - start) / CLOCKS_PER_SEC;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const long long steps = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    QTemporaryDir dir(argc > 2 ? QString::fromLocal8Bit(argv[2]) + "/bench_tb_ingest-XXXXXX"
                               : QString());
    if (steps <= 0 || !dir.isValid()) {
        std::fprintf(stderr, "usage: bench_tb_ingest [steps > 0] [temp-parent-dir]\n");
        return 2;
    }
    QDir().mkpath(dir.filePath("tb"));
    const QString events = dir.filePath("tb/events.out.tfevents.1763820000.bench.1.0");
    const QString metrics = dir.filePath("metrics.jsonl");
    if (!writeFiles(events, metrics, steps)) return 1;

    QElapsedTimer timer;
    timer.start();
    std::clock_t cpu = std::clock();
    tb::TbEventFollower follower({dir.filePath("tb").toStdString()});
    long long tbRecords = 0;
    double tbChecksum = 0;
    uint64_t read = 0;
    do {
        read = follower.bytesRead();
        for (const tb::MetricRecord& record : follower.poll()) {
            ++tbRecords;
            for (const auto& value : record.values) tbChecksum += value.second;
        }
    } while (follower.bytesRead() > read);
    const double tbSeconds = timer.nsecsElapsed() / 1e9;
    const double tbCpu = cpuSince(cpu);
    const double tbBytes = double(follower.bytesRead());

    timer.restart();
    cpu = std::clock();
    tb::SeriesStore store;
    tb::MetricsTail tail(metrics, &store);
    const tb::TailPollResult polled = tail.poll();
    const double jsonSeconds = timer.nsecsElapsed() / 1e9;
    const double jsonCpu = cpuSince(cpu);

    std::printf(
        "event file      %.1f MB, %lld steps as %lld events: %.2f s, %.0f MB/s, "
        "%.2f M records/s (%.2f M/s per CPU second)\n",
        tbBytes / 1e6, steps, steps * 4 + 1, tbSeconds, tbBytes / 1e6 / tbSeconds,
        tbRecords / 1e6 / tbSeconds, tbRecords / 1e6 / tbCpu);
    std::printf(
        "metrics.jsonl   %.1f MB, %lld records: %.2f s, %.0f MB/s, %.2f M records/s "
        "(%.2f M/s per CPU second)\n",
        polled.bytesConsumed / 1e6, static_cast<long long>(polled.records), jsonSeconds,
        polled.bytesConsumed / 1e6 / jsonSeconds, polled.records / 1e6 / jsonSeconds,
        polled.records / 1e6 / jsonCpu);
    std::printf(
        "ratio           event-file records/s / metrics.jsonl records/s = %.2fx wall, "
        "%.2fx CPU (checksum %.6g)\n",
        (tbRecords / tbSeconds) / (polled.records / jsonSeconds),
        (tbRecords / tbCpu) / (polled.records / jsonCpu), tbChecksum);
    return tbRecords == polled.records ? 0 : 1;
}
