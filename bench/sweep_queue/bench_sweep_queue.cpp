// bench_sweep_queue: resources/tb-sweep.sh, the sweep scheduler, on this machine.
//
//   bench_sweep_queue [trials (default 200)] [idle seconds (default 10)]
//
// (a) Slot freed -> next trial started: TRIALS trials on 2 slots, each one bench_sweep_mark,
//     which notes its slot and the time and ends at once; the gaps between consecutive marks on
//     one slot are the scheduler's. Reference: the same trial scripts run one after another by a
//     plain `sh` loop, the cost of starting a trial at all. Printed as p50/p99 and the ratio.
// (b) The scheduler's CPU while it waits on a running trial, from /proc/PID/stat (its own time
//     and that of the `sleep` ticks it reaped) over IDLE seconds, as % of one core; once as the
//     trial's parent and once adopting it after a restart (it polls faster then). Reference: the
//     plainest poller, `while :; do sleep 0.25; done` in the same shell, measured alongside.
// tb-sweep.sh and bench_sweep_mark are taken from this program's own folder (build/bin).
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThread>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace {

QString g_binDir;

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Trials 1..count in `queue`, each ending at once after its mark in `marks`.
bool writeTrials(const QString& queue, int count, const QString& marks) {
    if (!QDir().mkpath(queue)) return false;
    for (int n = 1; n <= count; ++n) {
        const QByteArray script =
            "#!/bin/sh\n# tb-run-dir: /nonexistent/bench-" + QByteArray::number(n) + "\nexec '" +
            (g_binDir + "/bench_sweep_mark' '").toUtf8() + marks.toUtf8() + "'\n";
        if (!writeFile(queue + QStringLiteral("/%1.sh").arg(n, 6, 10, QLatin1Char('0')), script))
            return false;
    }
    return true;
}

// Milliseconds from each mark to the next one on the same slot.
std::vector<double> slotGaps(const QString& marks) {
    std::map<QByteArray, std::vector<qint64>> bySlot;
    for (const QByteArray& line : readFile(marks).split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() == 2) bySlot[fields[0]].push_back(fields[1].toLongLong());
    }
    std::vector<double> gaps;
    for (auto& [slot, times] : bySlot) {
        std::sort(times.begin(), times.end());
        for (size_t i = 1; i < times.size(); ++i) gaps.push_back((times[i] - times[i - 1]) / 1e6);
    }
    std::sort(gaps.begin(), gaps.end());
    return gaps;
}

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return -1;
    return sorted[std::min(sorted.size() - 1, size_t(p * (sorted.size() - 1) + 0.5))];
}

QProcess* startScheduler(const QString& sweep, QObject* parent) {
    auto* scheduler = new QProcess(parent);
    scheduler->setProcessChannelMode(QProcess::ForwardedChannels);
    scheduler->start(QStringLiteral("/bin/sh"), {g_binDir + QStringLiteral("/tb-sweep.sh"), sweep});
    scheduler->waitForStarted();
    return scheduler;
}

// Clock ticks a process and the children it reaped used (utime stime cutime cstime).
qint64 cpuTicks(qint64 pid) {
    const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(") ") + 2).split(' ');
    if (fields.size() < 15) return -1;
    return fields[11].toLongLong() + fields[12].toLongLong() + fields[13].toLongLong() +
           fields[14].toLongLong();
}

bool waitFor(const std::function<bool()>& condition, int ms) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > ms) return false;
        QThread::msleep(10);
    }
    return true;
}

// Runs `trials` marking trials through the scheduler over `slotCount` slots; the gaps per slot.
std::vector<double> schedulerGaps(const QString& root, int trials, int slotCount, double& seconds) {
    const QString sweep = root + QStringLiteral("/.sweeps/latency-%1").arg(slotCount);
    const QString marks = root + QStringLiteral("/marks-%1").arg(slotCount);
    QByteArray slots;
    for (int slot = 0; slot < slotCount; ++slot) slots += QByteArray::number(slot) + '\n';
    if (!writeTrials(sweep + QStringLiteral("/queue"), trials, marks) ||
        !writeFile(sweep + QStringLiteral("/slots"), slots)) {
        std::fprintf(stderr, "cannot write the trials under %s\n", qPrintable(sweep));
        return {};
    }
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QProcess> scheduler(startScheduler(sweep, nullptr));
    if (!scheduler->waitForFinished(600000) || scheduler->exitCode() != 0) {
        std::fprintf(stderr, "the scheduler failed: see %s/scheduler.log\n", qPrintable(sweep));
        return {};
    }
    seconds = timer.elapsed() / 1000.0;
    std::vector<double> gaps = slotGaps(marks);
    if (gaps.size() + slotCount != size_t(trials)) {
        std::fprintf(stderr, "marks missing: %zu gaps for %d trials\n", gaps.size(), trials);
        return {};
    }
    return gaps;
}

