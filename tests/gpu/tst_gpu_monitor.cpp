// Tests for GpuMonitor: one long-lived fake nvidia-smi, failing nvidia-smi, no nvidia-smi.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/gpu/gpu_monitor.h"
#include "test_data.h"

using tb::GpuMonitor;
using tb::GpuSample;
using tb::SystemSample;

namespace {
QString writeScript(const QTemporaryDir& dir, const QByteArray& body) {
    return writeFakeNvidiaSmi(QDir(dir.path()), QStringLiteral("nvidia-smi"), body);
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
}  // namespace

class TestGpuMonitor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void longLivedProcessStreamsRounds() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile::copy(TB_GPU_TEST_DATA "/a100x8.csv", dir.filePath("round.csv"));
        // A fake nvidia-smi: records its pid and arguments, then prints a captured round every
        // 100 ms the way `-l 1` does, until killed.
        const QString script =
            writeScript(dir,
                        "echo $$ >> \"$(dirname \"$0\")/pids\"\n"
                        "echo \"$@\" > \"$(dirname \"$0\")/args\"\n"
                        "while :; do cat \"$(dirname \"$0\")/round.csv\"; sleep 0.1; done\n");
        GpuMonitor monitor;
        monitor.setNvidiaSmiProgram(script);
        QList<QList<GpuSample>> rounds;
        connect(&monitor, &GpuMonitor::sampled, this,
                [&](const QList<GpuSample>& gpus) { rounds.append(gpus); });
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 5, 10000);
        QCOMPARE(monitor.mode(), GpuMonitor::Mode::Gpu);
        QVERIFY(monitor.stateMessage().isEmpty());
        for (const auto& round : rounds) {
            QCOMPARE(round.size(), 8);  // grouped into whole rounds, never split or merged
            QCOMPARE(round.first().index, 0);
            QCOMPARE(round.last().index, 7);
        }
        QCOMPARE(*rounds.last()[7].powerW, 412.66);
        // Five rounds from one process: not a process per sample.
        QCOMPARE(readAll(dir.filePath("pids")).trimmed().split('\n').size(), 1);
        const QByteArray args = readAll(dir.filePath("args"));
        QVERIFY(
            args.contains("--query-gpu=index,name,utilization.gpu,memory.used,memory.total,"
                          "temperature.gpu,power.draw"));
        QVERIFY(args.contains("--format=csv,noheader,nounits"));
        QVERIFY(args.trimmed().endsWith("-l 1"));
        monitor.stop();
        QCOMPARE(monitor.mode(), GpuMonitor::Mode::Stopped);
    }

    void noNvidiaSmiFallsBackToProc() {
        QTemporaryDir proc;
        QVERIFY(proc.isValid());
        QFile::copy(TB_GPU_TEST_DATA "/proc_stat_before.txt", proc.filePath("stat"));
        QFile::copy(TB_GPU_TEST_DATA "/meminfo.txt", proc.filePath("meminfo"));
        GpuMonitor monitor;
        monitor.setNvidiaSmiProgram(proc.filePath("no-such-nvidia-smi"));
        monitor.setProcRoot(proc.path());
        monitor.setSystemIntervalMs(20);
        QList<SystemSample> samples;
        connect(&monitor, &GpuMonitor::systemSampled, this,
                [&](const SystemSample& s) { samples.append(s); });
        QSignalSpy gpuSamples(&monitor, &GpuMonitor::sampled);
        monitor.start();
        QCOMPARE(monitor.mode(), GpuMonitor::Mode::NoGpu);
        QCOMPARE(monitor.stateMessage(), QString("no NVIDIA GPU on this machine"));
        QCOMPARE(samples.size(), 1);  // one right away, so the panel is not blank for a second
        QVERIFY(!samples.first().cpuPercent.has_value());
        QCOMPARE(samples.first().memoryTotalKiB, 32803276.0);
        QCOMPARE(samples.first().memoryUsedKiB, double(32803276 - 20120448));

        QFile::remove(proc.filePath("stat"));
        QFile::copy(TB_GPU_TEST_DATA "/proc_stat_after.txt", proc.filePath("stat"));
        QTRY_VERIFY(samples.size() >= 2);
        QVERIFY(samples[1].cpuPercent.has_value());
        QCOMPARE(*samples[1].cpuPercent, 50.0);
        QCOMPARE(gpuSamples.size(), 0);
    }

    void realProcOnThisMachine() {
        GpuMonitor monitor;
        monitor.setNvidiaSmiProgram("/nonexistent/nvidia-smi");
        monitor.setSystemIntervalMs(50);
        QList<SystemSample> samples;
        connect(&monitor, &GpuMonitor::systemSampled, this,
                [&](const SystemSample& s) { samples.append(s); });
        monitor.start();
        QTRY_VERIFY(samples.size() >= 3 && samples.last().cpuPercent.has_value());
        QVERIFY(*samples.last().cpuPercent >= 0 && *samples.last().cpuPercent <= 100);
        QVERIFY(samples.last().memoryTotalKiB > 0);
        QVERIFY(samples.last().memoryUsedKiB <= samples.last().memoryTotalKiB);
    }

    void failingNvidiaSmiExplainsWhy() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile::copy(TB_GPU_TEST_DATA "/no_driver.txt", dir.filePath("err.txt"));
        const QString script = writeScript(dir, "cat \"$(dirname \"$0\")/err.txt\"\nexit 9\n");
        GpuMonitor monitor;
        monitor.setNvidiaSmiProgram(script);
        QSignalSpy modes(&monitor, &GpuMonitor::modeChanged);
        monitor.start();
        QTRY_COMPARE(monitor.mode(), GpuMonitor::Mode::NoGpu);
        QVERIFY(monitor.stateMessage().startsWith("no NVIDIA GPU on this machine"));
        QVERIFY(monitor.stateMessage().contains("couldn't communicate with the NVIDIA driver"));
    }
};

QTEST_GUILESS_MAIN(TestGpuMonitor)
#include "tst_gpu_monitor.moc"
