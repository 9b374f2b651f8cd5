// Transfer parts without a server: the space check on captured df output, the archive
// safety rules, pack → unpack round trips, moving a finished stage into place, and the
// compression names.

#include "remote/transfer/tar_pack.h"
#include "remote/transfer/tar_unpack.h"
#include "remote/transfer/transfer_file_result.h"
#include "remote/transfer/transfer_local.h"
#include "remote/transfer/transfer_remote.h"
#include "remote/transfer/transfer_space.h"
#include "tst_transfer_tree.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

using namespace tb;
using namespace tb::test;

Q_DECLARE_METATYPE(tb::TarCompression)

namespace {

// A data disk with 90 KiB and 10 inodes free, as `df -P -B1` and `df -P -i` print it.
const char kFullDisk[] =
    "@@df\n"
    "Filesystem        1-blocks        Used Available Capacity Mounted on\n"
    "/dev/vdb      53687091200 53686999040     92160     100% /root/autodl-tmp\n"
    "@@dfi\n"
    "Filesystem      Inodes   IUsed IFree IUse% Mounted on\n"
    "/dev/vdb       3276800 3276790    10  100% /root/autodl-tmp\n"
    "@@end\n";

const char kInodesGone[] =
    "@@df\n"
    "Filesystem        1-blocks        Used    Available Capacity Mounted on\n"
    "/dev/vdb      53687091200 10737418240 42949672960      20% /root/autodl-tmp\n"
    "@@dfi\n"
    "Filesystem      Inodes   IUsed IFree IUse% Mounted on\n"
    "/dev/vdb       3276800 3276700   100  100% /root/autodl-tmp\n"
    "@@end\n";

// An archive with the given (name, symlink target) entries, as a hostile server might send.
QByteArray craftArchive(const QList<QPair<QString, QString>>& entries) {
    QByteArray bytes(1 << 16, '\0');
    size_t used = 0;
    archive* out = archive_write_new();
    archive_write_set_format_pax_restricted(out);
    archive_write_open_memory(out, bytes.data(), bytes.size(), &used);
    for (const auto& [name, link] : entries) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, name.toUtf8().constData());
        archive_entry_set_perm(entry, 0644);
        if (link.isEmpty()) {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_size(entry, 5);
            archive_write_header(out, entry);
            archive_write_data(out, "evil\n", 5);
        } else {
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_symlink(entry, link.toUtf8().constData());
            archive_write_header(out, entry);
        }
        archive_entry_free(entry);
    }
    archive_write_close(out);
    archive_write_free(out);
    bytes.truncate(static_cast<int>(used));
    return bytes;
}

// Feeds `bytes` to an unpacker in small pieces, as a channel would.
TarUnpacker::Source sourceOf(const QByteArray& bytes) {
    auto at = std::make_shared<qint64>(0);
    return [bytes, at](char* data, qint64 size) {
        const qint64 n = qMin<qint64>(size, qMin<qint64>(bytes.size() - *at, 7000));
        memcpy(data, bytes.constData() + *at, n);
        *at += n;
        return n;
    };
}

}  // namespace

class TestTransferParts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void spaceCheckNamesHostPathAndWhatIsMissing() {
        const SpaceAtPath full = parseSpaceOutput(QString::fromLatin1(kFullDisk));
        QVERIFY(full.found);
        QCOMPARE(full.disk.freeBytes, 92160);
        QCOMPARE(full.disk.freeInodes, 10);
        const QString where = QStringLiteral("root@connect.westd.seetacloud.com port 52979");
        const QString path = QStringLiteral("/root/autodl-tmp/mnist");
        const QString bytes = spaceProblem(full, SpaceNeeded{blocksOf(200000), 3}, where, path);
        QVERIFY2(bytes.startsWith(QLatin1String("Not enough space on ") + where),
                 qPrintable(bytes));
        QVERIFY(bytes.contains(path));
        QVERIFY(bytes.contains(QLatin1String("/dev/vdb")));
        QVERIFY(spaceProblem(full, SpaceNeeded{blocksOf(5000), 3}, where, path).isEmpty());

