// trainbench sync through a local sshd: what git keeps (ignored files stay home), a second sync
// that sends only the changed file, deletions, files the box wrote left alone, odd names, the
// size guard, a 10 000-file tree and a forged manifest. The test binary doubles as the CLI.

#include "app/cli/cli_main.h"
#include "cli_process.h"
#include "ssh_test_support.h"
#include "sshd_fixture.h"
#include "tst_transfer_tree.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace tb::test;

namespace {

qint64 inodeOf(const QString& path) {
    struct stat info {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? qint64(info.st_ino) : -1;
}

// The synced tree without the sync's own folder.
QMap<QString, QByteArray> syncedTree(const QString& root) {
    QMap<QString, QByteArray> tree = readTree(root);
    tree.removeIf([](const auto& item) { return item.key().startsWith(".trainbench-sync"); });
    return tree;
}

}  // namespace

class TestFolderSync : public tb::test::SshdTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QString path(const QString& name) const { return m_home.filePath(name); }

    CliRun trainbench(const QStringList& arguments) {
        QProcessEnvironment env = cliEnvironment(m_home.path());
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("cache")));
        return runCli(QCoreApplication::applicationFilePath(), arguments, env, {}, 300000);
    }

    CliRun sync(const QString& local, const QString& remote, const QStringList& more = {}) {
        addHost();
        return trainbench(QStringList{QStringLiteral("sync"), QStringLiteral("box"), local, remote,
                                      QStringLiteral("--accept-key"), m_sshd.hostKeyFingerprint()} +
                          more);
    }

    bool m_hostAdded = false;

    void addHost() {
        if (m_hostAdded) return;
        QString user = QString::fromLocal8Bit(qgetenv("USER"));
        if (user.isEmpty()) user = QStringLiteral("root");
        const CliRun added =
            trainbench({QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("box"),
                        QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(user),
                        QStringLiteral("--key"), m_sshd.userKeyFile(),
                        QStringLiteral("--known-hosts"), path(QStringLiteral("known_hosts"))});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        m_hostAdded = true;
    }

