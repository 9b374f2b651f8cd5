// Tests for the CLI follower's file reading: whole metrics lines only, raw log bytes at once,
// --from-end, and a replaced file read again from its top.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "app/cli/run_follower.h"
#include "tests/support/run_test_support.h"

using tb::cli::FileFollower;

class TestRunFollower : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void metricsLinesWaitForTheirEnd() {
        QTemporaryDir dir;
        const QString path = dir.filePath("metrics.jsonl");
        FileFollower metrics(path);
        QVERIFY(metrics.readNewLines().isEmpty());  // not there yet
        tb::test::appendToFile(path, "{\"step\":1}\n{\"step\":");
        QCOMPARE(metrics.readNewLines(), QByteArray("{\"step\":1}\n"));
        QVERIFY(metrics.readNewLines().isEmpty());
        tb::test::appendToFile(path, "2}\n");
        QCOMPARE(metrics.readNewLines(), QByteArray("{\"step\":2}\n"));
    }

    void logBytesComeAtOnce() {
        QTemporaryDir dir;
        const QString path = dir.filePath("output.log");
        tb::test::appendToFile(path, "old\n");
        FileFollower log(path);
        log.skipToEnd();  // --from-end
        tb::test::appendToFile(path, " 10%|#  |\r");
        QCOMPARE(log.readNew(), QByteArray(" 10%|#  |\r"));  // a progress bar has no '\n'
        tb::test::appendToFile(path, " 20%|## |\r");
        QCOMPARE(log.readNew(), QByteArray(" 20%|## |\r"));
    }

    void aReplacedFileIsReadFromItsTop() {
        QTemporaryDir dir;
        const QString path = dir.filePath("metrics.jsonl");
        tb::test::appendToFile(path, "{\"step\":1}\n{\"step\":2}\n");
        FileFollower metrics(path);
        QCOMPARE(metrics.readNewLines().count('\n'), 2);
        // A resume rewrites metrics.jsonl (renamed over it), here longer than what was read.
        tb::test::appendToFile(path + ".new", "{\"step\":1}\n{\"step\":2}\n{\"step\":3}\n");
        QVERIFY(QFile::remove(path));
        QVERIFY(QFile::rename(path + ".new", path));
        QCOMPARE(metrics.readNewLines(), QByteArray("{\"step\":1}\n{\"step\":2}\n{\"step\":3}\n"));
    }
};

QTEST_GUILESS_MAIN(TestRunFollower)
#include "tst_run_follower.moc"
