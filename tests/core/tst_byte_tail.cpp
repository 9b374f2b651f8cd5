// Tests for ByteTail: lines across appends, any split, the line cap (cut or skip), files
// truncated, replaced or rewritten.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/metrics/byte_tail.h"
#include "tests/support/run_test_support.h"

using tb::ByteTail;
using LongLine = tb::ByteTail::LongLine;

namespace {

struct Taken {
    QList<QByteArray> lines;
    QList<qint64> offsets;
};

void takeEach(ByteTail& tail, Taken& taken) {
    ByteTail::Line line;
    while (tail.nextLine(line)) {
        taken.lines.append(line.bytes.toByteArray());
        taken.offsets.append(line.offset);
    }
}

// Reads everything the file holds now, as a follower's poll does.
QList<QByteArray> poll(ByteTail& tail, const QString& path, bool* reset = nullptr) {
    QFile file(path);
    const tb::TailFileCheck check = tail.openFile(file);
    if (reset) *reset = check.reset;
    while (tail.readFile(file, check.size, 5) > 0) {
    }
    Taken taken;
    takeEach(tail, taken);
    return taken.lines;
}

const QByteArray kStream = "{\"step\":1}\n\n{\"step\":2,\"loss\":0.5}\r\nx\n{\"step\":3}";

}  // namespace