        const SpaceAtPath inodes = parseSpaceOutput(QString::fromLatin1(kInodesGone));
        const QString many = spaceProblem(inodes, SpaceNeeded{1 << 20, 60001}, where, path);
        QVERIFY2(many.startsWith(QLatin1String("Not enough inodes on ") + where), qPrintable(many));
        QVERIFY(many.contains(QLatin1String("100 more files")));
        QVERIFY(many.contains(QLatin1String("60001")));
        QVERIFY(spaceProblem(inodes, SpaceNeeded{1 << 20, 100}, where, path).isEmpty());
    }

    void spaceCheckSkipsWhatDfCannotTell() {
        // Unlimited inodes (btrfs) and a missing df are not reasons to refuse.
        const SpaceAtPath btrfs = parseSpaceOutput(QStringLiteral(
            "@@df\nFilesystem 1-blocks Used Available Capacity Mounted on\n"
            "/dev/sda2 1000000000 0 900000000 0% /data\n@@dfi\n"
            "Filesystem Inodes IUsed IFree IUse% Mounted on\n/dev/sda2 0 0 0 - /data\n@@end\n"));
        QVERIFY(btrfs.found);
        QVERIFY(spaceProblem(btrfs, SpaceNeeded{1000, 1000000}, QStringLiteral("h"),
                             QStringLiteral("/data/x"))
                    .isEmpty());
        QVERIFY(!parseSpaceOutput(QStringLiteral("@@df\n@@dfi\n@@end\n")).found);
        QVERIFY(localSpace(QDir::tempPath() + QStringLiteral("/no/such/dir")).found);
    }

    void unsafeEntriesAreNamed() {
        QVERIFY(unsafeEntryReason(QStringLiteral("a/b.jpg"), {}, {}).isEmpty());
        QVERIFY(unsafeEntryReason(QStringLiteral("./a/b.jpg"), {}, {}).isEmpty());
        QVERIFY(unsafeEntryReason(QStringLiteral("a/link"), QStringLiteral("../b"), {}).isEmpty());
        QVERIFY(unsafeEntryReason(QStringLiteral("/etc/passwd"), {}, {}).contains("absolute"));
        QVERIFY(unsafeEntryReason(QStringLiteral("../x"), {}, {}).contains(".."));
        QVERIFY(unsafeEntryReason(QStringLiteral("a/../../x"), {}, {}).contains(".."));
        QVERIFY(!unsafeEntryReason(QStringLiteral("link"), QStringLiteral("../x"), {}).isEmpty());
        QVERIFY(
            !unsafeEntryReason(QStringLiteral("a/link"), QStringLiteral("../../x"), {}).isEmpty());
        QVERIFY(!unsafeEntryReason(QStringLiteral("l"), QStringLiteral("/etc"), {}).isEmpty());
        QVERIFY(!unsafeEntryReason(QStringLiteral("h"), {}, QStringLiteral("../x")).isEmpty());
    }

    void unpackerRefusesEscapes_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("link");
        QTest::newRow("dotdot") << QStringLiteral("../escape.txt") << QString();
        QTest::newRow("deep dotdot") << QStringLiteral("a/../../escape.txt") << QString();
        QTest::newRow("absolute") << QStringLiteral("/tmp/tb-escape.txt") << QString();
        QTest::newRow("symlink out") << QStringLiteral("escape.txt") << QStringLiteral("../..");
    }

    void unpackerRefusesEscapes() {
        QFETCH(QString, name);
        QFETCH(QString, link);
        QTemporaryDir dir;
        const QString destination = dir.filePath(QStringLiteral("in/dest"));
        QVERIFY(QDir().mkpath(destination));
        const QByteArray archive =
            craftArchive({{QStringLiteral("fine.txt"), QString()}, {name, link}});
        TarUnpacker unpacker(destination);
        const QString error = unpacker.unpack(sourceOf(archive), [](qint64) {});
        QVERIFY2(error.contains(QLatin1String("refused")), qPrintable(error));
        QVERIFY(error.contains(name));
        QVERIFY(QFile::exists(destination + QStringLiteral("/fine.txt")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("in/escape.txt"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("escape.txt"))));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/tb-escape.txt")));
        QVERIFY(!QFileInfo::exists(destination + QStringLiteral("/escape.txt")));
    }

    void packThenUnpackGivesTheSameTree_data() {
        QTest::addColumn<TarCompression>("compression");
        QTest::newRow("zstd") << TarCompression::Zstd;
        QTest::newRow("gzip") << TarCompression::Gzip;
        QTest::newRow("none") << TarCompression::None;
    }

    void packThenUnpackGivesTheSameTree() {
        QFETCH(TarCompression, compression);
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("src"));
        QVERIFY(makeTree(source, 250, 3000, 7) > 0);
        QVERIFY(QDir().mkpath(source + QStringLiteral("/empty folder")));
        makeFile(source + QStringLiteral("/it's \"q\" $(touch PWNED); x.bin"), 70000, 3);
        QVERIFY(QFile::link(QStringLiteral("d000/f1.bin"), source + QStringLiteral("/link")));
        const auto scan = scanFolder(source);
        QVERIFY(scan.ok());
        QCOMPARE(scan->files, 251);

        QByteArray stream;
        qint64 packed = 0;
        const QString error = TarPacker(source, *scan, compression)
                                  .pack(
                                      [&](const char* data, qint64 size) {
                                          stream.append(data, size);
                                          return true;
                                      },
                                      [&](qint64 bytes) { packed += bytes; });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(packed, scan->bytes);

        const QString copy = dir.filePath(QStringLiteral("copy"));
        QVERIFY(QDir().mkpath(copy));
        TarUnpacker unpacker(copy);
        const QString unpacked = unpacker.unpack(sourceOf(stream), [](qint64) {});
        QVERIFY2(unpacked.isEmpty(), qPrintable(unpacked));
        QCOMPARE(unpacker.files(), scan->files);
        QCOMPARE(readTree(copy), readTree(source));
    }

    void stageMovesIntoPlaceLikeRsync() {
        QTemporaryDir dir;
        const QString stage = dir.filePath(QStringLiteral(".dst.tb-download"));
        const QString destination = dir.filePath(QStringLiteral("dst"));
        QCOMPARE(localStagingPath(destination, QStringLiteral("download")), stage);
        QVERIFY(QDir().mkpath(stage + QStringLiteral("/a")));
        QVERIFY(QDir().mkpath(destination + QStringLiteral("/a")));
        makeFile(stage + QStringLiteral("/a/new.bin"), 10, 1);
        makeFile(stage + QStringLiteral("/c.bin"), 10, 2);
        makeFile(destination + QStringLiteral("/a/old.bin"), 10, 3);
        makeFile(destination + QStringLiteral("/c.bin"), 99, 4);
        QVERIFY2(moveLocalIntoPlace(stage, destination).isEmpty(), "merge failed");
        QCOMPARE(readTree(destination).keys(),
                 (QStringList{"a", "a/new.bin", "a/old.bin", "c.bin"}));
        QCOMPARE(QFileInfo(destination + QStringLiteral("/c.bin")).size(), 10);
        QVERIFY(!QFileInfo::exists(stage));

        // A missing destination is a rename of the whole stage.
        QVERIFY(QDir().mkpath(stage));
        makeFile(stage + QStringLiteral("/only.bin"), 5, 5);
        const QString fresh = dir.filePath(QStringLiteral("deeper/fresh"));
        QVERIFY(moveLocalIntoPlace(stage, fresh).isEmpty());
        QCOMPARE(readTree(fresh).keys(), QStringList{"only.bin"});
    }

    // Uploads and downloads report a finished file alike; only the method's name differs.
    void fileTransferredSaysWhatWentAndHow() {
        const TransferResult bySftp = fileTransferred(TransferResult{}, 4096, 1024, true);
        QVERIFY(bySftp.ok());
        QCOMPARE(bySftp.bytes, qint64(4096));
        QCOMPARE(bySftp.files, qint64(1));
        QCOMPARE(bySftp.resumedFrom, qint64(1024));
        QCOMPARE(bySftp.method, QStringLiteral("sftp"));
        const TransferResult byStream = fileTransferred(TransferResult{}, 10, 0, false);
        QCOMPARE(byStream.resumedFrom, qint64(0));
        QCOMPARE(byStream.method, QStringLiteral("stream"));
    }

    void remotePathsAreCleaned() {
        QCOMPARE(cleanRemotePath(QStringLiteral("~/data/")), QStringLiteral("data"));
        QCOMPARE(cleanRemotePath(QStringLiteral("~")), QStringLiteral("."));
        QCOMPARE(cleanRemotePath(QStringLiteral("/root//autodl-tmp/./x/")),
                 QStringLiteral("/root/autodl-tmp/x"));
        QCOMPARE(remoteParent(QStringLiteral("/x")), QStringLiteral("/"));
        QCOMPARE(remoteParent(QStringLiteral("x")), QStringLiteral("."));
        QCOMPARE(remoteBaseName(QStringLiteral(".")), QString());
        QCOMPARE(remoteStagingPath(QStringLiteral("/root/d s"), QStringLiteral("upload")),
                 QStringLiteral("/root/.d s.tb-upload"));
        QCOMPARE(remoteStagingPath(QStringLiteral("data"), QStringLiteral("upload")),
                 QStringLiteral(".data.tb-upload"));
    }

    // The names go to the box as script arguments and come back in its answers; one table
    // serves both ways, with "none" for Auto and for any word it does not hold.
    void compressionNamesReadBack() {
        for (const TarCompression kind :
             {TarCompression::Zstd, TarCompression::Gzip, TarCompression::None})
            QCOMPARE(compressionFromName(compressionName(kind)), kind);
        QCOMPARE(compressionName(TarCompression::Zstd), QStringLiteral("zstd"));
        QCOMPARE(compressionName(TarCompression::Auto), QStringLiteral("none"));
        QCOMPARE(compressionFromName(QStringLiteral("xz")), TarCompression::None);
        QCOMPARE(compressionFromName(QStringLiteral("ZSTD")), TarCompression::None);
        QCOMPARE(compressionFromName(QString()), TarCompression::None);
    }
};

QTEST_GUILESS_MAIN(TestTransferParts)
#include "tst_transfer_parts.moc"