private Q_SLOTS:
    void gitFolderSyncsWhatGitKeepsThenOnlyChanges() {
        const QString code = path(QStringLiteral("project"));
        writeFile(code + "/train.py", "print('v1')\n");
        writeFile(code + "/model/net.py", "class Net: pass\n");
        writeFile(code + "/.gitignore", "*.log\ndata/\n");
        writeFile(code + "/train.log", "ignored\n");
        writeFile(code + "/data/images.bin", QByteArray(5000, 'x'));
        writeFile(code + "/it's \"odd\" $(name).py", "# quotes\n");
        writeFile(code + "/new\nline.txt", "newline in the name\n");
        writeFile(code + "/with space/a b.txt", "spaces\n");
        runGit(code, {QStringLiteral("init"), QStringLiteral("-q")});
        runGit(code, {QStringLiteral("add"), QStringLiteral("train.py"), QStringLiteral("model"),
                      QStringLiteral(".gitignore")});
        runGit(code, {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("first")});
        writeFile(code + "/notes.txt", "untracked, not ignored: sent\n");
        const QByteArray commit =
            runGit(code, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});

        const QString remote = path(QStringLiteral("box/project"));
        const CliRun first = sync(code, remote);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.err.contains(QLatin1String("sent 7 files")), qPrintable(first.err));
        QVERIFY2(first.out.contains("commit " + commit), qPrintable(first.out));
        auto expected = readTree(code);
        expected.removeIf([](const auto& item) {
            return item.key() == QLatin1String("train.log") || item.key().startsWith("data") ||
                   item.key().startsWith(".git/") || item.key() == QLatin1String(".git");
        });
        QCOMPARE(syncedTree(remote), expected);
        QVERIFY(!QFileInfo::exists(remote + "/train.log"));

        // The run writes beside the code; one file changes and one goes here.
        writeFile(remote + "/outputs/result.txt", "written on the box\n");
        const qint64 untouched = inodeOf(remote + "/notes.txt");
        writeFile(code + "/train.py", "print('v2')\n");
        QVERIFY(QFile::remove(code + "/model/net.py"));
        const CliRun second = sync(code, remote);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.err.contains(QLatin1String("sent 1 file (12 B,")), qPrintable(second.err));
        QVERIFY2(second.err.contains(QLatin1String("removed 1, 5 unchanged")),
                 qPrintable(second.err));
        // What travelled: one small file and the lists, far below the 7 files of the first.
        const QRegularExpression wire(QStringLiteral("([0-9.]+) (B|kB) on the wire"));
        const auto match = wire.match(second.err);
        QVERIFY2(match.hasMatch(), qPrintable(second.err));
        QVERIFY2(match.captured(2) == QLatin1String("B") || match.captured(1).toDouble() < 4,
                 qPrintable(second.err));
        QCOMPARE(inodeOf(remote + "/notes.txt"), untouched);
        QCOMPARE(QFileInfo(remote + "/train.py").size(), 12);
        QVERIFY(!QFileInfo::exists(remote + "/model"));  // emptied, so removed
        QVERIFY(QFileInfo::exists(remote + "/outputs/result.txt"));
        QVERIFY2(second.out.contains(QLatin1String("dirty_diff ")), qPrintable(second.out));

        const CliRun third = sync(code, remote);
        QVERIFY2(third.err.contains(QLatin1String("sent 0 files")) &&
                     third.err.contains(QLatin1String("removed 0")),
                 qPrintable(third.err));
    }

    void tenThousandFilesThenOneChange() {
        const QString code = path(QStringLiteral("big"));
        QVERIFY(makeTree(code, 10000, 300, 11) > 0);
        writeFile(code + "/.trainbenchignore", "*.tmp\nscratch/\n");
        writeFile(code + "/d000/x.tmp", "left out\n");
        writeFile(code + "/scratch/y.bin", "left out\n");
        const QString remote = path(QStringLiteral("box/big"));
        const CliRun first = sync(code, remote);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.err.contains(QLatin1String("sent 10001 files")), qPrintable(first.err));
        QVERIFY(!QFileInfo::exists(remote + "/d000/x.tmp"));
        QVERIFY(!QFileInfo::exists(remote + "/scratch"));

        writeFile(code + "/d042/f4242.bin", "changed\n");
        const CliRun second = sync(code, remote);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.err.contains(QLatin1String("sent 1 file (8 B,")), qPrintable(second.err));
        QVERIFY2(second.err.contains(QLatin1String("10000 unchanged")), qPrintable(second.err));
        QCOMPARE(syncedTree(remote).size(), readTree(code).size() - 3);  // x.tmp, scratch/, y.bin
    }

    void largeDataAsksFirst() {
        const QString code = path(QStringLiteral("withdata"));
        writeFile(code + "/train.py", "print(1)\n");
        QVERIFY(QDir().mkpath(code + "/data"));
        makeFile(code + "/data/train.bin", 11'000'000, 3);
        const QString remote = path(QStringLiteral("box/withdata"));
        const CliRun refused = sync(code, remote);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("data/ looks like data")),
                 qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("--yes")), qPrintable(refused.err));
        QVERIFY(!QFileInfo::exists(remote + "/train.py"));
        const CliRun sent = sync(code, remote, {QStringLiteral("--yes")});
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
        QCOMPARE(sha256Of(remote + "/data/train.bin"), sha256Of(code + "/data/train.bin"));
    }

    // A box is not trusted: a manifest naming a path outside the folder stops the sync before
    // anything is removed, and says which file and line.
    void forgedManifestIsRefused() {
        const QString code = path(QStringLiteral("small"));
        writeFile(code + "/a.py", "a\n");
        const QString remote = path(QStringLiteral("box/small"));
        QCOMPARE(sync(code, remote).exitCode, 0);
        writeFile(path(QStringLiteral("box/victim.txt")), "keep\n");
        writeFile(remote + "/.trainbench-sync/manifest",
                  QByteArray(64, 'a') + " 5 0 f ../victim.txt\n");
        const CliRun refused = sync(code, remote);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("manifest")) &&
                     refused.err.contains(QLatin1String("line 1")),
                 qPrintable(refused.err));
        QVERIFY(QFileInfo::exists(path(QStringLiteral("box/victim.txt"))));
    }
};

int main(int argc, char** argv) {
    // Started with a command word, this binary is trainbench's command line.
    if (argc > 1 && (qstrcmp(argv[1], "hosts") == 0 || qstrcmp(argv[1], "sync") == 0))
        return tb::runCliCommand(argc, argv);
    QCoreApplication app(argc, argv);
    TestFolderSync test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_folder_sync.moc"
