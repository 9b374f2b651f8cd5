// Tests for RunMetrics and RunMetricsPool: incremental appends, replacement, checkpoints, pool.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/metrics/run_metrics.h"

using tb::RunMetrics;
using tb::RunMetricsPool;

namespace {
QByteArray line(int step, double loss) {
    return "{\"step\":" + QByteArray::number(step) + ",\"train/loss\":" + QByteArray::number(loss) +
           "}\n";
}

QByteArray lines(int from, int to) {
    QByteArray out;
    for (int s = from; s < to; ++s) out += line(s, 1.0 / (s + 1));
    return out;
}

bool writeFile(const QString& path, const QByteArray& bytes, bool append) {
    QFile f(path);
    return f.open(append ? QIODevice::WriteOnly | QIODevice::Append : QIODevice::WriteOnly) &&
           f.write(bytes) == bytes.size();
}

std::size_t lossSeries(const RunMetrics& m) {
    return std::size_t(m.store().findSeries("train/loss"));
}
}  // namespace

class TestRunMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        QVERIFY(m_root.isValid());
        m_dir = m_root.filePath(QString("run%1").arg(++m_n));
        QVERIFY(QDir().mkpath(m_dir));
        m_file = m_dir + "/metrics.jsonl";
    }

    void appendsIncrementally() {
        QVERIFY(writeFile(m_file, lines(0, 100), false));
        RunMetrics metrics(m_dir);
        QSignalSpy appended(&metrics, &RunMetrics::dataAppended);
        QSignalSpy reset(&metrics, &RunMetrics::reset);
        QVERIFY(metrics.poll());
        QCOMPARE(appended.size(), 1);
        QCOMPARE(metrics.store().recordCount(), std::size_t(100));
        const tb::MinMaxLod* lod = &metrics.lod(lossSeries(metrics));
        QCOMPARE(lod->size(), std::size_t(100));

        QVERIFY(!metrics.poll());  // nothing new: no signal
        QCOMPARE(appended.size(), 1);

        // Many records in one poll are one signal; a partial last line waits.
        QVERIFY(writeFile(m_file, lines(100, 150) + "{\"step\":150,\"train/lo", true));
        QVERIFY(metrics.poll());
        QCOMPARE(appended.size(), 2);
        QCOMPARE(metrics.store().recordCount(), std::size_t(150));
        QVERIFY(writeFile(m_file, "ss\":0.5}\n", true));
        metrics.poll();
        QCOMPARE(metrics.store().recordCount(), std::size_t(151));

        // Not reloaded: same derived objects, extended; no reset; old values intact.
        QCOMPARE(reset.size(), 0);
        QCOMPARE(metrics.generation(), quint64(0));
        QCOMPARE(&metrics.lod(lossSeries(metrics)), lod);
        QCOMPARE(lod->size(), std::size_t(151));
        QCOMPARE(metrics.store().view(lossSeries(metrics)).y(150), 0.5);
        QCOMPARE(metrics.store().step(3), 3.0);
    }

    void resetsWhenReplaced() {
        QVERIFY(writeFile(m_file, lines(0, 50), false));
        RunMetrics metrics(m_dir);
        metrics.poll();
        metrics.lod(lossSeries(metrics));
        QSignalSpy reset(&metrics, &RunMetrics::reset);
        QSignalSpy appended(&metrics, &RunMetrics::dataAppended);
        const QString temp = m_dir + "/.metrics.tmp";
        QVERIFY(writeFile(temp, lines(1000, 1020), false));
        QFile::remove(m_file);
        QVERIFY(QFile::rename(temp, m_file));
        QVERIFY(metrics.poll());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(appended.size(), 1);
        QCOMPARE(metrics.generation(), quint64(1));
        QCOMPARE(metrics.store().recordCount(), std::size_t(20));
        QCOMPARE(metrics.store().step(0), 1000.0);
        QCOMPARE(metrics.lod(lossSeries(metrics)).size(), std::size_t(20));
    }

    void smoothingFollowsWeight() {
        QVERIFY(writeFile(m_file, line(0, 1) + line(1, 0) + line(2, 1), false));
        RunMetrics metrics(m_dir);
        metrics.poll();
        const std::size_t s = lossSeries(metrics);
        QCOMPARE(metrics.smoother(s, 0.5).value(0), 1.0);  // debiased: starts at the first value
        const double light = metrics.smoother(s, 0.1).value(1);
        const double heavy = metrics.smoother(s, 0.9).value(1);
        QVERIFY(heavy > light);
        QCOMPARE(metrics.smoothedLod(s, 0.9).size(), std::size_t(3));
        QVERIFY(writeFile(m_file, line(3, 2), true));
        metrics.poll();
        QCOMPARE(metrics.smoothedLod(s, 0.9).size(), std::size_t(4));
    }

    void readsCheckpointSidecars() {
        QVERIFY(writeFile(m_file, lines(0, 10), false));
        RunMetrics metrics(m_dir);
        QSignalSpy changed(&metrics, &RunMetrics::checkpointsChanged);
        metrics.poll();
        QCOMPARE(changed.size(), 0);
        QVERIFY(QDir().mkpath(m_dir + "/checkpoints"));
        const QString ckpt = m_dir + "/checkpoints/ckpt-e0001-s0000008";
        QVERIFY(writeFile(ckpt + ".json",
                          R"({"epoch":1,"step":8,"time":5.5,"metrics":{"train/loss":0.25}})",
                          false));
        QVERIFY(writeFile(m_dir + "/checkpoints/latest.json", R"({"step":8})", false));
        QVERIFY(writeFile(m_dir + "/checkpoints/.x.json.tmp-1", "{", false));
        QVERIFY(metrics.poll());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(metrics.checkpoints().size(), 1);
        const tb::CheckpointMark& mark = metrics.checkpoints().first();
        QCOMPARE(mark.step, 8.0);
        QCOMPARE(mark.epoch, 1.0);
        QCOMPARE(mark.checkpointPath, ckpt + ".pt");
        QCOMPARE(mark.metric("train/loss", -1), 0.25);
        QCOMPARE(metrics.recordAtStep(8), std::size_t(8));
        metrics.poll();
        QCOMPARE(changed.size(), 1);  // unchanged directory: not re-announced
    }

    void poolSharesAndPollsLiveRuns() {
        QVERIFY(writeFile(m_file, lines(0, 5), false));
        RunMetricsPool pool;
        pool.setPollInterval(10);
        RunMetrics* metrics = pool.open("r", m_dir, true);
        QCOMPARE(pool.open("r", m_dir, true), metrics);
        QCOMPARE(metrics->store().recordCount(), std::size_t(5));  // read at once
        QSignalSpy appended(metrics, &RunMetrics::dataAppended);
        QVERIFY(writeFile(m_file, lines(5, 9), true));
        QVERIFY(appended.wait(5000));  // the pool's timer polled it
        QCOMPARE(metrics->store().recordCount(), std::size_t(9));

        pool.setLive("r", false);
        QVERIFY(!pool.isLive("r"));
        QVERIFY(writeFile(m_file, lines(9, 12), true));
        pool.pollLive();  // finished runs are not polled
        QCOMPARE(metrics->store().recordCount(), std::size_t(9));
        pool.close("r");
        QCOMPARE(pool.find("r"), nullptr);
    }

private:
    QTemporaryDir m_root;
    QString m_dir;
    QString m_file;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestRunMetrics)
#include "tst_run_metrics.moc"
