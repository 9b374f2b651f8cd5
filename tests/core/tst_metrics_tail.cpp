// Tests for MetricsTail: offsets across appends, partial lines, replacement, truncation, absence.
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/metrics/metrics_tail.h"
#include "core/metrics/series_store.h"
#include "tests/support/run_test_support.h"

using tb::MetricsTail;
using tb::SeriesStore;

namespace {
QByteArray line(int step, double loss) {
    return QByteArray("{\"step\":") + QByteArray::number(step) +
           ",\"train/loss\":" + QByteArray::number(loss) + "}\n";
}

double lossAt(const SeriesStore& store, std::size_t i) {
    const auto series = store.findSeries("train/loss");
    return series < 0 ? -1 : store.view(std::size_t(series)).y(i);
}
}  // namespace

class TestMetricsTail : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QString("m%1.jsonl").arg(++m_n));
    }

    void missingFileIsNotAnError() {
        SeriesStore store;
        MetricsTail tail(m_path, &store);
        auto r = tail.poll();
        QVERIFY(r.fileMissing);
        QCOMPARE(r.records, 0);
        QCOMPARE(tail.offset(), 0);
        tb::test::appendToFile(m_path, line(1, 0.5));
        r = tail.poll();
        QVERIFY(!r.fileMissing);
        QVERIFY(!r.reset);
        QCOMPARE(r.records, 1);
        QCOMPARE(store.recordCount(), std::size_t(1));
    }

    void offsetsFollowAppends() {
        SeriesStore store;
        MetricsTail tail(m_path, &store);
        QSignalSpy appended(&tail, &MetricsTail::recordsAppended);
        const QByteArray first = line(1, 1.0) + line(2, 0.9);
        tb::test::appendToFile(m_path, first);
        QCOMPARE(tail.poll().records, 2);
        QCOMPARE(tail.offset(), first.size());
        QCOMPARE(tail.poll().records, 0);  // nothing new: nothing read twice
        tb::test::appendToFile(m_path, line(3, 0.8) + "garbage\n");
        const auto r = tail.poll();
        QCOMPARE(r.records, 1);
        QCOMPARE(r.malformedLines, 1);
        QCOMPARE(tail.totalMalformedLines(), 1);
        QCOMPARE(tail.offset(), QFile(m_path).size());
        QCOMPARE(store.recordCount(), std::size_t(3));
        QCOMPARE(store.step(2), 3.0);
        QCOMPARE(appended.count(), 2);
        QCOMPARE(appended.at(1).at(0).value<qsizetype>(), 1);
    }

    void partialLineCompletedLater() {
        SeriesStore store;
        MetricsTail tail(m_path, &store);
        const QByteArray whole = line(1, 1.0);
        tb::test::appendToFile(m_path, whole + "{\"step\":2,\"train/lo");
        QCOMPARE(tail.poll().records, 1);
        QCOMPARE(tail.offset(), whole.size());
        tb::test::appendToFile(m_path, "ss\":0.25}");
        QCOMPARE(tail.poll().records, 0);  // still no newline
        QCOMPARE(tail.offset(), whole.size());
        tb::test::appendToFile(m_path, "\n");
        QCOMPARE(tail.poll().records, 1);
        QCOMPARE(tail.offset(), QFile(m_path).size());
        QCOMPARE(store.recordCount(), std::size_t(2));
        QCOMPARE(lossAt(store, 1), 0.25);
    }

    void tinyChunksGiveTheSameRecords() {
        QByteArray bytes;
        for (int i = 0; i < 200; ++i) bytes += line(i, 1.0 / (i + 1));
        tb::test::appendToFile(m_path, bytes);
        SeriesStore store;
        MetricsTail tail(m_path, &store);
        tail.setChunkSize(7);  // every line straddles several reads
        const auto r = tail.poll();
        QCOMPARE(r.records, 200);
        QCOMPARE(r.bytesConsumed, bytes.size());
        QCOMPARE(lossAt(store, 199), double(float(1.0 / 200)));
    }

    void replacedFileResets() {
        SeriesStore store;
        MetricsTail tail(m_path, &store);
        QSignalSpy resets(&tail, &MetricsTail::resetDetected);
        tb::test::appendToFile(m_path, line(1, 1.0) + line(2, 0.9) + line(3, 0.8));
        QCOMPARE(tail.poll().records, 3);
        // Atomic replacement: a new file renamed over the old one, longer than the old offset.
        const QString tmp = m_path + ".tmp";
        tb::test::appendToFile(tmp, line(10, 0.1) + line(11, 0.2) + line(12, 0.3) + line(13, 0.4));
        QVERIFY(QFile::remove(m_path));
        QVERIFY(QFile::rename(tmp, m_path));
        const auto r = tail.poll();
        QVERIFY(r.reset);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(r.records, 4);
        QCOMPARE(store.recordCount(), std::size_t(4));
        QCOMPARE(store.step(0), 10.0);
        QCOMPARE(tail.offset(), QFile(m_path).size());
    }

    void deletedAndRecreatedResets() {
        SeriesStore store;
        MetricsTail tail(m_path, &store);
        tb::test::appendToFile(m_path, line(1, 1.0));
        QCOMPARE(tail.poll().records, 1);
        QVERIFY(QFile::remove(m_path));
        auto r = tail.poll();
        QVERIFY(r.fileMissing);
        QCOMPARE(store.recordCount(), std::size_t(1));  // what was read stays visible
        tb::test::appendToFile(m_path, line(5, 0.5) + line(6, 0.6));
        r = tail.poll();
        QVERIFY(r.reset);
        QCOMPARE(store.recordCount(), std::size_t(2));
        QCOMPARE(store.step(0), 5.0);
    }

    void rewrittenInPlaceWithoutBeingSeenMissing() {
        SeriesStore store;
        MetricsTail tail(m_path, &store);
        tb::test::appendToFile(m_path, line(1, 1.0));
        QCOMPARE(tail.poll().records, 1);
        // Same inode, longer content: only the changed first bytes can tell.
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(line(7, 0.7) + line(8, 0.8) + line(9, 0.9));
        f.close();
        const auto r = tail.poll();
        QVERIFY(r.reset);
        QCOMPARE(store.recordCount(), std::size_t(3));
        QCOMPARE(store.step(0), 7.0);
    }

    void truncationResets() {
        SeriesStore store;
        MetricsTail tail(m_path, &store);
        QSignalSpy resets(&tail, &MetricsTail::resetDetected);
        tb::test::appendToFile(m_path, line(1, 1.0) + line(2, 0.9) + line(3, 0.8));
        QCOMPARE(tail.poll().records, 3);
        QVERIFY(QFile::resize(m_path, 0));
        auto r = tail.poll();
        QVERIFY(r.reset);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(store.recordCount(), std::size_t(0));
        QCOMPARE(tail.offset(), 0);
        tb::test::appendToFile(m_path, line(1, 0.4));
        r = tail.poll();
        QVERIFY(!r.reset);
        QCOMPARE(r.records, 1);
        QCOMPARE(lossAt(store, 0), double(0.4f));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestMetricsTail)
#include "tst_metrics_tail.moc"
