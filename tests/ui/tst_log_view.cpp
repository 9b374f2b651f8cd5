// Tests for LogView offscreen: following appends, bounded window on a 200 MB log, search,
// ANSI formats, '\r' collapsing, load earlier, follow toggling.
#include <QFile>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include "tests/support/run_test_support.h"
#include "ui/monitor/log_view.h"

using tb::LogView;

namespace {
QString lastLine(const LogView& view) {
    return view.textEdit()->document()->lastBlock().text();
}

// Format of the character at `column` of block `block`.
QTextCharFormat formatAt(const LogView& view, int block, int column) {
    QTextCursor c(view.textEdit()->document()->findBlockByNumber(block));
    c.setPosition(c.position() + column + 1);
    return c.charFormat();
}
}  // namespace

class TestLogView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QString("o%1.log").arg(++m_n));
    }

    void appendedLinesShowUp() {
        tb::test::appendToFile(m_path, "epoch 1\n");
        LogView view;
        view.resize(600, 300);
        view.show();
        view.setPollIntervalMs(20);
        view.openFile(m_path);
        QCOMPARE(view.textEdit()->toPlainText(), QString("epoch 1"));
        tb::test::appendToFile(m_path, "epoch 2\nepoch 3\n");
        QTRY_COMPARE(lastLine(view), QString("epoch 3"));  // the view's own timer read it
        QCOMPARE(view.textEdit()->blockCount(), 3);
        tb::test::appendToFile(m_path, "step 5/10");
        QTRY_COMPARE(lastLine(view), QString("step 5/10"));  // partial line shown
        tb::test::appendToFile(m_path, "\rstep 10/10\n");
        QTRY_COMPARE(lastLine(view), QString("step 10/10"));
        QCOMPARE(view.textEdit()->blockCount(), 4);  // the progress line took one block
    }

    void hugeLogKeepsWindowBounded() {
        // ~200 MB, 2.6 M lines; the view must neither read nor hold all of it.
        {
            QFile f(m_path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray chunk;
            for (int i = 0; i < 2600000; ++i) {
                chunk += "step " + QByteArray::number(i) +
                         " loss=0.123456 acc=0.987654 lr=0.001 some padding to make it longer\n";
                if (chunk.size() > (8 << 20)) {
                    f.write(chunk);
                    chunk.clear();
                }
            }
            f.write(chunk);
        }
        QVERIFY(QFile(m_path).size() > 200LL * 1000 * 1000);
        LogView view;
        view.setMaxLines(20000);
        view.openFile(m_path);
        QCOMPARE(view.textEdit()->blockCount(), 20000);
        QVERIFY(lastLine(view).startsWith("step 2599999 "));
        QVERIFY(view.tail().totalBytesRead() < 8LL * 1024 * 1024);
        QVERIFY(view.canLoadEarlier());

        // A flood while following: 60 000 new lines in one go stay within the window.
        QByteArray flood;
        for (int i = 0; i < 60000; ++i) flood += "flood " + QByteArray::number(i) + "\n";
        tb::test::appendToFile(m_path, flood);
        view.pollNow();
        QVERIFY(view.textEdit()->blockCount() <= 20000);
        QCOMPARE(lastLine(view), QString("flood 59999"));

        // From the beginning: the first lines, bounded, not following.
        LogView fromStart;
        fromStart.setMaxLines(5000);
        fromStart.openFile(m_path, LogView::StartAt::Beginning);
        fromStart.pollNow();
        QCOMPARE(fromStart.textEdit()->blockCount(), 5000);
        QVERIFY(fromStart.textEdit()->document()->firstBlock().text().startsWith("step 0 "));
        QVERIFY(!fromStart.followTail());
        fromStart.setFollowTail(true);  // a 200 MB backlog: jump to the end, do not read it
        QVERIFY(fromStart.textEdit()->blockCount() <= 5000);
        QCOMPARE(lastLine(fromStart), QString("flood 59999"));
        QVERIFY(fromStart.tail().totalBytesRead() < 16LL * 1024 * 1024);
    }

    void loadEarlierReadsBackwards() {
        QByteArray text;
        for (int i = 0; i < 1000; ++i) text += "line " + QByteArray::number(i) + "\n";
        tb::test::appendToFile(m_path, text);
        LogView view;
        view.setMaxLines(400);
        view.openFile(m_path);
        QCOMPARE(view.textEdit()->document()->firstBlock().text(), QString("line 600"));
        view.loadEarlier();  // 100 lines, and the newest 100 leave the window
        QCOMPARE(view.textEdit()->blockCount(), 400);
        QCOMPARE(view.textEdit()->document()->firstBlock().text(), QString("line 500"));
        QCOMPARE(lastLine(view), QString("line 899"));
        QVERIFY(!view.followTail());
        view.setFollowTail(true);
        QCOMPARE(lastLine(view), QString("line 999"));
        QCOMPARE(view.textEdit()->blockCount(), 400);
    }

    void scrollingUpStopsFollowing() {
        QByteArray text;
        for (int i = 0; i < 500; ++i) text += "line " + QByteArray::number(i) + "\n";
        tb::test::appendToFile(m_path, text);
        LogView view;
        view.resize(500, 200);
        view.show();
        view.openFile(m_path);
        QScrollBar* bar = view.textEdit()->verticalScrollBar();
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(view.followTail());
        bar->setValue(10);  // the user drags up
        QVERIFY(!view.followTail());
        bar->setValue(bar->maximum());
        QVERIFY(view.followTail());
    }

    void searchFindsAndWraps() {
        tb::test::appendToFile(m_path, "alpha\nbeta\nNaN found here\ngamma\nnan again\n");
        LogView view;
        view.openFile(m_path);
        QVERIFY(view.find("nan"));
        QCOMPARE(view.textEdit()->textCursor().blockNumber(), 2);
        QVERIFY(view.find("nan"));
        QCOMPARE(view.textEdit()->textCursor().blockNumber(), 4);
        QVERIFY(view.find("nan"));  // wraps to the top
        QCOMPARE(view.textEdit()->textCursor().blockNumber(), 2);
        QVERIFY(view.find("nan", true));  // backwards wraps to the bottom
        QCOMPARE(view.textEdit()->textCursor().blockNumber(), 4);
        QVERIFY(!view.find("delta"));
        view.showSearch();
        QVERIFY(view.textEdit()->extraSelections().isEmpty());
    }

    void ansiColoursBecomeFormats() {
        tb::test::appendToFile(m_path, "plain \x1b[31mred\x1b[0m \x1b[1;32mbold green\x1b[0m\n");
        LogView view;
        view.openFile(m_path);
        QCOMPARE(lastLine(view), QString("plain red bold green"));
        const QColor plain = formatAt(view, 0, 0).foreground().color();
        const QTextCharFormat red = formatAt(view, 0, 6);
        QCOMPARE(red.foreground().color().red() > red.foreground().color().green() * 2, true);
        QVERIFY(red.foreground().color() != plain);
        const QTextCharFormat green = formatAt(view, 0, 10);
        QCOMPARE(green.fontWeight(), int(QFont::Bold));
        QVERIFY(green.foreground().color().green() > green.foreground().color().red());
    }

    void screenshot() {
        const QByteArray dir = qgetenv("TB_SCREENSHOT_DIR");
        if (dir.isEmpty()) QSKIP("set TB_SCREENSHOT_DIR to write docs/screenshots/log-view.png");
        tb::test::appendToFile(
            m_path,
            "\x1b[1mtrainbench-train\x1b[0m --config demo.yaml\n"
            "\x1b[36m[data]\x1b[0m synthetic: 60000 train / 10000 val, 10 classes\n"
            "\x1b[36m[model]\x1b[0m cnn: 1.2 M parameters on \x1b[1;33mcpu\x1b[0m\n"
            "epoch 1/3  10%|##        | 94/938\r"
            "epoch 1/3 100%|##########| 938/938 loss=0.412 acc=0.871\n"
            "\x1b[32mval\x1b[0m epoch 1: loss=0.301 acc=\x1b[1;32m0.912\x1b[0m\n"
            "epoch 2/3 100%|##########| 938/938 loss=0.215 acc=0.934\n"
            "\x1b[33mwarning:\x1b[0m learning rate warmup ended at step 500\n"
            "\x1b[32mval\x1b[0m epoch 2: loss=0.198 acc=\x1b[1;32m0.944\x1b[0m\n"
            "\x1b[1;31merror:\x1b[0m loss became \x1b[41;97mnan\x1b[0m at step 2047\n"
            "checkpoint \x1b[4mckpt-e0002-s0001876.pt\x1b[0m written\n"
            "epoch 3/3  47%|####6     | 441/938");
        LogView view;
        view.resize(760, 330);
        view.show();
        view.openFile(m_path);
        view.showSearch("loss");
        QVERIFY(view.find("loss"));
        QCOMPARE(view.textEdit()->extraSelections().size(), 5);  // every "loss" highlighted
        QVERIFY(view.grab().save(QString::fromLocal8Bit(dir) + "/log-view.png"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
};

QTEST_MAIN(TestLogView)
#include "tst_log_view.moc"
