// Tests for GpuPanel offscreen: GPU cards from samples, N/A readings, the no-GPU state, a
// source's history shown on switching to it, timelines on wall-clock time, the low-use hint.
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <unistd.h>

#include <cmath>

#include "core/gpu/gpu_monitor.h"
#include "core/runs/run_catalog.h"
#include "remote/hosts/hosts_controller.h"
#include "tests/support/run_test_support.h"
#include "ui/monitor/gauge_row.h"
#include "ui/monitor/gpu_panel.h"
#include "ui/monitor/gpu_source_switch.h"
#include "ui/monitor/sparkline.h"

using namespace tb;

namespace {
// A source fed by the test: `round(util)` appends one nvidia-smi round of two GPUs.
class FedSource : public GpuSource {
public:
    void start() override { setMode(Mode::Starting); }
    void stop() override { setMode(Mode::Stopped); }
    QString placeName() const override { return QStringLiteral("box-7"); }
    void round(int util) {
        takeOutput(QStringLiteral("0, NVIDIA A100-SXM4-80GB, %1, 20480, 81920, 60, 250.5\n"
                                  "1, NVIDIA A100-SXM4-80GB, %1, 20480, 81920, 61, 251.5\n")
                       .arg(util)
                       .toUtf8());
    }

protected:
    void relaunch() override {}
};

GpuSample sample(int index, double util, std::optional<double> power) {
    GpuSample s;
    s.index = index;
    s.name = "NVIDIA A100-SXM4-80GB";
    s.utilizationPercent = util;
    s.memoryUsedMiB = 40960;
    s.memoryTotalMiB = 81920;
    s.temperatureC = 61;
    s.powerW = power;
    return s;
}
}  // namespace

class TestGpuPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void samplesMakeOneCardPerGpu() {
        GpuPanel panel;
        panel.showGpuSamples({sample(1, 50, 300), sample(0, 90, std::nullopt)});
        QCOMPARE(panel.gpuCardCount(), 2);
        QCOMPARE(panel.gpuRow(0, 0)->valueText(), QString("90 %"));  // sorted by index
        QCOMPARE(panel.gpuRow(0, 0)->barPercent(), 90);
        QCOMPARE(panel.gpuRow(0, 1)->valueText(), QString("40.0 / 80.0 GiB"));
        QCOMPARE(panel.gpuRow(0, 1)->barPercent(), 50);
        QCOMPARE(panel.gpuRow(0, 3)->valueText(), QString("—"));  // power N/A
        QCOMPARE(panel.gpuRow(1, 3)->valueText(), QString("300 W"));
        panel.showGpuSamples({sample(0, 10, 100), sample(1, 20, 310)});
        QCOMPARE(panel.gpuCardCount(), 2);
        QCOMPARE(panel.gpuRow(1, 0)->sparkline()->valueCount(), 2);
        QCOMPARE(panel.stateText(), QString("2 GPU(s)"));
        QVERIFY(!panel.showsSystemFallback());
    }

    void noGpuShowsMessageAndSystemGauges() {
        GpuMonitor monitor;
        monitor.setNvidiaSmiProgram("/nonexistent/nvidia-smi");
        GpuPanel panel;
        panel.setSource(&monitor);
        monitor.start();
        QVERIFY(panel.stateText().contains("No NVIDIA GPU on this machine"));
        QVERIFY(panel.showsSystemFallback());
        QCOMPARE(panel.gpuCardCount(), 0);
        QVERIFY(panel.memoryRow()->valueText().endsWith("GiB"));
        QTRY_VERIFY(panel.cpuRow()->valueText().endsWith("%"));  // second /proc reading
    }

    void switchingSourcesShowsEachOnesHistory() {
        FedSource box;
        box.start();
        for (int i = 0; i < 3; ++i) box.round(50 + i);
        // The first round ends when the second begins; after it the GPU count is known.
        QCOMPARE(box.history().rounds().size(), std::size_t(3));
        GpuMonitor local;
        local.setNvidiaSmiProgram("/nonexistent/nvidia-smi");
        local.start();
        GpuPanel panel;
        panel.setSource(&local);
        QVERIFY(panel.showsSystemFallback());
        QCOMPARE(panel.gpuCardCount(), 0);

        panel.setSource(&box);  // what it read before it was shown, at once
        QCOMPARE(panel.gpuCardCount(), 2);
        QVERIFY(!panel.showsSystemFallback());
        QCOMPARE(panel.gpuRow(1, 0)->sparkline()->valueCount(), 3);
        QCOMPARE(panel.gpuRow(1, 0)->valueText(), QString("52 %"));
        QCOMPARE(panel.cardTitle(0), QString("GPU 0 · NVIDIA A100-SXM4-80GB"));
        QCOMPARE(panel.stateText(), QString("2 GPU(s) on box-7"));
        box.round(60);
        QCOMPARE(panel.gpuRow(1, 0)->valueText(), QString("60 %"));
        // The sparkline's points carry the rounds' wall-clock times, as the history does.
        const auto& points = panel.gpuRow(0, 0)->sparkline()->points();
        QCOMPARE(points.size(), box.history().rounds().size());
        QCOMPARE(points.back().timeMs, box.history().lastTimeMs());

        panel.setSource(&local);
        QCOMPARE(panel.gpuCardCount(), 0);
        QVERIFY(panel.showsSystemFallback());
        box.round(70);  // a source not shown does not reach the panel
        QCOMPARE(panel.gpuCardCount(), 0);
    }

    void waitingAndNoGpuOfAHostSayWhere() {
        FedSource box;
        GpuPanel panel;
        panel.setSource(&box);
        box.start();
        QCOMPARE(panel.stateText(), QString("Looking for GPUs on box-7…"));
        // What RemoteGpuMonitor says when the link is down: no CPU gauges of this machine.
        panel.showMode(GpuSource::Mode::Waiting,
                       "waiting for the connection to box-7; GPU readings resume when it is back");
        QCOMPARE(panel.stateText(), QString("Waiting for the connection to box-7; GPU readings "
                                            "resume when it is back."));
        QVERIFY(!panel.showsSystemFallback());
        panel.showMode(GpuSource::Mode::NoGpu, "no NVIDIA GPU on box-7 (nvidia-smi: not found)");
        QCOMPARE(panel.stateText(), QString("No NVIDIA GPU on box-7 (nvidia-smi: not found)."));
        QVERIFY(!panel.showsSystemFallback());
    }

    void lowUtilisationWhileTrainingShowsTheHint() {
        FedSource box;
        GpuPanel panel;
        GpuUtilHintSettings quick;  // a "minute" of 600 ms, rounds every 50 ms
        quick.windowMs = 600;
        quick.recoverMs = 200;
        quick.maxGapMs = 300;
        panel.setHintSettings(quick);
        panel.setSource(&box);
        box.start();
        panel.show();
        int util = 12;
        QTimer rounds;
        connect(&rounds, &QTimer::timeout, &box, [&] { box.round(util); });
        rounds.start(50);
        QTRY_VERIFY_WITH_TIMEOUT(box.history().rounds().size() >= 3, 5000);
        QVERIFY(!panel.isHintShown());  // nothing trains
        panel.setTrainingRun({QStringLiteral("cifar-resnet"), QDateTime::currentMSecsSinceEpoch()});
        QVERIFY(!panel.isHintShown());  // not a whole window of training yet
        QTRY_VERIFY_WITH_TIMEOUT(panel.isHintShown(), 10000);
        QVERIFY2(panel.hintText().startsWith("GPUs 0, 1 busy only 12 %, 12 %"),
                 qPrintable(panel.hintText()));
        QVERIFY(panel.hintText().contains("“cifar-resnet”"));
        QVERIFY(panel.hintText().contains("data.workers"));
        util = 97;  // more workers: the GPUs are busy again
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isHintShown(), 10000);
        util = 5;
        QTRY_VERIFY_WITH_TIMEOUT(panel.isHintShown(), 10000);
        panel.setTrainingRun({});  // the run ended
        QVERIFY(!panel.isHintShown());
    }

    void theRunTrainingOnTheShownMachineFeedsTheHint() {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString runs = home.filePath("runs");
        tb::test::writeLocalRun(runs, "20261123-090000-cifar", "finished");
        RunCatalog catalog(runs);
        catalog.refresh();
        HostsControllerOptions options;
        options.checkKeychain = false;
        HostsController hosts(home.filePath("hosts"), options);
        GpuMonitor local;
        GpuPanel panel;
        GpuSourceSwitch sources(&panel, &local, &hosts, &catalog);
        QCOMPARE(panel.source(), &local);
        QVERIFY(panel.trainingRun().name.isEmpty());  // nothing trains here
        tb::test::writeLocalRun(runs, "20261123-100000-cifar", "running");
        catalog.refresh();
        QCOMPARE(panel.trainingRun().name, QString("cifar"));
        QCOMPARE(panel.trainingRun().startedMs, qint64(1763820000) * 1000);
    }

    void screenshot() {
        const QByteArray dir = qgetenv("TB_SCREENSHOT_DIR");
        if (dir.isEmpty()) QSKIP("set TB_SCREENSHOT_DIR to write docs/screenshots/gpu-panel.png");
        GpuPanel panel;
        panel.resize(620, 260);
        panel.showMode(GpuMonitor::Mode::NoGpu, QStringLiteral("no NVIDIA GPU on this machine"));
        // Five minutes of plausible readings, so the sparklines show their shape.
        const qint64 start = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < GpuPanel::kHistorySeconds; ++i) {
            SystemSample s;
            s.cpuPercent = 35 + 30 * std::sin(i / 9.0) + (i % 7) * 2;
            s.memoryTotalKiB = 24684084;
            s.memoryUsedKiB = 9.5e6 + i * 1.5e4 + (i > 200 ? 3e6 : 0);
            panel.showSystemSample(s, start + i * 1000);
        }
        panel.show();
        QVERIFY(panel.grab().save(QString::fromLocal8Bit(dir) + "/gpu-panel.png"));
    }
};

QTEST_MAIN(TestGpuPanel)
#include "tst_gpu_panel.moc"
