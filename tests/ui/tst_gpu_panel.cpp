// Tests for GpuPanel offscreen: GPU cards from samples, N/A readings, the no-GPU state.
#include <QTest>

#include <cmath>

#include "monitor/gauge_row.h"
#include "monitor/gpu_panel.h"
#include "monitor/sparkline.h"

using namespace tb;

namespace {
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
        panel.setMonitor(&monitor);
        monitor.start();
        QVERIFY(panel.stateText().contains("No NVIDIA GPU on this machine"));
        QVERIFY(panel.showsSystemFallback());
        QCOMPARE(panel.gpuCardCount(), 0);
        QVERIFY(panel.memoryRow()->valueText().endsWith("GiB"));
        QTRY_VERIFY(panel.cpuRow()->valueText().endsWith("%"));  // second /proc reading
    }

    void screenshot() {
        const QByteArray dir = qgetenv("TB_SCREENSHOT_DIR");
        if (dir.isEmpty()) QSKIP("set TB_SCREENSHOT_DIR to write docs/screenshots/gpu-panel.png");
        GpuPanel panel;
        panel.resize(620, 260);
        panel.showMode(GpuMonitor::Mode::NoGpu, GpuMonitor::noGpuMessage());
        // Five minutes of plausible readings, so the sparklines show their shape.
        for (int i = 0; i < GpuPanel::kHistorySeconds; ++i) {
            SystemSample s;
            s.cpuPercent = 35 + 30 * std::sin(i / 9.0) + (i % 7) * 2;
            s.memoryTotalKiB = 24684084;
            s.memoryUsedKiB = 9.5e6 + i * 1.5e4 + (i > 200 ? 3e6 : 0);
            panel.showSystemSample(s);
        }
        panel.show();
        QVERIFY(panel.grab().save(QString::fromLocal8Bit(dir) + "/gpu-panel.png"));
    }
};

QTEST_MAIN(TestGpuPanel)
#include "tst_gpu_panel.moc"
