// ChartPanel offscreen: overlaid runs, LOD bounds, spikes, smoothing, axes, markers, live data.
#include <qcustomplot.h>
#include <algorithm>

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/metrics/run_metrics.h"
#include "tst_chart_fixture.h"
#include "ui/plot/chart_panel.h"

using tb::ChartPanel;
using tb::ChartRun;

namespace {
QCPGraph* findGraph(QCustomPlot* plot, const QString& run, const QString& key,
                    const QString& role) {
    for (int i = 0; i < plot->graphCount(); ++i) {
        QCPGraph* g = plot->graph(i);
        if (g->property("tbRun").toString() == run && g->property("tbRole").toString() == role &&
            (key.isEmpty() || g->property("tbKey").toString() == key))
            return g;
    }
    return nullptr;
}

double maxValue(const QCPGraph* g) {
    double m = -1e300;
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
        m = std::max(m, it->value);
    return m;
}
}  // namespace

class TestChartPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        m_pool = std::make_unique<tb::RunMetricsPool>();
        m_panel = std::make_unique<ChartPanel>(m_pool.get(), nullptr);
        m_panel->resize(1200, 900);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }
    void cleanup() {
        m_panel.reset();
        m_pool.reset();
    }

    void overlaysRunsWithLegend() {
        tbtest::RunSpec spec;
        spec.valEvery = 100;
        const QString a = tbtest::writeRun(m_root.path(), "a", spec);
        spec.lossScale = 1.3;
        const QString b = tbtest::writeRun(m_root.path(), "b", spec);
        m_panel->setRuns({{"a", a, "run A", false}, {"b", b, "run B", false}});
        QCOMPARE(m_panel->families(), (QStringList{"loss", "acc", "lr"}));
        QCustomPlot* plot = m_panel->plot("loss");
        QVERIFY(plot);
        // Two runs: the legend keys the line styles (train, val) and the run key above the
        // charts names the colours, instead of four entries that cover a small chart.
        QCOMPARE(plot->legend->itemCount(), 2);
        QStringList entries;
        for (int i = 0; i < plot->legend->itemCount(); ++i) {
            auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i));
            QVERIFY(item);
            entries.append(item->plottable()->name());
            QVERIFY(item->plottable()->property("tbRole").toString() == "style");
        }
        QCOMPARE(entries, (QStringList{"train", "val"}));
        auto* key = m_panel->findChild<QLabel*>("chartRunKey");
        QVERIFY(key && key->isVisible());
        QVERIFY(key->text().contains("run A") && key->text().contains("run B"));
        QCPGraph* trainA = findGraph(plot, "a", "train/loss", "main");
        QCPGraph* trainB = findGraph(plot, "b", "train/loss", "main");
        QCPGraph* valA = findGraph(plot, "a", "val/loss", "main");
        QVERIFY(trainA && trainB && valA);
        QVERIFY(!plot->legend->itemWithPlottable(trainA));
        QVERIFY(trainA->pen().color() != trainB->pen().color());
        QCOMPARE(trainA->pen().style(), Qt::SolidLine);
        QCOMPARE(valA->pen().style(), Qt::DashLine);
        QVERIFY(!trainA->data()->isEmpty() && !valA->data()->isEmpty());
        QCOMPARE(m_panel->plot("lr")->legend->itemCount(), 0);  // one key: colours say it all
        m_panel->setRuns({{"a", a, "run A", false}});
        QVERIFY(!key->isVisible());
        QCOMPARE(m_panel->plot("loss")->legend->itemCount(), 2);  // train, val of run A
        QVERIFY(m_panel->plot("loss")->legend->itemWithPlottable(
            findGraph(m_panel->plot("loss"), "a", "train/loss", "main")));
    }

    void millionPointsAreReducedAndSpikesSurvive() {
        tbtest::RunSpec spec;
        spec.points = 1000000;
        spec.withTime = false;
        spec.withExtras = false;
        spec.spikeAt = 654321;
        const QString dir = tbtest::writeRun(m_root.path(), "big", spec);
        m_panel->setSmoothing(0);
        m_panel->setRuns({{"big", dir, "big", false}});
        QCustomPlot* plot = m_panel->plot("loss");
        QCPGraph* main = findGraph(plot, "big", "train/loss", "main");
        QVERIFY(main);
        const int bound = 2 * plot->width() + 2;  // plus one neighbour beyond each edge
        QVERIFY2(main->data()->size() <= bound, qPrintable(QString::number(main->data()->size())));
        QVERIFY(main->data()->size() > plot->axisRect()->width());  // not over-thinned
        QCOMPARE(maxValue(main), 100.0);

        // Zoomed in around the spike: still bounded, still there, now at finer detail.
        plot->xAxis->setRange(600000, 700000);
        QVERIFY(main->data()->size() <= bound);
        QCOMPARE(maxValue(main), 100.0);
        QVERIFY2(main->data()->constBegin()->key < 600000,  // the line runs off the left edge
                 qPrintable(QString::number(main->data()->constBegin()->key)));
        m_panel->setLogScale(true, true);
        QVERIFY(main->data()->size() <= bound + 64);
        QCOMPARE(maxValue(main), 100.0);
    }

    void smoothingChangesOnlyTheSmoothedCurve() {
        const QString dir = tbtest::writeRun(m_root.path(), "s", {});
        m_panel->setSmoothing(0.3);
        m_panel->setRuns({{"s", dir, "s", false}});
        QCustomPlot* plot = m_panel->plot("loss");
        QCPGraph* raw = findGraph(plot, "s", "train/loss", "raw");
        QCPGraph* main = findGraph(plot, "s", "train/loss", "main");
        QVERIFY(raw->visible());
        const QVector<QCPGraphData> rawBefore(raw->data()->constBegin(), raw->data()->constEnd());
        const double smoothedBefore = (main->data()->constBegin() + 50)->value;
        m_panel->setSmoothing(0.95);
        const QVector<QCPGraphData> rawAfter(raw->data()->constBegin(), raw->data()->constEnd());
        QCOMPARE(rawAfter.size(), rawBefore.size());
        for (qsizetype i = 0; i < rawBefore.size(); ++i)
            QCOMPARE(rawAfter[i].value, rawBefore[i].value);
        QVERIFY(raw->visible());
        QVERIFY(qAbs((main->data()->constBegin() + 50)->value - smoothedBefore) > 1e-6);
        // The raw curve stays faint, and no raw curve is drawn over any main curve.
        QVERIFY(raw->pen().color().lightness() > main->pen().color().lightness());
        int lastRaw = -1, firstMain = plot->graphCount();
        for (int i = 0; i < plot->graphCount(); ++i) {
            const QString role = plot->graph(i)->property("tbRole").toString();
            if (role == "raw") lastRaw = i;
            if (role == "main") firstMain = std::min(firstMain, i);
        }
        QVERIFY(lastRaw >= 0 && lastRaw < firstMain);
    }

    void xAxisSwitchChangesKeys() {
        tbtest::RunSpec spec;
        spec.firstStep = 5000;
        const QString dir = tbtest::writeRun(m_root.path(), "x", spec);
        m_panel->setRuns({{"x", dir, "x", false}});
        QCustomPlot* plot = m_panel->plot("loss");
        QCPGraph* main = findGraph(plot, "x", "train/loss", "main");
        QCOMPARE(main->data()->constBegin()->key, 5000.0);
        m_panel->setXAxis(tb::XAxis::TimeSinceStart);
        QCOMPARE(main->data()->constBegin()->key, 0.0);
        QVERIFY(qAbs((main->data()->constEnd() - 1)->key - 999 * 0.05) < 1e-4);  // from Unix time
        QVERIFY(plot->xAxis->range().upper < 100);
        m_panel->setXAxis(tb::XAxis::Epoch);
        QCOMPARE(main->data()->constBegin()->key, 5.0);
    }

    void checkpointMarkerClickEmits() {
        tbtest::RunSpec spec;
        spec.points = 2000;
        const QString dir = tbtest::writeRun(m_root.path(), "c", spec);
        const QString pt = tbtest::writeSidecar(dir, 1, 1200, 0.5);
        m_panel->setRuns({{"c", dir, "c", false}});
        QCustomPlot* plot = m_panel->plot("loss");
        QCPGraph* markers = findGraph(plot, "c", {}, "checkpoints");
        QVERIFY(markers);
        QCOMPARE(markers->data()->size(), 1);
        QCOMPARE(markers->data()->constBegin()->key, 1200.0);
        plot->replot();
        const QPoint at(qRound(plot->xAxis->coordToPixel(1200)),
                        qRound(plot->yAxis->coordToPixel(markers->data()->constBegin()->value)));
        QSignalSpy clicked(m_panel.get(), &ChartPanel::checkpointClicked);
        QTest::mouseClick(plot, Qt::LeftButton, {}, at + QPoint(60, 0));  // beside it
        QCOMPARE(clicked.size(), 0);
        QTest::mouseClick(plot, Qt::LeftButton, {}, at + QPoint(2, -1));
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked[0][0].toString(), QString("c"));
        QCOMPARE(clicked[0][1].toString(), pt);
    }

    void liveDataIsCoalescedAndHiddenPanelWaits() {
        tbtest::RunSpec spec;
        spec.points = 100;
        spec.withExtras = false;
        const QString dir = tbtest::writeRun(m_root.path(), "live", spec);
        m_panel->setSmoothing(0);
        m_panel->setRuns({{"live", dir, "live", true}});
        QCustomPlot* plot = m_panel->plot("loss");
        QCPGraph* main = findGraph(plot, "live", "train/loss", "main");
        QCOMPARE((main->data()->constEnd() - 1)->key, 99.0);
        QByteArray more;
        for (int s = 100; s < 200; ++s) more += tbtest::metricsLine(s, 0.3);
        QVERIFY(tbtest::appendBytes(dir + "/metrics.jsonl", more));
        QTRY_COMPARE((main->data()->constEnd() - 1)->key, 199.0);  // pool timer + coalescing
        QVERIFY(plot->xAxis->range().contains(199));               // still following the data

        m_panel->hide();
        QVERIFY(tbtest::appendBytes(dir + "/metrics.jsonl", tbtest::metricsLine(200, 0.2)));
        m_pool->pollLive();
        m_panel->flush();
        QCOMPARE((main->data()->constEnd() - 1)->key, 199.0);  // hidden: no work
        m_panel->show();
        QCOMPARE((main->data()->constEnd() - 1)->key, 200.0);
    }

    void keysZoomAndReset() {
        const QString dir = tbtest::writeRun(m_root.path(), "k", {});
        m_panel->setRuns({{"k", dir, "k", false}});
        QCustomPlot* plot = m_panel->plot("loss");
        const QCPRange fitted = plot->xAxis->range();
        plot->setFocus();
        QTest::keyClick(plot, Qt::Key_Plus);
        QVERIFY(plot->xAxis->range().size() < fitted.size() * 0.9);
        QTest::keyClick(plot, Qt::Key_Right);
        QVERIFY(plot->xAxis->range().center() > fitted.center());
        QTest::keyClick(plot, Qt::Key_Home);
        QCOMPARE(plot->xAxis->range().lower, fitted.lower);
        QCOMPARE(plot->xAxis->range().upper, fitted.upper);
    }

private:
    QTemporaryDir m_root;
    std::unique_ptr<tb::RunMetricsPool> m_pool;
    std::unique_ptr<ChartPanel> m_panel;
};

QTEST_MAIN(TestChartPanel)
#include "tst_chart_panel.moc"
