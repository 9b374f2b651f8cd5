// Shared pieces of the SSH benchmarks.
#include "bench_ssh.h"

#include <QDateTime>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstdio>

#include "box_cpu.h"
#include "tests/remote/ssh_test_support.h"

namespace tb::bench {

qint64 startSshd(test::SshdFixture& sshd) {
    if (const QString error = sshd.start(); !error.isEmpty()) {
        std::fprintf(stderr, "no local sshd: %s\n", qPrintable(error));
        return 0;
    }
    QFile pidFile(sshd.path(QStringLiteral("sshd.pid")));
    const bool written = QTest::qWaitFor([&] { return pidFile.open(QIODevice::ReadOnly); }, 10000);
    const qint64 listener = written ? pidFile.readAll().trimmed().toLongLong() : 0;
    if (listener <= 1) {
        std::fprintf(stderr, "sshd wrote no pid file\n");
        return 0;
    }
    return listener;
}

QStringList opensshArguments(const test::SshdFixture& sshd, const QString& knownHosts,
                             const QString& remoteCommand) {
    return {QStringLiteral("-p"),
            QString::number(sshd.port()),
            QStringLiteral("-i"),
            sshd.userKeyFile(),
            QStringLiteral("-o"),
            QStringLiteral("BatchMode=yes"),
            QStringLiteral("-o"),
            QStringLiteral("UserKnownHostsFile=") + knownHosts,
            QStringLiteral("-o"),
            QStringLiteral("StrictHostKeyChecking=yes"),
            test::keyTarget(sshd, knownHosts).user + QStringLiteral("@127.0.0.1"),
            remoteCommand};
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return -1;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size())))];
}

double measureBoxCpu(qint64 listener, int seconds) {
    const double cpu0 = descendantsCpuSeconds(listener);
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    QTest::qWait(seconds * 1000);
    const double elapsed = double(QDateTime::currentMSecsSinceEpoch() - t0) / 1000.0;
    return (descendantsCpuSeconds(listener) - cpu0) / elapsed;
}

}  // namespace tb::bench
