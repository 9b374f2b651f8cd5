// ChartPanel export: CSV holds every point of the chart's runs and keys; images are written.
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include "core/metrics/run_metrics.h"
#include "tst_chart_fixture.h"
#include "ui/plot/chart_panel.h"

class TestChartExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_root.isValid());
        tbtest::RunSpec spec;
        spec.points = 200000;  // far more than any chart draws
        spec.valEvery = 1000;
        m_a = tbtest::writeRun(m_root.path(), "a", spec);
        spec.points = 3000;
        spec.firstStep = 200000;  // a resumed child continuing a's steps
        m_b = tbtest::writeRun(m_root.path(), "b", spec);
        m_panel = std::make_unique<tb::ChartPanel>(&m_pool, nullptr);
        m_panel->resize(1000, 700);
        m_panel->show();
        m_panel->setRuns({{"a", m_a, "parent", false}, {"b", m_b, "resumed", false}});
    }
    void cleanupTestCase() { m_panel.reset(); }

    void csvHasEveryPoint() {
        const QString path = m_root.filePath("loss.csv");
        QVERIFY(m_panel->exportCsv("loss", path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.first(), QByteArray("run,key,step,epoch,time,value"));
        // train/loss: 200000 + 3000; val/loss: every 1000th step except 0 in each run.
        const int valA = 199, valB = 3;
        QCOMPARE(lines.size() - 2, 200000 + 3000 + valA + valB);  // header, trailing ""
        const QByteArray a = rowStartingWith(lines, "a,train/loss,123457,");
        QCOMPARE(a.split(',').mid(3, 2), (QList<QByteArray>{"123", "1700006172.85"}));
        QCOMPARE(a.split(',').at(5).toDouble(), lossAt("a", 123457));
        const QByteArray b = rowStartingWith(lines, "b,train/loss,200000,");
        QCOMPARE(b.split(',').mid(3, 2), (QList<QByteArray>{"200", "1700010000"}));
        QCOMPARE(b.split(',').at(5).toDouble(), lossAt("b", 0));
        QVERIFY(!m_panel->exportCsv("nope", path));
    }

    void imagesAreWritten() {
        const QString png = m_root.filePath("loss.png");
        QVERIFY(m_panel->exportImage("loss", png));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 400);
        for (const char* suffix : {"svg", "pdf"}) {
            const QString path = m_root.filePath(QString("loss.") + suffix);
            QVERIFY(m_panel->exportImage("loss", path));
            QVERIFY(QFileInfo(path).size() > 1000);
        }
        QFile svg(m_root.filePath("loss.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
        QVERIFY(!m_panel->exportImage("loss", m_root.filePath("loss.bmpx")));
    }

private:
    static QByteArray rowStartingWith(const QList<QByteArray>& lines, const QByteArray& prefix) {
        for (const QByteArray& line : lines)
            if (line.startsWith(prefix)) return line;
        return {};
    }
    double lossAt(const QString& run, std::size_t i) {
        const tb::SeriesStore& store = m_pool.find(run)->store();
        return store.view(std::size_t(store.findSeries("train/loss"))).y(i);
    }

    QTemporaryDir m_root;
    QString m_a, m_b;
    tb::RunMetricsPool m_pool;
    std::unique_ptr<tb::ChartPanel> m_panel;
};

QTEST_MAIN(TestChartExport)
#include "tst_chart_export.moc"
