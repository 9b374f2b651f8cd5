// ProcStats: parsers for the two /proc files the no-GPU fallback reads every second.
#include "proc_stats.h"

#include <QByteArray>
#include <QList>

namespace tb {
namespace {

QList<QByteArray> lines(QByteArrayView text) {
    return QByteArray::fromRawData(text.data(), text.size()).split('\n');
}

}  // namespace

std::optional<CpuTimes> ProcStats::parseStat(QByteArrayView procStat) {
    for (const QByteArray& line : lines(procStat)) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.isEmpty() || f.first() != "cpu")  // "cpu0".. are per core; we want the sum
            continue;
        // user nice system idle iowait irq softirq steal guest guest_nice. guest time is
        // already counted in user/nice, so it is left out of the total.
        if (f.size() < 5) return std::nullopt;
        quint64 values[8] = {};
        for (int i = 0; i < 8 && i + 1 < f.size(); ++i) {
            bool ok = false;
            values[i] = f[i + 1].toULongLong(&ok);
            if (!ok) return std::nullopt;
        }
        CpuTimes t;
        for (quint64 v : values) t.total += v;
        t.idle = values[3] + values[4];
        return t;
    }
    return std::nullopt;
}

std::optional<MemoryInfo> ProcStats::parseMeminfo(QByteArrayView procMeminfo) {
    std::optional<quint64> total, available, freeKiB, buffers, cached;
    for (const QByteArray& line : lines(procMeminfo)) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0) continue;
        const QByteArray key = line.left(colon);
        QByteArray value = line.mid(colon + 1).trimmed();
        if (value.endsWith(" kB")) value.chop(3);
        bool ok = false;
        const quint64 kib = value.trimmed().toULongLong(&ok);
        if (!ok) continue;
        if (key == "MemTotal")
            total = kib;
        else if (key == "MemAvailable")
            available = kib;
        else if (key == "MemFree")
            freeKiB = kib;
        else if (key == "Buffers")
            buffers = kib;
        else if (key == "Cached")
            cached = kib;
    }
    if (!total) return std::nullopt;
    MemoryInfo info;
    info.totalKiB = *total;
    // Kernels before 3.14 have no MemAvailable; free + buffers + cache is the old estimate.
    if (available)
        info.availableKiB = *available;
    else if (freeKiB)
        info.availableKiB = *freeKiB + buffers.value_or(0) + cached.value_or(0);
    else
        return std::nullopt;
    return info;
}

std::optional<double> ProcStats::cpuPercent(const CpuTimes& before, const CpuTimes& after) {
    if (after.total <= before.total || after.idle < before.idle) return std::nullopt;
    const double total = double(after.total - before.total);
    const double idle = double(after.idle - before.idle);
    if (idle > total) return std::nullopt;
    return 100.0 * (total - idle) / total;
}

}  // namespace tb
