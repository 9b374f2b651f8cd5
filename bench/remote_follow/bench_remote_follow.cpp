// bench_remote_follow: a run on "the box" (this machine through a local sshd) appends a metrics
// line every 20 ms; how long until each line reaches the app's store, and how much CPU the box
// spends serving that — RemoteFollower's long-lived streams (`tail -c +N -F` of metrics and log,
// a status watcher) against the reference, OpenSSH's own client streaming `tail -n 0 -F` over
// one channel. Then the connection is cut three times: time from the cut to the next line in
// the store. The box's CPU is everything below the listening sshd (sshd, tail, the watcher).
// The exec round trip is printed to show what one poll per interval used to cost.
//
// usage: bench_remote_follow [SECONDS per phase, default 10]

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include "bench_ssh.h"
#include "box_cpu.h"
#include "core/metrics/run_metrics.h"
#include "remote/runs/remote_backend.h"
#include "remote/runs/remote_follow.h"
#include "remote/ssh/host_connection.h"
#include "tests/remote/ssh_test_support.h"

using namespace tb;
using namespace tb::bench;

namespace {

double now() {
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

// Appends {"step":N,"time":T} lines, T the wall time of the append.
class LineWriter : public QObject {
public:
    explicit LineWriter(QString path) : m_path(std::move(path)) {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            QFile file(m_path);
            if (!file.open(QIODevice::Append)) return;
            file.write(QStringLiteral("{\"step\":%1,\"time\":%2}\n")
                           .arg(++m_step)
                           .arg(now(), 0, 'f', 3)
                           .toUtf8());
        });
    }
    void start() { m_timer.start(20); }
    void stop() { m_timer.stop(); }
    qint64 nextStep() const { return m_step + 1; }

private:
    QString m_path;
    QTimer m_timer;
    qint64 m_step = 0;
};

// Latency in ms of every complete line in `bytes` from step `fromStep` on, received now.
void addLatencies(const QByteArray& bytes, qint64 fromStep, std::vector<double>& into) {
    const double received = now();
    for (const QByteArray& line : bytes.split('\n')) {
        const qsizetype step = line.indexOf("\"step\":"), time = line.indexOf("\"time\":");
        if (step < 0 || time < 0) continue;
        if (line.mid(step + 7, time - step - 8).toLongLong() < fromStep) continue;
        into.push_back((received - line.mid(time + 7).chopped(1).toDouble()) * 1000.0);
    }
}

struct Phase {
    std::vector<double> latencies;
    double cpuShare = 0;  // of one core, on the box
};

