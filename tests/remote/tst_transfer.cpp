// Folder transfers through a real local sshd: 10 000 files up identical, a folder down
// identical, rsync-like merging, cancel leaving nothing, and links pointing outside refused.

#include "sshd_fixture.h"
#include "tst_transfer_support.h"
#include "tst_transfer_tree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace tb;
using namespace tb::test;

class TestTransfer : public TransferTestCase {
    Q_OBJECT

private Q_SLOTS:
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
        const TransferResult result =
            awaitTransfer(*m_thread, upload(source, destination), options);
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
};

QTEST_GUILESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
