// tb-sweep-stop.sh, the median stopping rule, on sweep folders laid out as the scheduler leaves
// them: a running trial worse than the median of the finished trials at its epoch is stopped
// through cancel/N with its reason in stopped/N; a better one, one under min_epochs, one already
// stopped, and finished trials that failed or were cancelled are left out of it.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

void writeText(const QString& path, const QByteArray& text) {
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(text);
}

QByteArray readText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class SweepEarlyStopTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void worseThanTheMedianIsStopped();
    void maximizeAndTheMedianOfAnEvenCount();
    void nothingWithoutTheFileOrWithABadOne();

private:
    // A trial NNNNNN in `queueDir` (done or running) whose run wrote `values` of the metric.
    void trial(const QString& queueDir, int n, const QList<double>& values, int exit = 0);
    QString stop();

    std::unique_ptr<QTemporaryDir> m_work;
    QString m_sweep;
};

void SweepEarlyStopTest::init() {
    m_work = std::make_unique<QTemporaryDir>();
    m_sweep = m_work->filePath(QStringLiteral(".sweeps/s"));
    QVERIFY(QDir().mkpath(m_sweep + QStringLiteral("/queue")));
}

void SweepEarlyStopTest::trial(const QString& queueDir, int n, const QList<double>& values,
                               int exit) {
    const QString name = QStringLiteral("%1").arg(n, 6, 10, QLatin1Char('0'));
    const QString run = m_work->filePath(QStringLiteral("run-%1").arg(n));
    QByteArray metrics;
    for (int i = 0; i < values.size(); ++i) {
        metrics += "{\"step\":" + QByteArray::number(i + 1) +
                   ",\"train/loss\":9,\"val/loss\":" + QByteArray::number(values[i]) + "}\n";
        metrics += "{\"step\":" + QByteArray::number(i + 1) + ",\"train/loss\":1}\n";
    }
    writeText(run + QStringLiteral("/metrics.jsonl"), metrics);
    writeText(m_sweep + QLatin1Char('/') + queueDir + QLatin1Char('/') + name + ".sh",
              "#!/bin/sh\n# tb-run-dir: " + run.toUtf8() + "\nexec true\n");
    if (queueDir == QLatin1String("done"))
        writeText(m_sweep + "/done/" + name + ".exit", QByteArray::number(exit) + "\n");
}

QString SweepEarlyStopTest::stop() {
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"),
             {qEnvironmentVariable("TB_SOURCE_DIR") + QStringLiteral("/resources/tb-sweep-stop.sh"),
              m_sweep});
    sh.waitForFinished(60000);
    return QString::fromUtf8(sh.readAllStandardOutput() + sh.readAllStandardError());
}

void SweepEarlyStopTest::worseThanTheMedianIsStopped() {
    writeText(m_sweep + "/early_stop", "val/loss min 2\n");
    trial("done", 1, {1.0, 0.8, 0.6});
    trial("done", 2, {1.2, 0.9, 0.7});
    trial("done", 3, {0.9, 0.7, 0.5});
    trial("done", 4, {0.1, 0.1, 0.1}, 1);  // failed: not counted
    writeText(m_sweep + "/done/000005.cancelled", "");
    trial("done", 5, {0.1, 0.1, 0.1});  // cancelled: not counted
    trial("running", 6, {1.1, 0.85});   // epoch 2: median 0.8, 0.85 is worse -> stopped
    trial("running", 7, {1.1, 0.75});   // better than the median
    trial("running", 8, {5.0});         // under min_epochs
    const QString out = stop();
    QVERIFY2(QFile::exists(m_sweep + "/cancel/000006"), qPrintable(out));
    QVERIFY(!QFile::exists(m_sweep + "/cancel/000007"));
    QVERIFY(!QFile::exists(m_sweep + "/cancel/000008"));
    QCOMPARE(QString::fromUtf8(readText(m_sweep + "/stopped/000006")).trimmed(),
             QStringLiteral("val/loss 0.85 at epoch 2 is worse than the median 0.8 of 3 finished "
                            "trials there"));
    // Once stopped, not again; the cancel is the scheduler's to carry out.
    QFile::remove(m_sweep + "/cancel/000006");
    QCOMPARE(stop(), QString());
    QVERIFY(!QFile::exists(m_sweep + "/cancel/000006"));
}

void SweepEarlyStopTest::maximizeAndTheMedianOfAnEvenCount() {
    writeText(m_sweep + "/early_stop", "val/loss max 1\n");
    trial("done", 1, {0.5});
    trial("done", 2, {0.7});
    trial("running", 3, {0.59});  // median 0.6: worse when maximizing
    trial("running", 4, {0.61});
    const QString out = stop();
    QVERIFY2(out.contains("stopped 000003"), qPrintable(out));
    QVERIFY(!out.contains("000004"));
    QVERIFY(readText(m_sweep + "/stopped/000003").contains("median 0.6 of 2 finished"));
}

void SweepEarlyStopTest::nothingWithoutTheFileOrWithABadOne() {
    trial("done", 1, {0.5});
    trial("running", 2, {0.9});
    QCOMPARE(stop(), QString());
    writeText(m_sweep + "/early_stop", "val/loss;rm -rf / min 1\n");
    QCOMPARE(stop(), QString());
    writeText(m_sweep + "/early_stop", "val/loss sideways 1\n");
    QCOMPARE(stop(), QString());
    QVERIFY(!QDir(m_sweep + "/cancel").exists());
}

QTEST_GUILESS_MAIN(SweepEarlyStopTest)
#include "tst_sweep_early_stop.moc"
