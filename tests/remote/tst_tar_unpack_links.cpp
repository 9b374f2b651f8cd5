// Folder downloads from a box that lies: link chains that climb out one step at a time
// ("k -> .", "e1 -> k/.."), links re-aimed by later entries, hard links to links, setuid
// modes, compressions that would run external programs, and a planted link where the
// staging folder is cleared. Nothing may land, or be reachable, outside the destination.

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

#include "remote/transfer/tar_unpack.h"
#include "remote/transfer/transfer_local.h"

using namespace tb;

namespace {

struct Entry {
    QString name;
    QString symlink;   // a symbolic link when set
    QString hardlink;  // a hard link when set
    int mode = 0644;
};

QByteArray craft(const QList<Entry>& entries, int filter = ARCHIVE_FILTER_NONE) {
    QByteArray bytes(1 << 16, '\0');
    size_t used = 0;
    archive* out = archive_write_new();
    archive_write_set_format_pax_restricted(out);
    if (filter != ARCHIVE_FILTER_NONE) archive_write_add_filter(out, filter);
    archive_write_open_memory(out, bytes.data(), bytes.size(), &used);
    for (const Entry& e : entries) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, e.name.toUtf8().constData());
        archive_entry_set_perm(entry, e.mode);
        if (!e.symlink.isEmpty()) {
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_symlink(entry, e.symlink.toUtf8().constData());
            archive_write_header(out, entry);
        } else if (!e.hardlink.isEmpty()) {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_hardlink(entry, e.hardlink.toUtf8().constData());
            archive_write_header(out, entry);
        } else {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_size(entry, 5);
            archive_write_header(out, entry);
            archive_write_data(out, "evil\n", 5);
        }
        archive_entry_free(entry);
    }
    archive_write_close(out);
    archive_write_free(out);
    bytes.truncate(static_cast<qsizetype>(used));
    return bytes;
}

QString unpack(const QString& destination, const QByteArray& archive) {
    auto at = std::make_shared<qint64>(0);
    TarUnpacker unpacker(destination);
    return unpacker.unpack(
        [archive, at](char* data, qint64 size) {
            const qint64 n = qMin<qint64>(size, archive.size() - *at);
            memcpy(data, archive.constData() + *at, size_t(n));
            *at += n;
            return n;
        },
        [](qint64) {});
}

// Every path under `root`, links not followed, each resolved: none may lead outside.
QStringList escapes(const QString& root, QString canonicalRoot = {}) {
    QStringList out;
    if (canonicalRoot.isEmpty()) canonicalRoot = QFileInfo(root).canonicalFilePath();
    QDir dir(root);
    for (const QFileInfo& info :
         dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
        const QString resolved = info.canonicalFilePath();
        if (!resolved.isEmpty() && resolved != canonicalRoot &&
            !resolved.startsWith(canonicalRoot + QLatin1Char('/')))
            out << info.fileName() + QStringLiteral(" -> ") + resolved;
        if (info.isDir() && !info.isSymLink()) out << escapes(info.filePath(), canonicalRoot);
    }
    return out;
}

}  // namespace

Q_DECLARE_METATYPE(Entry)

