// File transfers through a real local sshd: an interrupted download resumed and checked by
// sha256 (stream and SFTP), a stream of several receive windows resumed mid-window, uploads
// resumed from their .part (stream and SFTP), hostile names moved both ways and never
// executed, and bad paths named in the message.

#include "sshd_fixture.h"
#include "tst_transfer_support.h"
#include "tst_transfer_tree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace tb;
using namespace tb::test;

Q_DECLARE_METATYPE(tb::FileUploadMethod)
Q_DECLARE_METATYPE(tb::FileDownloadMethod)

namespace {

// A name no shell may ever see unquoted: it would create PWNED in the shell's folder.
const QString kHostile = QStringLiteral("it's \"q\" $(touch PWNED) ; `touch PWNED` x");

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

class TestTransferFiles : public TransferTestCase {
    Q_OBJECT

private Q_SLOTS:
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

        QCOMPARE(pwnedFiles({m_home.path(), QDir::homePath(), QDir::currentPath()}), QStringList());
    }

    void interruptedDownloadResumesAndVerifies_data() {
        QTest::addColumn<FileDownloadMethod>("method");
        QTest::newRow("stream") << FileDownloadMethod::Stream;
        QTest::newRow("sftp") << FileDownloadMethod::Sftp;
    }

    void interruptedDownloadResumesAndVerifies() {
        QFETCH(FileDownloadMethod, method);
        const QString remote = path(QStringLiteral("big.bin"));
        // The stream is fast on loopback: a bigger file, so that the cancel lands midway.
        const qint64 size = method == FileDownloadMethod::Stream ? 96 << 20 : 32 << 20;
        makeFile(remote, size, 31);
        const QString local =
            path(QStringLiteral("downloads-") + QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(QDir().mkpath(local));
        TransferRequest request = download(remote, local);
        request.fileDownload = method;
        request.sftpRequestsInFlight = 4;  // slow enough that the cancel lands midway
        TransferResult result = run(request, true);
        QCOMPARE(result.failure, SshFailure::Cancelled);
        const QString part = local + QStringLiteral("/big.bin.part");
        const qint64 kept = QFileInfo(part).size();
        QVERIFY2(kept > 0 && kept < size, qPrintable(QString::number(kept)));
        QVERIFY(!QFileInfo::exists(local + QStringLiteral("/big.bin")));

        request = download(remote, local);
        request.fileDownload = method;
        result = run(request);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.resumedFrom, kept);
        QCOMPARE(sha256Of(local + QStringLiteral("/big.bin")), sha256Of(remote));
        QVERIFY(!QFileInfo::exists(part));
    }

    // The stream asks for a 16 MiB receive window and tops it up as it drains: a file of
    // several windows, resumed from a part that ends inside a window, arrives whole.
    void streamDownloadOfManyWindowsResumesFromItsPart() {
        const QString remote = path(QStringLiteral("weights.bin"));
        const qint64 size = (40 << 20) + 12345;
        makeFile(remote, size, 33);
        const QString local = path(QStringLiteral("weights-copy.bin"));
        QFile source(remote);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QFile part(local + QStringLiteral(".part"));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(source.read((5 << 20) + 777));
        part.close();

        TransferRequest request = download(remote, local);
        request.fileDownload = FileDownloadMethod::Stream;
        TransferResult result = run(request);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.method, QStringLiteral("stream"));
        QCOMPARE(result.resumedFrom, (5 << 20) + 777);
        QCOMPARE(QFileInfo(local).size(), size);
        QCOMPARE(sha256Of(local), sha256Of(remote));
        QVERIFY(!QFileInfo::exists(part.fileName()));
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

    void cancelledUploadResumes() {
        const QString local = path(QStringLiteral("archive.tar"));
        const qint64 size = 32 << 20;
        makeFile(local, size, 42);
        const QString remote = path(QStringLiteral("up2/archive.tar"));
        TransferResult result = run(upload(local, remote), true);
        QCOMPARE(result.failure, SshFailure::Cancelled);
        const qint64 kept = QFileInfo(remote + QStringLiteral(".part")).size();
        QVERIFY2(kept > 0 && kept < size, qPrintable(QString::number(kept)));
        QVERIFY(!QFileInfo::exists(remote));

        result = run(upload(local, remote));
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.resumedFrom, kept);
        QCOMPARE(sha256Of(remote), sha256Of(local));
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

QTEST_GUILESS_MAIN(TestTransferFiles)
#include "tst_transfer_files.moc"
