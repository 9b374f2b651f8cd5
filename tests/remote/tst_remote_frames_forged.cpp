// Frames from a box that lies: lengths near INT64_MAX, negative or past the end, sizes below
// -1, and random mutations of a real scan. Every one must be an error (or a parse), never a
// crash; before the range check "root 9223372036854775800" read memory before the buffer.

#include <QRandomGenerator>
#include <QTest>

#include "remote/runs/remote_checkpoints.h"
#include "remote/runs/remote_run_frames.h"
#include "remote/runs/remote_run_scan.h"
#include "remote/ssh/transfer_context.h"
#include "remote/transfer/transfer_remote.h"

using namespace tb;

namespace {

QByteArray frame(const QByteArray& key, const QByteArray& value) {
    return key + ' ' + QByteArray::number(value.size()) + '\n' + value + '\n';
}

QByteArray realScan() {
    return frame("root", "/root/runs") + frame("run", "20261122-153012-demo") +
           frame("runjson", R"({"id":"20261122-153012-demo","name":"demo"})") +
           frame("status", R"({"state":"running","pid":1234,"pgid":1234,"epoch":1,"step":5})") +
           frame("tail", R"({"step":5,"train/loss":0.5})") + frame("alive", "1");
}

}  // namespace

class TestRemoteFramesForged : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hugeLengthsAreErrorsNotCrashes_data() {
        QTest::addColumn<QByteArray>("output");
        QTest::newRow("near INT64_MAX") << QByteArray("root 9223372036854775800\n/x\n");
        QTest::newRow("INT64_MAX") << QByteArray("root 9223372036854775807\n/x\n");
        QTest::newRow("past INT64_MAX") << QByteArray("root 9223372036854775808\n/x\n");
        QTest::newRow("UINT64_MAX") << QByteArray("root 18446744073709551615\n/x\n");
        QTest::newRow("negative") << QByteArray("root -1\n/x\n");
        QTest::newRow("INT64_MIN") << QByteArray("root -9223372036854775808\n/x\n");
        QTest::newRow("one past the end") << QByteArray("root 3\n/x\n");
        QTest::newRow("no trailing newline") << QByteArray("root 2\n/x");
        QTest::newRow("size below -1") << QByteArray("log 2 -7\n/x\n");
        QTest::newRow("second frame huge") << frame("root", "/r") + "run 9223372036854775800\nz\n";
    }

    void hugeLengthsAreErrorsNotCrashes() {
        QFETCH(QByteArray, output);
        QVERIFY(!parseRemoteFrames(output).ok());
        const auto scan = parseRemoteScan(output, QStringLiteral("gpu-box"));
        QVERIFY(!scan.ok());
        QVERIFY(QString::fromStdString(scan.error()).contains(QLatin1String("gpu-box")));
        QVERIFY(!parseRemoteCheckpoints(output, QStringLiteral("gpu-box")).ok());
    }

    void exactFramesStillParse() {
        const auto frames = parseRemoteFrames(realScan());
        QVERIFY(frames.ok());
        QCOMPARE(frames->size(), 6);
        const auto scan = parseRemoteScan(realScan(), QStringLiteral("gpu-box"));
        QVERIFY(scan.ok());
        QCOMPARE(scan->runs.size(), 1);
        QCOMPARE(scan->runs.front().step, 5);
    }

    // A folder download's file count, as the box reports it, before any space is reserved.
    void forgedFileCountsAreRefused_data() {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<bool>("believed");
        QTest::newRow("plain") << QByteArray("3 1200 4096\n4\nzstd\n") << true;
        QTest::newRow("awk's exponent") << QByteArray("3 1.2e+10 4096\n4\nzstd\n") << true;
        QTest::newRow("1e30 bytes") << QByteArray("3 1e30 4096\n4\nzstd\n") << false;
        QTest::newRow("negative files") << QByteArray("-3 1200 4096\n4\nzstd\n") << false;
        QTest::newRow("nan") << QByteArray("nan 1200 4096\n4\nzstd\n") << false;
        QTest::newRow("no entries") << QByteArray("3 1200 4096\n0\nzstd\n") << false;
        QTest::newRow("huge entries")
            << QByteArray("3 1200 4096\n99999999999999999999\nzstd\n") << false;
    }

    void forgedFileCountsAreRefused() {
        QFETCH(QByteArray, answer);
        QFETCH(bool, believed);
        TransferContext context;
        context.where = QStringLiteral("root@gpu-box port 22");
        context.exec = [answer](const RemoteCommand&) {
            ExecResult result;
            result.exitStatus = 0;
            result.standardOutput = answer;
            return result;
        };
        const auto count = countRemoteTree(context, QStringLiteral("/data"));
        QCOMPARE(count.ok(), believed);
        if (believed) {
            QVERIFY(count->files == 3 && count->bytes > 0 && count->entries == 3);
        } else {
            QVERIFY(QString::fromStdString(count.error()).contains(QLatin1String("gpu-box")));
        }
    }

    // Deterministic mutations (fixed seed): flipped bytes, digits spliced into headers, cuts.
    void mutatedScansNeverCrash() {
        QRandomGenerator random(11);
        const QByteArray base = realScan();
        int parsed = 0;
        for (int i = 0; i < 20000; ++i) {
            QByteArray bytes = base;
            const int edits = 1 + int(random.bounded(4));
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = random.bounded(int(bytes.size()));
                switch (random.bounded(4)) {
                    case 0:
                        bytes[at] = char(random.bounded(256));
                        break;
                    case 1:
                        bytes.insert(at, "9223372036854775");
                        break;
                    case 2:
                        bytes.truncate(at);
                        break;
                    default:
                        bytes.insert(at, '\n');
                        break;
                }
                if (bytes.isEmpty()) break;
            }
            if (parseRemoteScan(bytes, QStringLiteral("b")).ok()) ++parsed;
            (void)parseRemoteCheckpoints(bytes, QStringLiteral("b"));
        }
        QVERIFY(parsed > 0);  // some mutations stay valid; the loop really parsed
    }
};

QTEST_GUILESS_MAIN(TestRemoteFramesForged)
#include "tst_remote_frames_forged.moc"