class TestTarUnpackLinks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void linkChainsThatClimbOutAreRefused_data() {
        QTest::addColumn<QList<Entry>>("entries");
        QTest::addColumn<QString>("refused");
        QTest::newRow("k -> ., e1 -> k/..")
            << QList<Entry>{{"k", "."}, {"e1", "k/.."}, {"e2", "e1/.."}, {"e3", "e2/etc/passwd"}}
            << QStringLiteral("e1");
        QTest::newRow("re-aimed later")
            << QList<Entry>{{"x", "nothere"}, {"a", "x/.."}, {"nothere", "."}}
            << QStringLiteral("a");
        QTest::newRow("through a missing folder")
            << QList<Entry>{{"a", "d/e/../../.."}} << QStringLiteral("a");
        QTest::newRow("climb from missing")
            << QList<Entry>{{"a", "m/../x"}, {"m", "."}} << QStringLiteral("a");
        QTest::newRow("link over a link")
            << QList<Entry>{{"sub/f", ""}, {"l", "sub"}, {"l", ".."}} << QStringLiteral("l");
        QTest::newRow("absolute") << QList<Entry>{{"p", "/etc/passwd"}} << QStringLiteral("p");
    }

    void linkChainsThatClimbOutAreRefused() {
        QFETCH(QList<Entry>, entries);
        QFETCH(QString, refused);
        QTemporaryDir tmp;
        const QString destination = tmp.filePath(QStringLiteral("in/dest"));
        QVERIFY(QDir().mkpath(destination));
        const QString error = unpack(destination, craft(entries));
        QVERIFY2(error.contains(QStringLiteral("refused the archive entry \"%1\"").arg(refused)),
                 qPrintable(error));
        const QStringList out = escapes(destination);
        QVERIFY2(out.isEmpty(), qPrintable(out.join(QLatin1String(", "))));
    }

    // A hard link to a link would be a copy of the link in another folder, leading elsewhere.
    void hardLinkToALinkNeverLeadsOut() {
        QTemporaryDir tmp;
        const QString error =
            unpack(tmp.path(), craft({{"sub/deep/l", "../.."}, {"h", "", "sub/deep/l"}}));
        QVERIFY(error.isEmpty() ||
                error.contains(QLatin1String("refused the archive entry \"h\"")));
        QVERIFY(!QFileInfo(tmp.filePath(QStringLiteral("h"))).isSymLink());
        const QStringList out = escapes(tmp.path());
        QVERIFY2(out.isEmpty(), qPrintable(out.join(QLatin1String(", "))));
    }

    void linksThatStayInsideAreKept() {
        // A Hugging Face cache: snapshots link into blobs with "../..".
        QTemporaryDir tmp;
        const QString error =
            unpack(tmp.path(), craft({{"snapshots/h1/model.bin", "../../blobs/abc"},
                                      {"blobs/abc", ""},
                                      {"k", "."},
                                      {"same", "k/blobs/abc"}}));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile model(tmp.filePath(QStringLiteral("snapshots/h1/model.bin")));
        QVERIFY(model.open(QIODevice::ReadOnly));
        QCOMPARE(model.readAll(), QByteArray("evil\n"));
        QVERIFY(QFileInfo(tmp.filePath(QStringLiteral("same"))).isFile());
        const QStringList out = escapes(tmp.path());
        QVERIFY2(out.isEmpty(), qPrintable(out.join(QLatin1String(", "))));
    }

    void modesAreMaskedAndSetuidDropped() {
        ::umask(022);
        QTemporaryDir tmp;
        const QString error =
            unpack(tmp.path(),
                   craft({{"suid", "", "", 04777}, {"none", "", "", 0}, {"run.sh", "", "", 0755}}));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(tmp.filePath("suid")).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & (S_ISUID | S_ISGID | S_ISVTX)), 0);
        QCOMPARE(int(st.st_mode & 0022), 0);  // the umask's write bits are gone
        QCOMPARE(::stat(QFile::encodeName(tmp.filePath("none")).constData(), &st), 0);
        QVERIFY(st.st_mode & S_IRUSR);  // the owner can still read and delete it
        QCOMPARE(::stat(QFile::encodeName(tmp.filePath("run.sh")).constData(), &st), 0);
        QVERIFY(st.st_mode & S_IXUSR);  // an executable stays executable
    }

    void onlyOurCompressionsAreRead_data() {
        QTest::addColumn<int>("filter");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("none") << ARCHIVE_FILTER_NONE << true;
        QTest::newRow("gzip") << ARCHIVE_FILTER_GZIP << true;
        QTest::newRow("zstd") << ARCHIVE_FILTER_ZSTD << true;
        QTest::newRow("bzip2") << ARCHIVE_FILTER_BZIP2 << false;
        QTest::newRow("xz") << ARCHIVE_FILTER_XZ << false;
        QTest::newRow("uuencode") << ARCHIVE_FILTER_UU << false;
    }

    void onlyOurCompressionsAreRead() {
        QFETCH(int, filter);
        QFETCH(bool, accepted);
        QTemporaryDir tmp;
        const QByteArray archive = craft({{"f", ""}}, filter);
        QVERIFY(!archive.isEmpty());
        const QString error = unpack(tmp.path(), archive);
        QCOMPARE(error.isEmpty(), accepted);
        QCOMPARE(QFile::exists(tmp.filePath(QStringLiteral("f"))), accepted);
    }

    void clearingAStageNeverFollowsAPlantedLink() {
        QTemporaryDir tmp;
        const QString victim = tmp.filePath(QStringLiteral("victim"));
        QVERIFY(QDir().mkpath(victim));
        QFile keep(victim + QStringLiteral("/keep.txt"));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.close();
        const QString stage = tmp.filePath(QStringLiteral("dest/.data.tb-download"));
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("dest"))));
        QVERIFY(QFile::link(victim, stage));
        clearLocalStage(stage);
        QVERIFY(!QFileInfo(stage).isSymLink());
        QVERIFY(QFile::exists(victim + QStringLiteral("/keep.txt")));
        // A real stage holding a link: the link goes, its target stays.
        QVERIFY(QDir().mkpath(stage));
        QVERIFY(QFile::link(victim, stage + QStringLiteral("/inner")));
        clearLocalStage(stage);
        QVERIFY(!QFileInfo::exists(stage));
        QVERIFY(QFile::exists(victim + QStringLiteral("/keep.txt")));
    }
};

QTEST_GUILESS_MAIN(TestTarUnpackLinks)
#include "tst_tar_unpack_links.moc"
