// Transfers through a real local sshd: folders (10 000 files) both ways, interrupted files
// resumed and checked by sha256, hostile names never executed, cancel leaving nothing,
// and archive entries that point outside the destination refused.

#include "remote/ssh_session_thread.h"
#include "remote/transfer_session.h"
#include "ssh_test_support.h"
#include "sshd_fixture.h"
#include "tst_transfer_tree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace tb;
using namespace tb::test;

Q_DECLARE_METATYPE(tb::FileUploadMethod)

namespace {

// A name no shell may ever see unquoted: it would create PWNED in the shell's folder.
const QString kHostile = QStringLiteral("it's \"q\" $(touch PWNED) ; `touch PWNED` x");

TransferRequest upload(const QString& local, const QString& remote) {
    TransferRequest request;
    request.direction = TransferDirection::Upload;
    request.localPath = local;
    request.remotePath = remote;
    return request;
}

TransferRequest download(const QString& remote, const QString& local) {
    TransferRequest request = upload(local, remote);
    request.direction = TransferDirection::Download;
    return request;
}

QStringList pwnedFiles(const QStringList& roots) {
    QStringList found;
    for (const QString& root : roots) {
        QDirIterator it(root, {QStringLiteral("PWNED")}, QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) found.append(it.next());
    }
    return found;
}

}  // namespace

class TestTransfer : public SshdTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<SshSessionThread> m_thread;

    QString path(const QString& name) const { return m_home.filePath(name); }

    TransferResult run(const TransferRequest& request, bool cancelOnFirstBytes = false) {
        TransferWaitOptions options;
        options.progress = [&](const TransferProgress& progress) {
            if (cancelOnFirstBytes && progress.bytesDone > 0) m_thread->cancel();
        };
        return awaitTransfer(*m_thread, request, options);
    }

