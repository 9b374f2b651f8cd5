// /proc readers for the follow benchmark.
#include "box_cpu.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

namespace tb::bench {
namespace {

struct ProcStat {
    qint64 pid = 0;
    qint64 ppid = 0;
    QByteArray comm;
    double cpuSeconds = 0;  // utime + stime + cutime + cstime
};

std::vector<ProcStat> allProcesses() {
    std::vector<ProcStat> out;
    const double ticks = double(::sysconf(_SC_CLK_TCK));
    for (const QString& name :
         QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")})) {
        QFile file(QStringLiteral("/proc/%1/stat").arg(name));
        if (!file.open(QIODevice::ReadOnly)) continue;
        const QByteArray stat = file.readAll();
        const qsizetype open = stat.indexOf('('), close = stat.lastIndexOf(')');
        if (open < 0 || close < 0) continue;
        // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt
        // cmajflt utime stime cutime cstime ...
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() < 15) continue;
        ProcStat p;
        p.pid = name.toLongLong();
        p.ppid = fields[1].toLongLong();
        p.comm = stat.mid(open + 1, close - open - 1);
        for (int i = 11; i <= 14; ++i) p.cpuSeconds += fields[i].toDouble() / ticks;
        out.push_back(p);
    }
    return out;
}

bool descendsFrom(const std::vector<ProcStat>& all, qint64 pid, qint64 root) {
    for (int depth = 0; depth < 64 && pid > 1; ++depth) {
        qint64 parent = 0;
        for (const ProcStat& p : all)
            if (p.pid == pid) parent = p.ppid;
        if (parent == root) return true;
        pid = parent;
    }
    return false;
}

}  // namespace

double descendantsCpuSeconds(qint64 rootPid) {
    const std::vector<ProcStat> all = allProcesses();
    double total = 0;
    for (const ProcStat& p : all)
        if (descendsFrom(all, p.pid, rootPid)) total += p.cpuSeconds;
    return total;
}

std::vector<qint64> descendantsNamed(qint64 rootPid, const char* comm) {
    const std::vector<ProcStat> all = allProcesses();
    std::vector<qint64> out;
    for (const ProcStat& p : all)
        if (p.comm == comm && descendsFrom(all, p.pid, rootPid)) out.push_back(p.pid);
    return out;
}

}  // namespace tb::bench
