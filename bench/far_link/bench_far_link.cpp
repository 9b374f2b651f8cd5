// bench_far_link: a large file up and down through latency_relay (a far link: each direction
// delayed), Trainbench vs OpenSSH's sftp and scp through the same relay, in one run.
// Usage: bench_far_link [FILE-MB=64] [ONE-WAY-MS=50,150] [REPEATS=1]; best of REPEATS each.

#include "bench/transfer/openssh_reference.h"
#include "bench/transfer/transfer_timing.h"
#include "tests/remote/sshd_fixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace tb;
using namespace tb::bench;

namespace {

struct Figures {
    Timing up, down, downOther;
    double sftpPut = 1e30, sftpGet = 1e30, scpUp = 1e30, scpDown = 1e30;
};

void print(int oneWayMs, qint64 bytes, const Figures& f) {
    const double mb = bytes / 1e6;
    std::printf(
        "far link %d ms each way (%d ms RTT), %.0f MB upload: trainbench %s %.2f s (%.1f MB/s) | "
        "sftp put %.2f s (%.1f MB/s) | scp %.2f s (%.1f MB/s) | ratio %.2fx sftp, %.2fx scp "
        "(goal >= 0.9x)\n",
        oneWayMs, 2 * oneWayMs, mb, qPrintable(f.up.method), f.up.total, mbps(bytes, f.up.total),
        f.sftpPut, mbps(bytes, f.sftpPut), f.scpUp, mbps(bytes, f.scpUp), f.sftpPut / f.up.total,
        f.scpUp / f.up.total);
    std::printf(
        "far link %d ms each way (%d ms RTT), %.0f MB download: trainbench %s %.2f s (%.1f MB/s) "
        "| sftp get %.2f s (%.1f MB/s) | scp %.2f s (%.1f MB/s) | ratio %.2fx sftp, %.2fx scp "
        "(goal >= 0.9x)\n",
        oneWayMs, 2 * oneWayMs, mb, qPrintable(f.down.method), f.down.total,
        mbps(bytes, f.down.total), f.sftpGet, mbps(bytes, f.sftpGet), f.scpDown,
        mbps(bytes, f.scpDown), f.sftpGet / f.down.total, f.scpDown / f.down.total);
    std::printf(
        "far link %d ms each way, %.0f MB download by the other method (%s): %.2f s "
        "(%.1f MB/s), %.2fx scp\n",
        oneWayMs, mb, qPrintable(f.downOther.method), f.downOther.total,
        mbps(bytes, f.downOther.total), f.scpDown / f.downOther.total);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const qint64 fileBytes = (argc > 1 ? QByteArray(argv[1]).toLongLong() : 64) << 20;
    const QByteArrayList delays = QByteArray(argc > 2 ? argv[2] : "50,150").split(',');
    const int repeats = argc > 3 ? QByteArray(argv[3]).toInt() : 1;
    qunsetenv("SSH_AUTH_SOCK");
    test::SshdFixture sshd;
    if (const QString why = sshd.start(); !why.isEmpty()) {
        std::printf("far link: skipped, no local sshd: %s\n", qPrintable(why));
        return 0;
    }
    // On disk, not in a tmpfs /tmp, so both sides write where a dataset would go.
    QTemporaryDir dir(QDir::homePath() + QStringLiteral("/.tb-bench-far-link-XXXXXX"));
    const auto at = [&](const QString& name) { return dir.filePath(name); };
    QString user = QString::fromLocal8Bit(qgetenv("USER"));
    if (user.isEmpty()) user = QStringLiteral("root");
    const QString big = at(QStringLiteral("big.bin"));
    writeRandom(big, fileBytes, 1);
    const QString up = at(QStringLiteral("up.bin"));
    const QString down = at(QStringLiteral("down.bin"));

    // What `trainbench upload` / `download` send: the default request.
    const TransferRequest upload{TransferDirection::Upload, big, up};
    const TransferRequest download{TransferDirection::Download, down, big};
    TransferRequest downloadOther = download;
    downloadOther.fileDownload = download.fileDownload == FileDownloadMethod::Sftp
                                     ? FileDownloadMethod::Stream
                                     : FileDownloadMethod::Sftp;
    for (const QByteArray& delay : delays) {
        const int oneWayMs = delay.toInt();
        const int port = test::freeLocalPort();
        const auto relay = startLatencyRelay(port, sshd.port(), oneWayMs);
        if (!relay) return 1;
        const SshTarget target{QStringLiteral("127.0.0.1"),      port, user, sshd.userKeyFile(), {},
                               at(QStringLiteral("known_hosts"))};
        SshSessionOptions sessionOptions;
        sessionOptions.useAgent = false;
        sessionOptions.processSshConfig = false;
        SshSessionThread thread(target, QStringLiteral("bench"), sessionOptions);
        if (!connectSession(thread, sshd.hostKeyFingerprint())) return 1;
        const OpenSshReference openssh(port, user, sshd.userKeyFile(), dir.path());
        Figures f;
        for (int i = 0; i < repeats; ++i) {
            keepBest(f.up, thread, upload, up);
            keepBestTool(f.sftpPut, up, [&] { return openssh.sftpPut(big, up); });
            keepBestTool(f.scpUp, up,
                         [&] { return openssh.scp(big, openssh.remote(up), false, false); });
            keepBest(f.down, thread, download, down);
            keepBest(f.downOther, thread, downloadOther, down);
            keepBestTool(f.sftpGet, down, [&] { return openssh.sftpGet(big, down); });
            keepBestTool(f.scpDown, down,
                         [&] { return openssh.scp(openssh.remote(big), down, false, false); });
        }
        removePath(up);
        removePath(down);
        print(oneWayMs, fileBytes, f);
        thread.disconnectFromHost();
        relay->kill();
        relay->waitForFinished();
    }
    return 0;
}
