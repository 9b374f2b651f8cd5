// bench_transfer: Trainbench's transfers vs OpenSSH's sftp/scp over loopback, in one run.
// Usage: bench_transfer [FILE-MB=1024] [SMALL-FILES=10000] [REPEATS=2]; best of REPEATS each.

#include "openssh_reference.h"
#include "remote/ssh/ssh_session_thread.h"
#include "remote/transfer/transfer_session.h"
#include "tests/remote/sshd_fixture.h"
#include "transfer_timing.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace tb;
using namespace tb::bench;

namespace {

// `count` files of 0..40 000 random bytes (about 20 kB each, like small JPEGs), 100 a folder.
qint64 writeTree(const QString& root, int count) {
    QRandomGenerator random(7);
    qint64 total = 0;
    for (int i = 0; i < count; ++i) {
        const QString folder = QStringLiteral("%1/class%2").arg(root).arg(i / 100);
        if (i % 100 == 0) QDir().mkpath(folder);
        const qint64 size = random.bounded(40001);
        writeRandom(QStringLiteral("%1/img%2.jpg").arg(folder).arg(i), size, i);
        total += size;
    }
    return total;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const qint64 fileBytes = (argc > 1 ? QByteArray(argv[1]).toLongLong() : 1024) << 20;
    const int smallFiles = argc > 2 ? QByteArray(argv[2]).toInt() : 10000;
    const int repeats = argc > 3 ? QByteArray(argv[3]).toInt() : 2;
    qunsetenv("SSH_AUTH_SOCK");
    test::SshdFixture sshd;
    if (const QString why = sshd.start(); !why.isEmpty()) {
        std::printf("transfer: skipped, no local sshd: %s\n", qPrintable(why));
        return 0;
    }
    // On disk, not in a tmpfs /tmp, so both sides write where a dataset would go.
    QTemporaryDir dir(QDir::homePath() + QStringLiteral("/.tb-bench-transfer-XXXXXX"));
    const auto at = [&](const QString& name) { return dir.filePath(name); };
    QString user = QString::fromLocal8Bit(qgetenv("USER"));
    if (user.isEmpty()) user = QStringLiteral("root");
    SshTarget target{QStringLiteral("127.0.0.1"), sshd.port(), user,
                     sshd.userKeyFile(),          {},          at(QStringLiteral("known_hosts"))};
    SshSessionOptions sessionOptions;
    sessionOptions.useAgent = false;
    sessionOptions.processSshConfig = false;
    SshSessionThread thread(target, QStringLiteral("bench"), sessionOptions);
    if (!connectSession(thread, sshd.hostKeyFingerprint())) return 1;
    const bench::OpenSshReference openssh(sshd.port(), user, sshd.userKeyFile(), dir.path());

    const QString big = at(QStringLiteral("big.bin"));
    writeRandom(big, fileBytes, 1);
    const QString up = at(QStringLiteral("up.bin"));
    const QString down = at(QStringLiteral("down.bin"));
    TransferRequest upload{TransferDirection::Upload, big, up};
    TransferRequest uploadSftp = upload;
    uploadSftp.fileUpload = FileUploadMethod::Sftp;
    TransferRequest download{TransferDirection::Download, down, big};
    // Tuning knobs: TB_SFTP_CHUNK (bytes per read) and TB_SFTP_DEPTH (reads in flight).
    if (qEnvironmentVariableIsSet("TB_SFTP_CHUNK"))
        download.sftpChunkBytes = qEnvironmentVariableIntValue("TB_SFTP_CHUNK");
    if (qEnvironmentVariableIsSet("TB_SFTP_DEPTH"))
        download.sftpRequestsInFlight = qEnvironmentVariableIntValue("TB_SFTP_DEPTH");
    TransferRequest downloadOther = download;
    downloadOther.fileDownload = download.fileDownload == FileDownloadMethod::Sftp
                                     ? FileDownloadMethod::Stream
                                     : FileDownloadMethod::Sftp;
    Timing oursUp, oursUpSftp, oursDown, oursDownOther;
    double sftpPut = 1e30, sftpGet = 1e30, scpUp = 1e30, scpDown = 1e30;
    for (int i = 0; i < repeats; ++i) {
        keepBest(oursUp, thread, upload, up);
        keepBestTool(sftpPut, up, [&] { return openssh.sftpPut(big, up); });
        keepBestTool(scpUp, up, [&] { return openssh.scp(big, openssh.remote(up), false, false); });
        keepBest(oursUpSftp, thread, uploadSftp, up);
        keepBest(oursDown, thread, download, down);
        keepBest(oursDownOther, thread, downloadOther, down);
        keepBestTool(sftpGet, down, [&] { return openssh.sftpGet(big, down); });
        keepBestTool(scpDown, down,
                     [&] { return openssh.scp(openssh.remote(big), down, false, false); });
    }
    removePath(up);
    removePath(down);
    removePath(big);
    const double mb = fileBytes / 1e6;
    std::printf(
        "transfer %.0f MB file upload: trainbench %s %.2f s (%.0f MB/s, %.2f s before the "
        "sha256 check) | sftp put %.2f s (%.0f MB/s) | scp %.2f s (%.0f MB/s) | ratio "
        "%.2fx sftp, %.2fx scp (goal >= 0.9x)\n",
        mb, qPrintable(oursUp.method), oursUp.total, mbps(fileBytes, oursUp.total), oursUp.data,
        sftpPut, mbps(fileBytes, sftpPut), scpUp, mbps(fileBytes, scpUp), sftpPut / oursUp.total,
        scpUp / oursUp.total);
    std::printf(
        "transfer %.0f MB file upload through libssh 0.10 sftp_write (one write in "
        "flight): %.2f s (%.0f MB/s), %.2fx sftp\n",
        mb, oursUpSftp.total, mbps(fileBytes, oursUpSftp.total), sftpPut / oursUpSftp.total);
    std::printf(
        "transfer %.0f MB file download: trainbench %s %.2f s (%.0f MB/s, %.2f s before "
        "the sha256 check) | sftp get %.2f s (%.0f MB/s) | scp %.2f s (%.0f MB/s) | "
        "ratio %.2fx sftp, %.2fx scp (goal >= 0.9x)\n",
        mb, qPrintable(oursDown.method), oursDown.total, mbps(fileBytes, oursDown.total),
        oursDown.data, sftpGet, mbps(fileBytes, sftpGet), scpDown, mbps(fileBytes, scpDown),
        sftpGet / oursDown.total, scpDown / oursDown.total);
    std::printf(
        "transfer %.0f MB file download by the other method (%s): %.2f s (%.0f MB/s), "
        "%.2fx sftp\n",
        mb, qPrintable(oursDownOther.method), oursDownOther.total,
        mbps(fileBytes, oursDownOther.total), sftpGet / oursDownOther.total);
    std::fflush(stdout);

    if (smallFiles <= 0) return 0;
    const QString tree = at(QStringLiteral("dataset"));
    const qint64 treeBytes = writeTree(tree, smallFiles);
    const QString treeUp = at(QStringLiteral("dataset-up"));
    Timing oursTree;
    double scpTree = 1e30, scpLegacyTree = 1e30;
    for (int i = 0; i < repeats; ++i) {
        keepBest(oursTree, thread, TransferRequest{TransferDirection::Upload, tree, treeUp},
                 treeUp);
        keepBestTool(scpTree, treeUp,
                     [&] { return openssh.scp(tree, openssh.remote(treeUp), true, false); });
        keepBestTool(scpLegacyTree, treeUp,
                     [&] { return openssh.scp(tree, openssh.remote(treeUp), true, true); });
    }
    std::printf(
        "transfer %d small files (%.0f MB) upload: trainbench %s %.2f s (%.0f MB/s, "
        "verified count and size) | scp -r %.2f s | scp -O -r %.2f s | ratio %.1fx scp "
        "-r, %.1fx scp -O -r (goal >= 5x)\n",
        smallFiles, treeBytes / 1e6, qPrintable(oursTree.method), oursTree.total,
        mbps(treeBytes, oursTree.total), scpTree, scpLegacyTree, scpTree / oursTree.total,
        scpLegacyTree / oursTree.total);
    thread.disconnectFromHost();
    return 0;
}