int benchLatency(const QString& root, int trials) {
    double twoSeconds = 0, oneSeconds = 0;
    const std::vector<double> two = schedulerGaps(root, trials, 2, twoSeconds);
    const std::vector<double> one = schedulerGaps(root, trials, 1, oneSeconds);
    if (two.empty() || one.empty()) return 1;

    const QString reference = root + QStringLiteral("/reference");
    const QString referenceMarks = root + QStringLiteral("/marks-reference");
    if (!writeTrials(reference, trials, referenceMarks)) return 1;
    QProcess loop;
    loop.start(QStringLiteral("/bin/sh"),
               {QStringLiteral("-c"),
                QStringLiteral("for f in \"$1\"/*.sh; do TB_SWEEP_SLOT=0 sh \"$f\"; done"),
                QStringLiteral("sh"), reference});
    loop.waitForFinished(600000);
    const std::vector<double> ref = slotGaps(referenceMarks);
    if (ref.size() + 1 != size_t(trials)) {
        std::fprintf(stderr, "reference marks missing: %zu gaps\n", ref.size());
        return 1;
    }
    const auto p50 = [](const std::vector<double>& gaps) { return percentile(gaps, 0.5); };
    const auto p99 = [](const std::vector<double>& gaps) { return percentile(gaps, 0.99); };
    std::printf(
        "slot freed -> next trial started, %d trials on 2 slots (%.1f s in all): p50 %.1f ms, "
        "p99 %.1f ms, max %.1f ms; on 1 slot (%.1f s): p50 %.1f ms, p99 %.1f ms\n",
        trials, twoSeconds, p50(two), p99(two), two.back(), oneSeconds, p50(one), p99(one));
    std::printf(
        "  reference, the same trials from a plain sh loop: p50 %.1f ms, p99 %.1f ms; ratio "
        "2 slots p50 %.1fx p99 %.1fx, 1 slot p50 %.1fx p99 %.1fx; 2-slot p99 is %.1f%% of the "
        "1 s goal\n",
        p50(ref), p99(ref), p50(two) / p50(ref), p99(two) / p99(ref), p50(one) / p50(ref),
        p99(one) / p99(ref), p99(two) / 10.0);
    return 0;
}

// CPU of the scheduler waiting on one long trial, and of the plain poller beside it.
bool measureIdle(qint64 schedulerPid, int seconds, double& schedulerPct, double& pollerPct) {
    QProcess poller;
    poller.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"), QStringLiteral("while :; do sleep 0.25; done")});
    poller.waitForStarted();
    const qint64 schedulerBefore = cpuTicks(schedulerPid);
    const qint64 pollerBefore = cpuTicks(poller.processId());
    QElapsedTimer timer;
    timer.start();
    QThread::sleep(seconds);
    const qint64 schedulerAfter = cpuTicks(schedulerPid);
    const qint64 pollerAfter = cpuTicks(poller.processId());
    const double wall = timer.elapsed() / 1000.0;
    poller.kill();
    poller.waitForFinished();
    const double hz = double(sysconf(_SC_CLK_TCK));
    schedulerPct = (schedulerAfter - schedulerBefore) / hz / wall * 100;
    pollerPct = (pollerAfter - pollerBefore) / hz / wall * 100;
    return schedulerBefore >= 0 && schedulerAfter >= 0;
}

int benchIdle(const QString& root, int seconds) {
    const QString sweep = root + QStringLiteral("/.sweeps/idle");
    QDir().mkpath(sweep + QStringLiteral("/queue"));
    if (!writeFile(sweep + QStringLiteral("/slots"), "0\n") ||
        !writeFile(sweep + QStringLiteral("/queue/000001.sh"),
                   "#!/bin/sh\n# tb-run-dir: /nonexistent/idle\nexec sleep 3600\n")) {
        return 1;
    }
    const QString log = sweep + QStringLiteral("/scheduler.log");
    QObject owner;  // the schedulers, killed if still running when this returns
    // Whatever happens, the trial's `sleep 3600` does not outlive the bench.
    const auto stopTrial = qScopeGuard([&] {
        const qint64 group =
            readFile(sweep + QStringLiteral("/running/000001.pid")).trimmed().toLongLong();
        if (group > 1) ::kill(-pid_t(group), SIGKILL);
    });
    QProcess* scheduler = startScheduler(sweep, &owner);
    if (!waitFor([&] { return readFile(log).contains("started 000001"); }, 30000)) return 1;
    double own = 0, ownPoller = 0;
    if (!measureIdle(scheduler->processId(), seconds, own, ownPoller)) return 1;

    // Killed and restarted, the scheduler adopts the trial it is no longer the parent of.
    scheduler->kill();
    scheduler->waitForFinished();
    scheduler = startScheduler(sweep, &owner);
    if (!waitFor([&] { return readFile(log).contains("adopted 000001"); }, 30000)) return 1;
    double adopted = 0, adoptedPoller = 0;
    if (!measureIdle(scheduler->processId(), seconds, adopted, adoptedPoller)) return 1;
    writeFile(sweep + QStringLiteral("/cancel/all"), {});
    scheduler->waitForFinished(60000);

    std::printf(
        "scheduler CPU waiting on a running trial, %d s: %.3f%% of a core as its parent, "
        "%.3f%% adopting it after a restart (goal < 0.5%%)\n",
        seconds, own, adopted);
    std::printf(
        "  reference, `while :; do sleep 0.25; done` in sh alongside: %.3f%% and %.3f%%; ratio "
        "%.2fx and %.2fx (clock tick %.0f ms)\n",
        ownPoller, adoptedPoller, ownPoller > 0 ? own / ownPoller : 0.0,
        adoptedPoller > 0 ? adopted / adoptedPoller : 0.0, 1000.0 / sysconf(_SC_CLK_TCK));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    g_binDir = QCoreApplication::applicationDirPath();
    const int trials = argc > 1 ? std::max(10, atoi(argv[1])) : 200;
    const int seconds = argc > 2 ? std::max(1, atoi(argv[2])) : 10;
    if (!QFile::exists(g_binDir + "/tb-sweep.sh") ||
        !QFile::exists(g_binDir + "/bench_sweep_mark")) {
        std::fprintf(stderr, "tb-sweep.sh and bench_sweep_mark must be in %s\n",
                     qPrintable(g_binDir));
        return 2;
    }
    QTemporaryDir root;
    if (!root.isValid()) return 2;
    if (const int failed = benchLatency(root.path(), trials)) return failed;
    if (benchIdle(root.path(), seconds) != 0) {
        std::fprintf(stderr, "the idle measurement failed\n");
        return 1;
    }
    return 0;
}
