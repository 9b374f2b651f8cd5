// bench_live: GUI-thread CPU and written-to-plotted latency of 10 live runs, ChartPanel vs naive.
#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "core/metrics/run_metrics.h"
#include "latency_log.h"
#include "live_writers.h"
#include "naive_charts.h"
#include "panel_probe.h"
#include "ui/plot/chart_panel.h"

namespace {

struct Options {
    int seconds = 20;  // per approach, warm-up included
    int runs = 10;
    int linesPerSecond = 100;
    int pollMs = 0;       // 0: the pool's own default, as the app runs it
    int warmupMs = 2000;  // charts created, first layout; not measured
    int drainMs = 1500;   // after the writers stop: lets the last points reach the charts
};

struct PhaseResult {
    double cpuShare = 0;  // GUI-thread CPU seconds / wall seconds over the measured window
    double p50 = 0, p99 = 0, max = 0;
    std::size_t plotted = 0;
    std::size_t written = 0;  // lines written inside the window
    int charts = 0;
};

QStringList makeRuns(const QString& root, int count) {
    QStringList files;
    for (int r = 0; r < count; ++r) {
        const QString dir =
            QString("%1/20261122-1530%2-live-%3").arg(root).arg(r, 2, 10, QChar('0')).arg(r);
        QDir().mkpath(dir);
        QFile status(dir + "/status.json");
        if (status.open(QIODevice::WriteOnly)) status.write("{\"state\":\"running\"}\n");
        files.append(dir + "/metrics.jsonl");
        QFile metrics(files.last());
        if (!metrics.open(QIODevice::WriteOnly))
            qFatal("cannot create %s", qPrintable(files.last()));
    }
    return files;
}

std::size_t linesInWindow(const QStringList& files, const tb::LatencyLog& log) {
    std::size_t n = 0;
    for (const QString& path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) continue;
        for (const QByteArray& line : file.readAll().split('\n')) {
            if (line.isEmpty()) continue;
            if (log.inWindow(QJsonDocument::fromJson(line).object().value("time").toDouble())) ++n;
        }
    }
    return n;
}

// Runs one approach under the same load; `panel` chooses Trainbench's ChartPanel or the naive one.
PhaseResult runPhase(bool panel, const QString& root, const Options& options) {
    const QStringList files = makeRuns(root, options.runs);
    tb::LatencyLog log;
    tb::RunMetricsPool pool;
    std::unique_ptr<tb::PanelProbe> probe;  // outlives the charts it is connected to
    std::unique_ptr<QWidget> view;
    tb::NaiveCharts* naive = nullptr;
    if (panel) {
        if (options.pollMs > 0) pool.setPollInterval(options.pollMs);
        auto* charts = new tb::ChartPanel(&pool);
        QList<tb::ChartRun> runs;
        for (const QString& file : files) {
            const QString dir = QFileInfo(file).absolutePath();
            runs.append({QFileInfo(dir).fileName(), dir, QFileInfo(dir).fileName(), true});
        }
        charts->setRuns(runs);
        QList<tb::RunMetrics*> metrics;
        for (const tb::ChartRun& run : std::as_const(runs)) metrics.append(pool.find(run.id));
        probe = std::make_unique<tb::PanelProbe>(charts, metrics, &log);
        view.reset(charts);
    } else {
        naive = new tb::NaiveCharts(files, &log);
        view.reset(naive);
    }
    view->resize(1200, 800);
    view->show();
    QCoreApplication::processEvents();

    // A meter thread takes the window's ends on time even when the GUI thread is saturated
    // (the naive reference is): it reads the GUI thread's CPU clock from outside.
    const clockid_t guiCpu = tb::callingThreadCpuClock();
    tb::LiveWriters writers(files, options.linesPerSecond);
    PhaseResult result;
    QEventLoop loop;
    const auto start = std::chrono::steady_clock::now();
    writers.start();
    if (naive) naive->start(250);
    double cpu0 = 0, wall0 = 0, cpu1 = 0, wall1 = 0;
    std::thread meter([&] {
        std::this_thread::sleep_until(start + std::chrono::milliseconds(options.warmupMs));
        cpu0 = tb::cpuSeconds(guiCpu);
        wall0 = tb::wallNow();
        std::this_thread::sleep_until(start + std::chrono::seconds(options.seconds));
        cpu1 = tb::cpuSeconds(guiCpu);
        wall1 = tb::wallNow();
        writers.stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(options.drainMs));
        QMetaObject::invokeMethod(
            &loop, [&loop] { loop.quit(); }, Qt::QueuedConnection);
    });
    // Before the window opens: everything the probe sees from here on is counted.
    if (probe) QTimer::singleShot(options.warmupMs / 2, &loop, [&] { probe->attach(); });
    loop.exec();
    meter.join();
    result.cpuShare = (cpu1 - cpu0) / (wall1 - wall0);
    log.setWindow(wall0, wall1);

    result.p50 = log.percentileMs(50);
    result.p99 = log.percentileMs(99);
    result.max = log.percentileMs(100);
    result.plotted = log.count();
    result.written = linesInWindow(files, log);
    result.charts = probe ? probe->chartCount() : 4;
    return result;
}

void print(const char* name, const PhaseResult& r) {
    std::printf(
        "  %-44s GUI thread %5.1f%% of a core; written->plotted p50 %6.1f ms  p99 %6.1f ms"
        "  max %6.1f ms; %zu of %zu points plotted, %d charts\n",
        name, r.cpuShare * 100, r.p50, r.p99, r.max, r.plotted, r.written, r.charts);
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Options options;
    const QStringList args = app.arguments();
    if (args.size() > 1) options.seconds = std::max(5, args[1].toInt());
    if (args.size() > 2) options.pollMs = args[2].toInt();
    if (args.contains("--help")) {
        std::printf(
            "usage: bench_live [seconds per approach = 20] [poll ms = app default] "
            "[--ours-only]\n");
        return 0;
    }
    const bool oursOnly = args.contains("--ours-only");  // for profiling the panel alone
    QTemporaryDir root;
    if (!root.isValid()) return 1;
    const PhaseResult ours = runPhase(true, root.path() + "/trainbench", options);
    if (oursOnly) {
        print("trainbench ChartPanel", ours);
        return 0;
    }
    const PhaseResult naive = runPhase(false, root.path() + "/naive", options);

    tb::RunMetricsPool defaults;
    const int pollMs = options.pollMs > 0 ? options.pollMs : defaults.pollInterval();
    double load = 0;
    if (FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &load) != 1) load = 0;
        std::fclose(f);
    }
    std::printf(
        "live curves: %d runs x %d lines/s, %d s measured per approach (after %d ms "
        "warm-up), 1200x800 offscreen; %d CPUs, load average %.1f at the end\n",
        options.runs, options.linesPerSecond, options.seconds - options.warmupMs / 1000,
        options.warmupMs, QThread::idealThreadCount(), load);
    print(qPrintable(QString("trainbench ChartPanel (poll %1 ms, LOD, EMA)").arg(pollMs)), ours);
    print("naive (re-read + QJsonDocument, 250 ms tick)", naive);
    std::printf("  ratio naive/trainbench: GUI CPU %.1fx, p50 %.2fx, p99 %.2fx\n",
                naive.cpuShare / ours.cpuShare, naive.p50 / ours.p50, naive.p99 / ours.p99);
    std::printf("  goals: GUI <= 10%% of a core: %s; p99 <= 200 ms: %s\n",
                ours.cpuShare <= 0.10 ? "met" : "NOT met", ours.p99 <= 200 ? "met" : "NOT met");
    std::fflush(stdout);
    return 0;
}
