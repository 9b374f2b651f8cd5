// The sync's parts without a server: the manifest read back with limits, the plan, the size
// guard, and the listing through git's ignore rules with its hash cache.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

#include "remote/sync/code_listing.h"
#include "remote/sync/code_record.h"
#include "remote/sync/sync_manifest.h"
#include "remote/sync/sync_plan.h"
#include "tst_transfer_tree.h"

using namespace tb;
using tb::test::writeFile;

namespace {

ManifestEntry entry(const QString& path, char hashDigit, qint64 size = 10) {
    ManifestEntry e;
    e.path = path;
    e.size = size;
    e.modifiedNs = 1'700'000'000'123'456'789;
    e.sha256 = QString(64, QLatin1Char(hashDigit));
    return e;
}

void git(const QString& folder, const QStringList& arguments) {
    QVERIFY2(!tb::test::runGit(folder, arguments).isNull(), qPrintable(arguments.join(' ')));
}

QStringList sorted(QStringList list) {
    list.sort();
    return list;
}

}  // namespace

class TestSyncManifest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        QVERIFY(m_cache.isValid());
        qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
    }

    void oddNamesSurviveTheRoundTrip() {
        QList<ManifestEntry> entries = {entry(QStringLiteral("b c/it's \"q\".py"), 'a'),
                                        entry(QStringLiteral("new\nline%.txt"), 'b'),
                                        entry(QStringLiteral("中文/模型.py"), 'c')};
        entries[1].executable = true;
        entries[2].link = true;
        const auto parsed = parseManifest(formatManifest(entries), QStringLiteral("m"));
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().c_str());
        QCOMPARE(parsed->size(), 3);
        for (const ManifestEntry& original : entries) {
            const auto found = std::find_if(parsed->begin(), parsed->end(),
                                            [&](const auto& e) { return e.path == original.path; });
            QVERIFY(found != parsed->end());
            QVERIFY(found->sameContent(original));
            QCOMPARE(found->modifiedNs, original.modifiedNs);
        }
        QCOMPARE(manifestDigest(entries), manifestDigest(*parsed));
    }

    void forgedManifestsAreRefusedNamingTheLine() {
        const QByteArray good = formatManifest({entry(QStringLiteral("a.py"), 'a')});
        const QList<QByteArray> forged = {
            good + QByteArray(64, 'a') + " 1 0 f ../../.ssh/authorized_keys\n",
            good + QByteArray(64, 'a') + " 1 0 f /etc/passwd\n",
            good + QByteArray(64, 'a') + " 1 0 f a//b\n",
            good + QByteArray(64, 'a') + " 1 0 f .trainbench-sync/manifest\n",
            good + QByteArray(64, 'a') + " -1 0 f b\n",
            good + QByteArray(63, 'a') + " 1 0 f b\n",
            good + QByteArray(64, 'a') + " 1 0 q b\n",
            good + QByteArray(64, 'a') + " 1 0 f b",  // cut off
            good + QByteArray(64, 'a') + " 1 0 f\n"};
        for (const QByteArray& text : forged) {
            const auto parsed = parseManifest(text, QStringLiteral("box:manifest"));
            QVERIFY2(!parsed.ok(), text.constData());
            QVERIFY2(QString::fromStdString(parsed.error()).startsWith("box:manifest line 2:"),
                     parsed.error().c_str());
        }
        QVERIFY(!parseManifest(QByteArray(kMaxManifestBytes + 1, 'x'), "m").ok());
    }

    void planSendsChangesRemovesOnlyWhatItSentAndPrunesDeepestFirst() {
        const QList<ManifestEntry> synced = {entry("keep.py", 'a'), entry("edit.py", 'b'),
                                             entry("gone/deep/x.py", 'c'), entry("gone/y.py", 'd')};
        QList<ManifestEntry> local = {entry("keep.py", 'a'), entry("edit.py", 'e', 11),
                                      entry("new.py", 'f', 5)};
        local[0].modifiedNs = 42;  // touched, same content: not sent
        const SyncPlan plan = planSync(local, synced);
        QCOMPARE(plan.unchanged, 1);
        QCOMPARE(plan.send.size(), 2);
        QCOMPARE(plan.sendBytes, 16);
        QCOMPARE(sorted(plan.remove), (QStringList{"gone/deep/x.py", "gone/y.py"}));
        QCOMPARE(plan.prune, (QStringList{"gone/deep", "gone"}));
        QVERIFY(planSync(synced, synced).nothingToDo());
        // A mode change travels too.
        QList<ManifestEntry> executable = synced;
        executable[0].executable = true;
        QCOMPARE(planSync(executable, synced).send.size(), 1);
    }

    void guardAsksAboveItsSizesOnly() {
        SyncPlan plan;
        plan.send = {entry("data/train/a.bin", 'a', 6'000'000),
                     entry("data/train/b.bin", 'a', 6'000'000), entry("src/x.py", 'a', 100)};
        plan.sendBytes = 12'000'100;
        const QStringList warnings = syncWarnings(plan);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].startsWith("data/ looks like data"), qPrintable(warnings[0]));
        plan.send = {entry("data/small.csv", 'a', 2000), entry("src/x.py", 'a', 100)};
        plan.sendBytes = 2100;
        QVERIFY(syncWarnings(plan).isEmpty());
        plan.send = {entry("model.bin", 'a', 150'000'000)};
        plan.sendBytes = 150'000'000;
        QCOMPARE(syncWarnings(plan).size(), 1);
    }

    void listingFollowsGitOrTrainbenchignore() {
        QTemporaryDir dir;
        const QString repo = dir.filePath("repo");
        writeFile(repo + "/a.py", "a");
        writeFile(repo + "/.gitignore", "*.log\n");
        writeFile(repo + "/x.log", "x");
        writeFile(repo + "/sub/b.py", "b");
        git(repo, {"init", "-q"});
        git(repo, {"add", "a.py", ".gitignore"});
        git(repo, {"commit", "-qm", "c"});
        bool inGit = false;
        auto listed = listCodeFiles(repo, &inGit);
        QVERIFY(listed.ok());
        QVERIFY(inGit);
        QCOMPARE(sorted(*listed), (QStringList{".gitignore", "a.py", "sub/b.py"}));
        // A subfolder of the work tree lists its own files, relative to itself.
        listed = listCodeFiles(repo + "/sub", &inGit);
        QVERIFY(listed.ok());
        QCOMPARE(*listed, QStringList{"b.py"});

        const QString plain = dir.filePath("plain");
        writeFile(plain + "/a.py", "a");
        writeFile(plain + "/__pycache__/a.pyc", "c");
        writeFile(plain + "/.trainbenchignore", "big/\n");
        writeFile(plain + "/big/w.bin", "w");
        writeFile(plain + "/sub/.trainbenchignore", "*.tmp\n");
        writeFile(plain + "/sub/t.tmp", "t");
        writeFile(plain + "/sub/k.py", "k");
        listed = listCodeFiles(plain, &inGit);
        QVERIFY(listed.ok());
        QVERIFY(!inGit);
        QCOMPARE(sorted(*listed),
                 (QStringList{".trainbenchignore", "a.py", "sub/.trainbenchignore", "sub/k.py"}));
        QVERIFY(!listCodeFiles(dir.filePath("missing")).ok());
    }

    // An unchanged file (same size and mtime) is not read again: its cached hash is used even
    // when, behind the cache's back, its bytes were changed and its mtime put back.
    void hashCacheSkipsUnchangedFiles() {
        QTemporaryDir dir;
        const QString file = dir.filePath("a.py");
        writeFile(file, "aaaa");
        const auto first = scanCodeFolder(dir.path());
        QVERIFY(first.ok());
        QCOMPARE(first->files.size(), 1);
        struct stat before {};
        QVERIFY(::stat(QFile::encodeName(file).constData(), &before) == 0);
        writeFile(file, "bbbb");
        const struct timespec times[2] = {before.st_atim, before.st_mtim};  // to the nanosecond
        QVERIFY(::utimensat(AT_FDCWD, QFile::encodeName(file).constData(), times, 0) == 0);
        const auto second = scanCodeFolder(dir.path());
        QVERIFY(second.ok());
        QCOMPARE(second->files[0].sha256, first->files[0].sha256);
        writeFile(file, "ccccc");  // another size: hashed again
        const auto third = scanCodeFolder(dir.path());
        QVERIFY(third->files[0].sha256 != first->files[0].sha256);
    }

    void codeRecordNamesCommitChangesAndManifest() {
        QTemporaryDir dir;
        writeFile(dir.filePath("a.py"), "a");
        git(dir.path(), {"init", "-q"});
        git(dir.path(), {"add", "a.py"});
        git(dir.path(), {"commit", "-qm", "c"});
        auto record = codeRecordOfFolder(dir.path());
        QVERIFY(record.ok());
        QCOMPARE(record->value("commit").size(), 40);
        QVERIFY(record->value("dirty_diff").isEmpty());
        QCOMPARE(record->value("files"), QStringLiteral("1"));
        const QString clean = record->value("manifest");
        writeFile(dir.filePath("a.py"), "changed");
        record = codeRecordOfFolder(dir.path());
        QCOMPARE(record->value("dirty_diff").size(), 64);
        QVERIFY(record->value("manifest") != clean);
        QTemporaryDir plain;
        QVERIFY(gitRecordOfFolder(plain.path()).isEmpty());  // outside git: nothing to say
        QVERIFY(gitRecordOfFolder(QString()).isEmpty());     // the run's own dir: not the app's cwd
    }

private:
    QTemporaryDir m_cache;
};

QTEST_GUILESS_MAIN(TestSyncManifest)
#include "tst_sync_manifest.moc"
