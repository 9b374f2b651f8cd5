// bench_slurm_submit: from "submit" to "running" on a real one-node Slurm cluster (munged,
// slurmctld, slurmd started here as the tests do). Ours: RemoteBackend::launch through a local
// sshd (claim the run folder, write the run files and the job script, sbatch) until status.json
// says running (the wrapper has started the trainer on the node). Reference: a bare `sbatch
// --wrap` of a job that writes a file as it starts, until that file exists. Rounds alternate,
// each waits for its job to end; medians and the ratio are printed.
//
// usage: bench_slurm_submit [ROUNDS, default 5]

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include "remote/runs/remote_backend.h"
#include "remote/ssh/host_connection.h"
#include "tests/remote/slurm_fixture.h"
#include "tests/remote/ssh_test_support.h"
#include "tests/support/run_test_support.h"

using namespace tb;
using namespace tb::test;

namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? -1 : values[values.size() / 2];
}

QString stateIn(const QString& dir) {
    QFile file(dir + QStringLiteral("/status.json"));
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object().value("state").toString();
}

// Polls every 10 ms for up to two minutes; the milliseconds it took, or -1.
template <typename Done>
double waitMs(const QElapsedTimer& since, Done done) {
    while (since.elapsed() < 120000) {
        if (done()) return double(since.nsecsElapsed()) / 1e6;
        QTest::qWait(10);
    }
    return -1;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, atoi(argv[1])) : 5;
    SlurmFixture slurm;
    if (const QString error = slurm.start(); !error.isEmpty()) {
        std::fprintf(stderr, "bench_slurm_submit: %s\n", qPrintable(error));
        return 1;
    }
    SshdFixture sshd;
    sshd.setSessionEnvironment({slurm.environment()});
    if (const QString error = sshd.start(); !error.isEmpty()) {
        std::fprintf(stderr, "bench_slurm_submit: no sshd: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir tmp;
    HostConnectionOptions options;
    options.session = testOptions();
    HostConnection connection(keyTarget(sshd, tmp.filePath(QStringLiteral("known_hosts"))),
                              QStringLiteral("login"), options);
    connection.acceptHostKey(sshd.hostKeyFingerprint());
    QElapsedTimer connecting;
    connecting.start();
    if (waitMs(connecting, [&] { return connection.state() == ConnectionState::Connected; }) < 0) {
        std::fprintf(stderr, "bench_slurm_submit: cannot connect to the local sshd\n");
        return 1;
    }
    const QString runs = tmp.filePath(QStringLiteral("runs"));
    auto backend = testBackend(&connection, QStringLiteral("login"), runs,
                               *parseSlurmOptions(QStringLiteral("cpus=1")));
    // The same host, runs started without Slurm.
    auto directBackend = testBackend(&connection, QStringLiteral("login"), runs);

    std::vector<double> ours;
    std::vector<double> bare;
    std::vector<double> oursSubmit;  // until the call returned with the job submitted
    std::vector<double> bareSubmit;
    std::vector<double> directSubmit;  // a launch on the same host without Slurm
    for (int round = 0; round < rounds; ++round) {
        const QString marker = tmp.filePath(QStringLiteral("started-%1").arg(round));
        QElapsedTimer since;
        since.start();
        const auto job =
            slurm.client(QStringLiteral("sbatch"),
                         {QStringLiteral("--parsable"), QStringLiteral("--cpus-per-task=1"),
                          QStringLiteral("--output=/dev/null"),
                          QStringLiteral("--wrap=touch '%1'; sleep 1").arg(marker)});
        bareSubmit.push_back(double(since.nsecsElapsed()) / 1e6);
        bare.push_back(waitMs(since, [&] { return QFile::exists(marker); }));
        LaunchRequest request;
        request.configPath = demoConfig();
        request.sets = quickSets();
        since.restart();
        const auto id = backend->launch(request);
        oursSubmit.push_back(double(since.nsecsElapsed()) / 1e6);
        if (!id.ok()) {
            std::fprintf(stderr, "bench_slurm_submit: %s\n", id.error().c_str());
            return 1;
        }
        const QString dir = backend->runDir(*id);
        ours.push_back(waitMs(since, [&] {
            const QString state = stateIn(dir);
            return state == QLatin1String("running") || state == QLatin1String("finished");
        }));
        since.restart();
        const auto directId = directBackend->launch(request);
        directSubmit.push_back(double(since.nsecsElapsed()) / 1e6);
        if (directId.ok()) {
            const QString directDir = directBackend->runDir(*directId);
            (void)waitMs(since, [&] { return stateIn(directDir) == QLatin1String("finished"); });
        }
        // Both jobs end before the next round.
        const QString bareJob = job.value_or(QString()).trimmed();
        (void)waitMs(since, [&] {
            const QString state = stateIn(dir);
            return (state == QLatin1String("finished") || state == QLatin1String("failed")) &&
                   !slurm.jobState(bareJob).startsWith(QLatin1String("RUNNING"));
        });
        std::printf(
            "round %d: submitted in %.0f / %.0f ms, running after %.0f / %.0f ms "
            "(bare sbatch / trainbench)\n",
            round + 1, bareSubmit.back(), oursSubmit.back(), bare.back(), ours.back());
    }
    std::printf(
        "submitted, median of %d: bare sbatch %.0f ms, trainbench launch %.0f ms (%.2fx); "
        "the same launch without Slurm %.0f ms: the difference is two SSH exec round "
        "trips (claim the folder, write and start), not Slurm\n",
        rounds, median(bareSubmit), median(oursSubmit), median(oursSubmit) / median(bareSubmit),
        median(directSubmit));
    const double oursMs = median(ours);
    const double bareMs = median(bare);
    std::printf(
        "submission to running, median of %d: bare sbatch %.0f ms, trainbench run %.0f ms "
        "(%.2fx, %.0f ms more; Slurm starts jobs on its scheduler's passes, so this moves in "
        "steps)\n",
        rounds, bareMs, oursMs, oursMs / bareMs, oursMs - bareMs);
    return 0;
}
