// Tests for the log view's logic: ANSI parsing into spans, '\r' collapsing, LogTail offsets.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/services/ansi_parser.h"
#include "tests/support/run_test_support.h"
#include "ui/monitor/log_tail.h"

using namespace tb;

class TestLogViewLogic : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sgrColoursBecomeSpans() {
        AnsiParser p;
        const StyledLine l = p.parseLine(u"ok \x1b[1;31mERROR\x1b[0m done");
        QCOMPARE(l.text, QString("ok ERROR done"));
        QCOMPARE(l.spans.size(), 1);
        QCOMPARE(l.spans[0].start, 3);
        QCOMPARE(l.spans[0].length, 5);
        QVERIFY(l.spans[0].style.bold);
        QCOMPARE(l.spans[0].style.foreground.kind, AnsiColor::Kind::Indexed);
        QCOMPARE(l.spans[0].style.foreground.value, 1u);
    }

    void extendedColoursAndReset() {
        AnsiParser p;
        StyledLine l = p.parseLine(u"\x1b[38;5;208ma\x1b[48;2;10;20;30mb\x1b[39;49mc");
        QCOMPARE(l.text, QString("abc"));
        QCOMPARE(l.spans.size(), 2);
        QCOMPARE(l.spans[0].style.foreground.value, 208u);
        QCOMPARE(l.spans[1].style.background.kind, AnsiColor::Kind::Rgb);
        QCOMPARE(l.spans[1].style.background.value, 0x0a141eu);
        l = p.parseLine(u"\x1b[92mbright");
        QCOMPARE(l.spans[0].style.foreground.value, 10u);
    }

    void styleCarriesToNextLine() {
        AnsiParser p;
        p.parseLine(u"\x1b[33mwarning starts");
        const StyledLine l = p.parseLine(u"still yellow");
        QCOMPARE(l.spans.size(), 1);
        QCOMPARE(l.spans[0].style.foreground.value, 3u);
    }

    void otherEscapesAreStripped() {
        AnsiParser p;
        const StyledLine l = p.parseLine(
            u"\x1b]0;title\x07\x1b[2K\x1b[1Ga\x1b(Bb\x1b=c\x08"
            u"d\x1b[?25l\u008d");
        QCOMPARE(l.text, QString("abcd"));
        QVERIFY(l.spans.isEmpty());
        QCOMPARE(p.parseLine(u"cut \x1b[3").text, QString("cut "));
    }

    void carriageReturnKeepsLastState() {
        AnsiParser p;
        QCOMPARE(p.parseLine(u" 10%|#   |\r 50%|##  |\r100%|####|").text, QString("100%|####|"));
        QCOMPARE(p.parseLine(u"windows line\r").text, QString("windows line"));
        // A colour set in an overwritten state still applies to the shown one.
        const StyledLine l = p.parseLine(u"\x1b[32m 1%\r 2%");
        QCOMPARE(l.text, QString(" 2%"));
        QCOMPARE(l.spans.size(), 1);
        QCOMPARE(l.spans[0].style.foreground.value, 2u);
    }

    void tailReadsLinesAndPartial() {
        QTemporaryDir dir;
        const QString path = dir.filePath("output.log");
        LogTail tail(path);
        QVERIFY(tail.readAppended(100, true).fileMissing);
        tb::test::appendToFile(path, "one\ntwo\nthr");
        LogBatch b = tail.readAppended(100, true);
        QCOMPARE(b.lines, (QList<QByteArray>{"one", "two"}));
        QCOMPARE(b.partial, QByteArray("thr"));
        QCOMPARE(tail.readOffset(), 8);
        tb::test::appendToFile(path, "ee\nfour\n");
        b = tail.readAppended(100, true);
        QCOMPARE(b.lines, (QList<QByteArray>{"three", "four"}));
        QVERIFY(b.partial.isEmpty());
        QCOMPARE(tail.windowLines(), 4);
        // Truncation: the file was rewritten
        QFile::resize(path, 0);
        tb::test::appendToFile(path, "new\n");
        b = tail.readAppended(100, true);
        QVERIFY(b.reset);
        QCOMPARE(b.lines, QList<QByteArray>{"new"});
    }

    void replacedLogStartsOver() {
        QTemporaryDir dir;
        const QString path = dir.filePath("output.log");
        tb::test::appendToFile(path, "old 1\nold 2\n");
        LogTail tail(path);
        QCOMPARE(tail.readAppended(100, true).lines.size(), 2);
        // Renamed over, longer than what was read: only the file's identity tells.
        tb::test::appendToFile(path + ".new", "new 1\nnew 2\nnew 3\n");
        QVERIFY(QFile::remove(path));
        QVERIFY(QFile::rename(path + ".new", path));
        const LogBatch b = tail.readAppended(100, true);
        QVERIFY(b.reset);
        QCOMPARE(b.lines, (QList<QByteArray>{"new 1", "new 2", "new 3"}));
        QCOMPARE(tail.windowLines(), 3);
    }

    void floodKeepsOnlyTheWindow() {
        QTemporaryDir dir;
        const QString path = dir.filePath("output.log");
        QByteArray text;
        for (int i = 0; i < 1000; ++i) text += "line " + QByteArray::number(i) + "\n";
        tb::test::appendToFile(path, text);
        LogTail tail(path);
        const LogBatch b = tail.readAppended(10, true);
        QCOMPARE(b.lines.size(), 10);
        QCOMPARE(b.skippedLines, 990);
        QVERIFY(b.replacesWindow);
        QCOMPARE(b.lines.last(), QByteArray("line 999"));
        QCOMPARE(tail.windowLines(), 10);
        // Not following: stops at maxLines and leaves the rest unread.
        LogTail paused(path);
        const LogBatch p = paused.readAppended(10, false);
        QCOMPARE(p.lines.first(), QByteArray("line 0"));
        QCOMPARE(p.lines.size(), 10);
        QVERIFY(p.more);
        QCOMPARE(paused.readAppended(10, false).lines.first(), QByteArray("line 10"));
    }

    void startAtEndAndReadEarlier() {
        QTemporaryDir dir;
        const QString path = dir.filePath("output.log");
        QByteArray text;
        for (int i = 0; i < 100; ++i) text += "line " + QByteArray::number(i) + "\n";
        tb::test::appendToFile(path, text);
        LogTail tail(path);
        tail.startAtEnd(5);
        LogBatch b = tail.readAppended(5, true);
        QCOMPARE(b.lines.first(), QByteArray("line 95"));
        QCOMPARE(b.lines.last(), QByteArray("line 99"));
        QList<QByteArray> earlier = tail.readEarlier(3);
        QCOMPARE(earlier, (QList<QByteArray>{"line 92", "line 93", "line 94"}));
        QCOMPARE(tail.windowLines(), 8);
        tail.dropBack(2);  // the view dropped lines 98 and 99: they come back later
        b = tail.readAppended(100, true);
        QCOMPARE(b.lines, (QList<QByteArray>{"line 98", "line 99"}));
        tail.dropFront(6);
        QCOMPARE(tail.windowLines(), 2);
        earlier = tail.readEarlier(200);
        QCOMPARE(earlier.size(), 98);
        QCOMPARE(earlier.first(), QByteArray("line 0"));
        QCOMPARE(tail.windowStart(), 0);
        QVERIFY(tail.readEarlier(10).isEmpty());
    }

    void overlongLineIsCut() {
        QTemporaryDir dir;
        const QString path = dir.filePath("output.log");
        tb::test::appendToFile(path, QByteArray(100, 'x') + "\nend\n");
        LogTail tail(path);
        tail.setMaxLineBytes(40);
        const LogBatch b = tail.readAppended(100, true);
        QCOMPARE(b.lines.size(), 4);  // 40 + 40 + 20 + "end"
        QCOMPARE(b.lines[2].size(), 20);
        QCOMPARE(b.lines[3], QByteArray("end"));
    }
};

QTEST_GUILESS_MAIN(TestLogViewLogic)
#include "tst_log_view_logic.moc"