class TestByteTail : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void partialLineWaitsForItsEnd() {
        ByteTail tail(1024, LongLine::Cut);
        tail.append("one\ntw");
        Taken taken;
        takeEach(tail, taken);
        QCOMPARE(taken.lines, QList<QByteArray>{"one"});
        QCOMPARE(tail.partial(), QByteArrayView("tw"));
        QCOMPARE(tail.offset(), 4);
        QCOMPARE(tail.readOffset(), 6);
        tail.append("o");
        takeEach(tail, taken);
        QCOMPARE(taken.lines.size(), 1);  // still no '\n'
        tail.append("\nthree\n");
        takeEach(tail, taken);
        QCOMPARE(taken.lines, (QList<QByteArray>{"one", "two", "three"}));
        QCOMPARE(taken.offsets, (QList<qint64>{0, 4, 8}));
        QCOMPARE(tail.offset(), 14);
        QCOMPARE(tail.held(), 0);
    }

    void everySplitGivesTheSameLines() {
        ByteTail whole(1024, LongLine::Skip);
        whole.append(kStream);
        Taken expected;
        takeEach(whole, expected);
        QCOMPARE(expected.lines.size(), 4);
        QCOMPARE(expected.lines[2], QByteArray("{\"step\":2,\"loss\":0.5}\r"));
        for (qsizetype at = 0; at <= kStream.size(); ++at) {
            ByteTail lines(1024, LongLine::Skip);
            Taken taken;
            lines.append(kStream.left(at));
            takeEach(lines, taken);
            lines.append(kStream.mid(at));
            takeEach(lines, taken);
            QCOMPARE(taken.lines, expected.lines);
            QCOMPARE(taken.offsets, expected.offsets);
            QCOMPARE(lines.partial(), QByteArrayView("{\"step\":3}"));
            // The same split taken as blocks for a parser.
            ByteTail blocks(1024, LongLine::Skip);
            blocks.append(kStream.left(at));
            QByteArray joined = blocks.takeLines().toByteArray();
            blocks.append(kStream.mid(at));
            joined += blocks.takeLines().toByteArray();
            QCOMPARE(joined, kStream.left(kStream.lastIndexOf('\n') + 1));
            QCOMPARE(blocks.offset() + blocks.held(), kStream.size());
        }
        ByteTail bytes(1024, LongLine::Skip);
        QByteArray joined;
        for (const char c : kStream) {
            bytes.append(QByteArrayView(&c, 1));
            joined += bytes.takeLines().toByteArray();
        }
        QCOMPARE(joined, kStream.left(kStream.lastIndexOf('\n') + 1));
        QCOMPARE(bytes.held(), 10);
    }

    void anEndlessLineIsHeldOnlyUpToTheCapThenSkipped() {
        ByteTail tail(1 << 20, LongLine::Skip);
        const QByteArray packet(32 * 1024, 'x');
        qsizetype mostHeld = 0;
        for (int i = 0; i < 320; ++i) {  // 10 MiB without a newline
            tail.append(packet);
            QVERIFY(tail.takeLines().isEmpty());
            mostHeld = qMax(mostHeld, tail.held());
        }
        QVERIFY(mostHeld <= (1 << 20));
        QCOMPARE(tail.skippedLines(), 1);
        // The rest of the long line is dropped; the next line comes out whole, and every byte
        // is accounted for: skipped + returned + held = what came in.
        const QByteArray rest = "yyy\n{\"step\":7}\n{\"st";
        tail.append(rest);
        const QByteArray lines = tail.takeLines().toByteArray();
        QCOMPARE(lines, QByteArray("{\"step\":7}\n"));
        QCOMPARE(tail.skippedBytes() + lines.size() + tail.held(),
                 qint64(320) * packet.size() + rest.size());
        QCOMPARE(tail.readOffset(), qint64(320) * packet.size() + rest.size());
    }

    void anEndlessLineIsCutInPieces() {
        ByteTail tail(1024, LongLine::Cut);
        tail.append(QByteArray(100000, 'x'));
        Taken taken;
        takeEach(tail, taken);
        QCOMPARE(taken.lines.size(), 97);
        QCOMPARE(taken.lines.first().size(), 1024);
        QCOMPARE(taken.offsets[1], 1024);
        QVERIFY(tail.held() < 1024);
        QCOMPARE(tail.skippedLines(), 0);
        tail.append("\nend\n");
        takeEach(tail, taken);
        QCOMPARE(taken.lines.size(), 99);
        QCOMPARE(taken.lines[97].size(), 100000 - 97 * 1024);
        QCOMPARE(taken.lines[98], QByteArray("end"));
        QCOMPARE(tail.offset(), 100005);
    }

    void aLongCompleteLineIsCutToo() {
        ByteTail tail(40, LongLine::Cut);
        tail.append(QByteArray(100, 'x') + "\nend\n");
        Taken taken;
        takeEach(tail, taken);
        QCOMPARE(taken.lines.size(), 4);  // 40 + 40 + 20 + "end"
        QCOMPARE(taken.lines[2].size(), 20);
        QCOMPARE(taken.lines[3], QByteArray("end"));
        QCOMPARE(taken.offsets, (QList<qint64>{0, 40, 80, 101}));
    }

    void takeAllHandsOutThePartialToo() {
        ByteTail tail(1024, LongLine::Cut);
        tail.append("a\nb");
        QCOMPARE(tail.takeAll(), QByteArray("a\nb"));
        QCOMPARE(tail.offset(), 3);
        QCOMPARE(tail.held(), 0);
    }

    void fileReadsResumeWhereTheyStopped() {
        QTemporaryDir dir;
        const QString path = dir.filePath("f.log");
        ByteTail tail(1024, LongLine::Cut);
        QFile missing(path);
        QVERIFY(tail.openFile(missing).fileMissing);
        tb::test::appendToFile(path, "one\ntwo\nthr");
        QCOMPARE(poll(tail, path), (QList<QByteArray>{"one", "two"}));
        QCOMPARE(tail.offset(), 8);
        QCOMPARE(tail.readOffset(), 11);
        tb::test::appendToFile(path, "ee\n");
        QCOMPARE(poll(tail, path), QList<QByteArray>{"three"});
        QVERIFY(poll(tail, path).isEmpty());  // nothing new: nothing read twice
        tail.restartAt(4);                    // read again from "two"
        QCOMPARE(poll(tail, path), (QList<QByteArray>{"two", "three"}));
    }

    void truncationRestartsAtTheTop() {
        QTemporaryDir dir;
        const QString path = dir.filePath("f.log");
        ByteTail tail(1024, LongLine::Cut);
        tb::test::appendToFile(path, "one\ntwo\nthree\n");
        QCOMPARE(poll(tail, path).size(), 3);
        QVERIFY(QFile::resize(path, 0));
        tb::test::appendToFile(path, "new\n");
        bool reset = false;
        QCOMPARE(poll(tail, path, &reset), QList<QByteArray>{"new"});
        QVERIFY(reset);
        QCOMPARE(tail.offset(), 4);
    }

    void replacementRestartsAtTheTop_data() {
        QTest::addColumn<QString>("how");
        QTest::newRow("renamed over") << "rename";
        QTest::newRow("gone and back") << "recreate";
        QTest::newRow("rewritten in place") << "rewrite";
    }

    void replacementRestartsAtTheTop() {
        QFETCH(QString, how);
        QTemporaryDir dir;
        const QString path = dir.filePath("f.log");
        ByteTail tail(1024, LongLine::Cut);
        tb::test::appendToFile(path, "a1\na2\n");
        QCOMPARE(poll(tail, path).size(), 2);
        const QByteArray longer = "b1\nb2\nb3\n";  // longer than what was read
        if (how == "rename") {
            tb::test::appendToFile(path + ".tmp", longer);
            QVERIFY(QFile::remove(path));
            QVERIFY(QFile::rename(path + ".tmp", path));
        } else if (how == "recreate") {
            QVERIFY(QFile::remove(path));
            QVERIFY(poll(tail, path).isEmpty());  // seen missing
            tb::test::appendToFile(path, longer);
        } else {
            QFile f(path);  // same inode: only the changed first bytes can tell
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(longer), longer.size());
        }
        bool reset = false;
        QCOMPARE(poll(tail, path, &reset), (QList<QByteArray>{"b1", "b2", "b3"}));
        QVERIFY(reset);
    }
};

QTEST_GUILESS_MAIN(TestByteTail)
#include "tst_byte_tail.moc"