void report(const char* name, const Phase& phase) {
    std::printf("%-28s lines %5zu  p50 %6.1f ms  p99 %6.1f ms  box CPU %5.2f%% of a core\n", name,
                phase.latencies.size(), percentile(phase.latencies, 0.5),
                percentile(phase.latencies, 0.99), phase.cpuShare * 100.0);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? QByteArray(argv[1]).toInt() : 10;
    qunsetenv("SSH_AUTH_SOCK");
    test::SshdFixture sshd;
    const qint64 listener = startSshd(sshd);
    if (listener == 0) return 1;
    QTemporaryDir tmp;
    const QString knownHosts = tmp.filePath(QStringLiteral("known_hosts"));
    const QString runId = QStringLiteral("20260101-000000-bench");
    const QString dir = tmp.filePath(QStringLiteral("runs/") + runId);
    QDir().mkpath(dir);
    QFile status(dir + QStringLiteral("/status.json"));
    status.open(QIODevice::WriteOnly);
    status.write(QStringLiteral("{\"state\":\"running\",\"pid\":%1}\n")
                     .arg(QCoreApplication::applicationPid())
                     .toUtf8());
    status.close();
    const QString metrics = dir + QStringLiteral("/metrics.jsonl");
    QFile(metrics).open(QIODevice::WriteOnly);
    LineWriter writer(metrics);
    writer.start();

    HostConnectionOptions options;
    options.session = test::testOptions();
    HostConnection connection(test::keyTarget(sshd, knownHosts), QStringLiteral("box"), options);
    connection.acceptHostKey(sshd.hostKeyFingerprint());
    if (!QTest::qWaitFor([&] { return connection.state() == ConnectionState::Connected; }, 30000)) {
        std::fprintf(stderr, "could not connect: %s\n", qPrintable(connection.message()));
        return 1;
    }
    RemoteHostSettings settings;
    settings.name = QStringLiteral("box");
    settings.runsRoot = tmp.filePath(QStringLiteral("runs"));
    RemoteBackend backend(&connection, settings);

    // What one exec-based poll costs at least: a round trip of a command that does nothing.
    std::vector<double> roundTrips;
    for (int i = 0; i < 20; ++i) {
        const double start = now();
        bool done = false;
        backend.execAsync(RemoteCommand(QStringLiteral("true")),
                          [&](const ExecResult&) { done = true; });
        QTest::qWaitFor([&] { return done; }, 30000);
        roundTrips.push_back((now() - start) * 1000.0);
    }

    Phase followed;
    qint64 fromStep = 0;
    bool measuring = false;  // only lines that arrive inside a measured window count
    int interruptions = 0;
    std::unique_ptr<RunMetrics> runMetrics(RunMetrics::fed());
    const SeriesStore& store = runMetrics->store();
    RemoteFollower follower(&backend, runId, runMetrics.get());
    QObject::connect(&follower, &RemoteFollower::metricsLines, [&](const QByteArray& lines) {
        if (measuring) addLatencies(lines, fromStep, followed.latencies);
    });
    QObject::connect(&follower, &RemoteFollower::interrupted, [&] { ++interruptions; });
    follower.start();
    QTest::qWait(2000);  // caught up with the lines written while connecting
    fromStep = writer.nextStep();
    measuring = true;
    const int interruptedBefore = interruptions;
    followed.cpuShare = measureBoxCpu(listener, seconds);
    const int interruptedWhileMeasuring = interruptions - interruptedBefore;
    measuring = false;

    // Cut the connection three times; each time, how long until a new line arrives.
    std::vector<double> recoveries;
    for (int cut = 0; cut < 3; ++cut) {
        for (qint64 pid : descendantsNamed(listener, "sshd")) ::kill(pid_t(pid), SIGKILL);
        const double cutAt = now();
        // Counted from the cut to the first line that came over the new connection.
        QTest::qWaitFor([&] { return connection.state() != ConnectionState::Connected; }, 10000);
        const std::size_t before = store.recordCount();
        QTest::qWaitFor([&] { return store.recordCount() > before; }, 60000);
        recoveries.push_back((now() - cutAt) * 1000.0);
        QTest::qWait(500);
    }
    follower.stop();

    Phase streamed;
    QProcess ssh;
    ssh.start(
        QStringLiteral("ssh"),
        opensshArguments(sshd, knownHosts, QStringLiteral("tail -n 0 -F ") + shellQuote(metrics)));
    QByteArray pending;
    QObject::connect(&ssh, &QProcess::readyReadStandardOutput, [&] {
        pending += ssh.readAllStandardOutput();
        const qsizetype end = pending.lastIndexOf('\n') + 1;
        if (measuring) addLatencies(pending.left(end), fromStep, streamed.latencies);
        pending.remove(0, end);
    });
    QTest::qWait(3000);  // connected and past the lines already in the file
    fromStep = writer.nextStep();
    measuring = true;
    streamed.cpuShare = measureBoxCpu(listener, seconds);
    measuring = false;
    ssh.kill();
    ssh.waitForFinished();

    std::printf("remote follow over loopback sshd, a line every 20 ms, %d s per phase\n", seconds);
    std::printf("exec round trip of `true` (a poll's floor): p50 %.1f ms, max %.1f ms\n",
                percentile(roundTrips, 0.5), percentile(roundTrips, 1.0));
    std::printf("follower streams opened %d times (3 cuts), %d interruptions while measuring\n",
                follower.streamsOpened(), interruptedWhileMeasuring);
    report("RemoteFollower streams", followed);
    report("ssh tail -F (reference)", streamed);
    std::sort(recoveries.begin(), recoveries.end());
    std::printf("reconnect after a cut to the next line: %.0f / %.0f / %.0f ms (goal <= 5000)\n",
                recoveries[0], recoveries[1], recoveries[2]);
    std::printf(
        "p99 ratio follower/reference %.2fx (goal p99 <= 300 ms); CPU goal < 1%% of a "
        "core\n",
        percentile(followed.latencies, 0.99) / percentile(streamed.latencies, 0.99));
    return 0;
}
