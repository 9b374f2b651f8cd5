// bench_remote_gpu: the box's GPU readings over a local sshd. A fake nvidia-smi (bash, builtins
// only but for one `sleep` a round) prints an eight-GPU round every 200 ms whose GPU name carries
// the time it was printed; how long until each round reaches RemoteGpuMonitor's sampled(), and
// how much CPU the box spends below the listening sshd — against the reference, OpenSSH's own
// client running the same fake over one channel. Then the connection is cut three times: time
// from the cut to the next round over the new connection.
//
// usage: bench_remote_gpu [SECONDS per phase, default 10]

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "bench/remote_follow/bench_ssh.h"
#include "bench/remote_follow/box_cpu.h"
#include "remote/hosts/remote_gpu_monitor.h"
#include "remote/ssh/host_connection.h"
#include "tests/remote/ssh_test_support.h"

using namespace tb;
using namespace tb::bench;

namespace {

// Round of eight GPUs every 200 ms; the name field is "t<ms since the epoch>".
const char kFake[] = R"sh(#!/bin/bash
while :; do
    t=${EPOCHREALTIME/./}
    for i in 0 1 2 3 4 5 6 7; do
        printf '%d, t%s, 97, 71234, 81920, 64, 387.21\n' "$i" "${t:0:13}"
    done
    sleep 0.2
done
)sh";

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

struct Phase {
    std::vector<double> latencies;  // ms from printed on the box to received here
    double cpuShare = 0;            // of one core, on the box
};

void report(const char* name, const Phase& phase) {
    std::printf("%-30s rounds %4zu  p50 %5.1f ms  p99 %5.1f ms  box CPU %5.2f%% of a core\n", name,
                phase.latencies.size(), percentile(phase.latencies, 0.5),
                percentile(phase.latencies, 0.99), phase.cpuShare * 100.0);
}

// False, and says what did not happen, when `done` is still false after `ms`.
template <typename Done>
bool waitFor(Done done, int ms, const char* what) {
    if (QTest::qWaitFor(done, ms)) return true;
    std::fprintf(stderr, "gave up waiting: %s\n", what);
    return false;
}

qint64 printedAt(const QString& name) {
    return name.startsWith(QLatin1Char('t')) ? name.mid(1).toLongLong() : 0;
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
    const QString fake = tmp.filePath(QStringLiteral("nvidia-smi"));
    QFile script(fake);
    if (!script.open(QIODevice::WriteOnly)) return 1;
    script.write(kFake);
    script.close();
    script.setPermissions(script.permissions() | QFile::ExeOwner);
    const QString knownHosts = tmp.filePath(QStringLiteral("known_hosts"));

    HostConnectionOptions options;
    options.session = test::testOptions();
    HostConnection connection(test::keyTarget(sshd, knownHosts), QStringLiteral("box"), options);
    connection.acceptHostKey(sshd.hostKeyFingerprint());
    if (!QTest::qWaitFor([&] { return connection.state() == ConnectionState::Connected; }, 30000)) {
        std::fprintf(stderr, "could not connect: %s\n", qPrintable(connection.message()));
        return 1;
    }

    Phase monitored;
    bool measuring = false;
    int rounds = 0;
    RemoteGpuMonitor monitor(&connection);
    monitor.setNvidiaSmiProgram(fake);
    QObject::connect(&monitor, &GpuSource::sampled, [&](const QList<GpuSample>& gpus) {
        ++rounds;
        if (measuring && gpus.size() == 8)
            monitored.latencies.push_back(double(nowMs() - printedAt(gpus.first().name)));
    });
    const qint64 started = nowMs();
    monitor.start();
    if (!waitFor([&] { return rounds >= 2; }, 30000, "the first rounds")) return 1;
    const qint64 firstRoundsMs = nowMs() - started;
    measuring = true;
    monitored.cpuShare = measureBoxCpu(listener, seconds);
    measuring = false;

    std::vector<double> recoveries;
    for (int cut = 0; cut < 3; ++cut) {
        for (qint64 pid : descendantsNamed(listener, "sshd")) ::kill(pid_t(pid), SIGKILL);
        const qint64 cutAt = nowMs();
        if (!waitFor([&] { return monitor.mode() == GpuSource::Mode::Waiting; }, 10000,
                     "the cut to be noticed"))
            return 1;
        const int before = rounds;
        if (!waitFor([&] { return rounds > before; }, 60000, "a round after the cut")) return 1;
        recoveries.push_back(double(nowMs() - cutAt));
        QTest::qWait(500);
    }
    monitor.stop();

    Phase streamed;
    QProcess ssh;
    ssh.start(QStringLiteral("ssh"), opensshArguments(sshd, knownHosts, fake));
    GpuSampleParser parser;
    QObject::connect(&ssh, &QProcess::readyReadStandardOutput, [&] {
        for (const GpuSample& s : parser.feed(ssh.readAllStandardOutput()))
            if (measuring && s.index == 7)  // a round is complete with its last GPU
                streamed.latencies.push_back(double(nowMs() - printedAt(s.name)));
    });
    QTest::qWait(3000);
    measuring = true;
    streamed.cpuShare = measureBoxCpu(listener, seconds);
    measuring = false;
    ssh.kill();
    ssh.waitForFinished();

    std::printf("box GPU readings over loopback sshd, 8 GPUs every 200 ms, %d s per phase\n",
                seconds);
    std::printf("start to the second round (connect already done): %lld ms\n",
                static_cast<long long>(firstRoundsMs));
    report("RemoteGpuMonitor stream", monitored);
    report("ssh HOST nvidia-smi (reference)", streamed);
    std::sort(recoveries.begin(), recoveries.end());
    std::printf(
        "reconnect after a cut to the next round: %.0f / %.0f / %.0f ms; streams opened %d\n",
        recoveries[0], recoveries[1], recoveries[2], monitor.streamsOpened());
    std::printf("p99 ratio monitor/reference %.2fx; box CPU ratio %.2fx\n",
                percentile(monitored.latencies, 0.99) / percentile(streamed.latencies, 0.99),
                monitored.cpuShare / streamed.cpuShare);
    return 0;
}