private Q_SLOTS:
    void init() {
        // Replaces the base's init(), so it repeats its skip.
        if (!m_skipReason.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no local sshd: ") + m_skipReason));
        m_thread = std::make_unique<SshSessionThread>(
            keyTarget(m_sshd, path(QStringLiteral("known_hosts"))), QStringLiteral("local"),
            testOptions());
        SessionResults results(m_thread->session());
        const SshResult connected = accept(*m_thread, results, m_sshd.hostKeyFingerprint());
        QVERIFY2(connected.ok(), qPrintable(connected.message));
    }

    void cleanup() { m_thread.reset(); }

    void tenThousandFilesArriveIdentical() {
        const QString source = path(QStringLiteral("ten thousand"));
        const qint64 bytes = makeTree(source, 10000, 2048, 11);
        const QString destination = path(QStringLiteral("remote/data set"));
        qint64 lastDone = 0;
        qint64 total = -1;
        TransferWaitOptions options;
        options.progress = [&](const TransferProgress& progress) {
            lastDone = progress.bytesDone;
            total = progress.bytesTotal;
        };
        const TransferResult result = awaitTransfer(*m_thread, upload(source, destination),
                                                    options);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.files, 10000);
        QCOMPARE(result.bytes, bytes);
        QCOMPARE(total, bytes);
        QCOMPARE(lastDone, bytes);
        QCOMPARE(readTree(destination), readTree(source));
        // Nothing but the destination is left next to it: the stage was renamed into place.
        QCOMPARE(QDir(path(QStringLiteral("remote")))
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("data set")});
    }

    void uploadIntoAFullFolderMerges() {
        const QString first = path(QStringLiteral("first"));
        const QString second = path(QStringLiteral("second"));
        QVERIFY(QDir().mkpath(first));
        QVERIFY(QDir().mkpath(second + QStringLiteral("/sub")));
        makeFile(first + QStringLiteral("/keep.bin"), 100, 1);
        makeFile(first + QStringLiteral("/same.bin"), 100, 2);
        makeFile(second + QStringLiteral("/same.bin"), 300, 3);
        makeFile(second + QStringLiteral("/sub/new.bin"), 100, 4);
        const QString destination = path(QStringLiteral("merged"));
        QVERIFY(run(upload(first, destination)).ok());
        const TransferResult result = run(upload(second, destination));
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(readTree(destination).keys(),
                 (QStringList{"keep.bin", "same.bin", "sub", "sub/new.bin"}));
        QCOMPARE(QFileInfo(destination + QStringLiteral("/same.bin")).size(), 300);
    }

    void folderDownloadArrivesIdentical() {
        const QString remote = path(QStringLiteral("remote tree"));
        makeTree(remote, 2000, 4096, 12);
        QVERIFY(QDir().mkpath(remote + QStringLiteral("/empty")));
        QVERIFY(QFile::link(QStringLiteral("d000/f1.bin"), remote + QStringLiteral("/inside")));
        const QString local = path(QStringLiteral("local copy/here"));
        const TransferResult result = run(download(remote, local));
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.files, 2000);
        QCOMPARE(readTree(local), readTree(remote));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("local copy/.here.tb-download"))));
    }

    void hostileNamesTravelBothWaysUnexecuted() {
        const QString folder = path(kHostile + QStringLiteral(" dir"));
        QVERIFY(QDir().mkpath(folder));
        makeFile(folder + QLatin1Char('/') + kHostile, 5000, 21);
        const QString single = path(kHostile);
        makeFile(single, 300000, 22);
        const QString remote = path(QStringLiteral("remote ") + kHostile);

        TransferResult result = run(upload(folder, remote));
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(readTree(remote), readTree(folder));
        result = run(upload(single, remote));  // into the folder: keeps its name
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(sha256Of(remote + QLatin1Char('/') + kHostile), sha256Of(single));

        const QString back = path(QStringLiteral("back ") + kHostile);
        result = run(download(remote, back));
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(readTree(back), readTree(remote));
        const QString backFile = path(QStringLiteral("single ") + kHostile);
        result = run(download(remote + QLatin1Char('/') + kHostile, backFile));
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(sha256Of(backFile), sha256Of(single));

        QCOMPARE(pwnedFiles({m_home.path(), QDir::homePath(), QDir::currentPath()}),
                 QStringList());
    }

    void interruptedDownloadResumesAndVerifies() {
        const QString remote = path(QStringLiteral("big.bin"));
        const qint64 size = 32 << 20;
        makeFile(remote, size, 31);
        const QString local = path(QStringLiteral("downloads"));
        QVERIFY(QDir().mkpath(local));
        TransferRequest request = download(remote, local);
        request.sftpRequestsInFlight = 4;  // slow enough that the cancel lands midway
        TransferResult result = run(request, true);
        QCOMPARE(result.failure, SshFailure::Cancelled);
        const QString part = local + QStringLiteral("/big.bin.part");
        const qint64 kept = QFileInfo(part).size();
        QVERIFY2(kept > 0 && kept < size, qPrintable(QString::number(kept)));
        QVERIFY(!QFileInfo::exists(local + QStringLiteral("/big.bin")));

        result = run(download(remote, local));
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.resumedFrom, kept);
        QCOMPARE(sha256Of(local + QStringLiteral("/big.bin")), sha256Of(remote));
        QVERIFY(!QFileInfo::exists(part));
    }

    void uploadResumesFromItsPart_data() {
        QTest::addColumn<FileUploadMethod>("method");
        QTest::newRow("stream") << FileUploadMethod::Stream;
        QTest::newRow("sftp") << FileUploadMethod::Sftp;
    }

    void uploadResumesFromItsPart() {
        QFETCH(FileUploadMethod, method);
        const QString local = path(QStringLiteral("checkpoint.pt"));
        makeFile(local, 8 << 20, 41);
        QVERIFY(QDir().mkpath(path(QStringLiteral("up"))));
        const QString remote = path(QStringLiteral("up/model.pt"));
        // What an interrupted upload left: the first 3 MiB.
        QFile source(local);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QFile part(remote + QStringLiteral(".part"));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(source.read(3 << 20));
        part.close();

        TransferRequest request = upload(local, remote);
        request.fileUpload = method;
        TransferResult result = run(request);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.resumedFrom, 3 << 20);
        QCOMPARE(sha256Of(remote), sha256Of(local));
        QVERIFY(!QFileInfo::exists(part.fileName()));

        // A part that is not a prefix of the file is caught by sha256 and removed.
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(QByteArray(1 << 20, 'x'));
        part.close();
        result = run(request);
        QVERIFY(!result.ok());
        QVERIFY2(result.message.contains(QLatin1String("sha256")), qPrintable(result.message));
        QVERIFY(!QFileInfo::exists(part.fileName()));
        QVERIFY(run(request).ok());
        QCOMPARE(sha256Of(remote), sha256Of(local));
    }

    void cancelledFolderTransfersLeaveNothing() {
        const QString source = path(QStringLiteral("many"));
        makeTree(source, 200, 256 << 10, 51);
        TransferRequest request = upload(source, path(QStringLiteral("out/dst")));
        request.compression = TarCompression::None;
        TransferResult result = run(request, true);
        QCOMPARE(result.failure, SshFailure::Cancelled);
        QCOMPARE(QDir(path(QStringLiteral("out")))
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList());

        request = download(source, path(QStringLiteral("in/dst")));
        request.compression = TarCompression::None;
        result = run(request, true);
        QCOMPARE(result.failure, SshFailure::Cancelled);
        QCOMPARE(QDir(path(QStringLiteral("in")))
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList());
        // The session is still good for the next transfer.
        QVERIFY(run(upload(source, path(QStringLiteral("out/dst")))).ok());
    }

    void linkPointingOutsideIsRefused() {
        const QString remote = path(QStringLiteral("hostile tree"));
        makeTree(remote, 10, 100, 61);
        QVERIFY(QFile::link(QStringLiteral("/etc"), remote + QStringLiteral("/evil")));
        const QString local = path(QStringLiteral("victim"));
        const TransferResult result = run(download(remote, local));
        QVERIFY(!result.ok());
        QVERIFY2(result.message.contains(QLatin1String("refused")) &&
                     result.message.contains(QLatin1String("evil")),
                 qPrintable(result.message));
        QVERIFY(!QFileInfo::exists(local));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral(".victim.tb-download"))));
    }

    void badPathsAreNamed() {
        const QString missing = path(QStringLiteral("no such thing"));
        TransferResult result = run(upload(missing, path(QStringLiteral("x"))));
        QVERIFY(result.message.contains(missing));
        result = run(download(missing, path(QStringLiteral("x"))));
        QVERIFY(!result.ok());
        QVERIFY2(result.message.contains(missing) && result.message.contains(QLatin1String("port")),
                 qPrintable(result.message));
        const QString file = path(QStringLiteral("a file"));
        makeFile(file, 10, 1);
        const QString folder = path(QStringLiteral("a folder"));
        QVERIFY(QDir().mkpath(folder));
        makeFile(folder + QStringLiteral("/x"), 10, 1);
        result = run(upload(folder, file));
        QVERIFY(!result.ok());
        QVERIFY2(result.message.contains(QLatin1String("is not a folder")),
                 qPrintable(result.message));
        // A file to a new name: that name.
        result = run(download(file, path(QStringLiteral("renamed.bin"))));
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(sha256Of(path(QStringLiteral("renamed.bin"))), sha256Of(file));
    }
};

QTEST_GUILESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
