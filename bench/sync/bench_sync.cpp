// bench_sync: the second sync of a 10 000-file code folder after one change, trainbench's sync
// vs `rsync -a --delete` over the same SSH link (loopback, then through latency_relay), in one
// run. Both open a fresh connection per sync; ours on an already connected session (the app's
// case) is printed too.
// Usage: bench_sync [FILES=10000] [REPEATS=3] [ONE-WAY-MS=0,50]; best of REPEATS each.

#include "../transfer/openssh_reference.h"
#include "../transfer/transfer_timing.h"
#include "remote/ssh/ssh_session_thread.h"
#include "remote/sync/folder_sync.h"
#include "remote/transfer/transfer_session.h"
#include "tests/remote/sshd_fixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace tb;
using namespace tb::bench;

namespace {

// `count` source files of 0..6 000 bytes (a code folder's size range), 100 a folder.
void writeCodeTree(const QString& root, int count) {
    for (int i = 0; i < count; ++i) {
        const QString folder = QStringLiteral("%1/pkg%2").arg(root).arg(i / 100);
        if (i % 100 == 0) QDir().mkpath(folder);
        writeRandom(QStringLiteral("%1/mod%2.py").arg(folder).arg(i), (i * 7919) % 6001, i);
    }
}

// One sync on a session that `connect` says is ready; seconds, or negative on failure.
double timedSync(SshSessionThread& thread, const QString& local, const QString& remote) {
    TransferRequest request;
    request.localPath = local;
    request.remotePath = remote;
    QElapsedTimer clock;
    clock.start();
    const TransferResult result = awaitTransfer(thread, request, {}, &runSyncConfirmed);
    if (!result.ok()) {
        std::fprintf(stderr, "sync failed: %s\n", qPrintable(result.message));
        return -1;
    }
    return clock.nsecsElapsed() / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int files = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    const int repeats = argc > 2 ? QByteArray(argv[2]).toInt() : 3;
    const QList<QByteArray> delays = QByteArray(argc > 3 ? argv[3] : "0,50").split(',');
    qunsetenv("SSH_AUTH_SOCK");
    QTemporaryDir dir(QDir::homePath() + QStringLiteral("/.tb-bench-sync-XXXXXX"));
    const auto at = [&](const QString& name) { return dir.filePath(name); };
    qputenv("XDG_CACHE_HOME", at(QStringLiteral("cache")).toUtf8());
    test::SshdFixture sshd;
    if (const QString why = sshd.start(); !why.isEmpty()) {
        std::printf("sync: skipped, no local sshd: %s\n", qPrintable(why));
        return 0;
    }
    QString user = QString::fromLocal8Bit(qgetenv("USER"));
    if (user.isEmpty()) user = QStringLiteral("root");
    const QString source = at(QStringLiteral("code"));
    writeCodeTree(source, files);
    SshSessionOptions sessionOptions;
    sessionOptions.useAgent = false;
    sessionOptions.processSshConfig = false;
    for (const QByteArray& delay : delays) {
        const int oneWayMs = delay.toInt();
        int port = sshd.port();
        std::unique_ptr<QProcess> relay;
        if (oneWayMs > 0) {
            port = test::freeLocalPort();
            relay = startLatencyRelay(port, sshd.port(), oneWayMs);
            if (!relay) return 1;
        }
        const SshTarget target{QStringLiteral("127.0.0.1"),      port, user, sshd.userKeyFile(), {},
                               at(QStringLiteral("known_hosts"))};
        const OpenSshReference openssh(port, user, sshd.userKeyFile(), dir.path());
        const QString ours = at(QStringLiteral("ours%1").arg(oneWayMs));
        const QString theirs = at(QStringLiteral("rsync%1").arg(oneWayMs));
        SshSessionThread kept(target, QStringLiteral("bench"), sessionOptions);
        if (!connectSession(kept, sshd.hostKeyFingerprint())) return 1;
        // The first syncs send everything; not timed.
        if (timedSync(kept, source, ours) < 0 || openssh.rsync(source, openssh.remote(theirs)) < 0)
            return 1;
        double fresh = 1e30, connected = 1e30, rsync = 1e30;
        for (int i = 0; i < repeats * 2; ++i) {
            const QString changed = QStringLiteral("%1/pkg%2/mod%3.py")
                                        .arg(source)
                                        .arg((i * 37 % files) / 100)
                                        .arg(i * 37 % files);
            writeRandom(changed, 3000 + i, 1000 + i);
            if (i % 2 == 0) {  // fresh connection: connect, sync, close — as rsync does
                QElapsedTimer clock;
                clock.start();
                SshSessionThread thread(target, QStringLiteral("bench"), sessionOptions);
                if (!connectSession(thread, sshd.hostKeyFingerprint()) ||
                    timedSync(thread, source, ours) < 0)
                    return 1;
                thread.disconnectFromHost();
                fresh = qMin(fresh, clock.nsecsElapsed() / 1e9);
            } else {
                const double seconds = timedSync(kept, source, ours);
                if (seconds < 0) return 1;
                connected = qMin(connected, seconds);
            }
            const double seconds = openssh.rsync(source, openssh.remote(theirs));
            if (seconds < 0) return 1;
            rsync = qMin(rsync, seconds);
        }
        std::printf(
            "sync %d files, one changed, %d ms RTT: trainbench %.3f s with its connect "
            "(%.3f s on a connected session) | rsync -a --delete %.3f s | ratio %.2fx rsync "
            "(goal <= 1.2x)\n",
            files, 2 * oneWayMs, fresh, connected, rsync, fresh / rsync);
        std::fflush(stdout);
        if (relay) {
            relay->kill();
            relay->waitForFinished();
        }
    }
    return 0;
}
