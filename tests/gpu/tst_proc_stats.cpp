// Tests for ProcStats on captured /proc/stat and /proc/meminfo texts.
#include <QTest>

#include "core/gpu/proc_stats.h"
#include "test_data.h"

using tb::ProcStats;

class TestProcStats : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cpuLineSumsWithoutGuest() {
        const auto t = ProcStats::parseStat(gpuTestData("proc_stat_before.txt"));
        QVERIFY(t.has_value());
        QCOMPARE(t->total, quint64(4705 + 356 + 584 + 3699176 + 23060 + 277));
        QCOMPARE(t->idle, quint64(3699176 + 23060));
    }

    void cpuPercentBetweenReadings() {
        const auto a = ProcStats::parseStat(gpuTestData("proc_stat_before.txt"));
        const auto b = ProcStats::parseStat(gpuTestData("proc_stat_after.txt"));
        QVERIFY(a && b);
        const auto pct = ProcStats::cpuPercent(*a, *b);
        QVERIFY(pct.has_value());
        QCOMPARE(*pct, 50.0);  // 400 jiffies passed, 200 idle
        QVERIFY(!ProcStats::cpuPercent(*a, *a).has_value());
        QVERIFY(!ProcStats::cpuPercent(*b, *a).has_value());
    }

    void statWithoutCpuLine() {
        QVERIFY(!ProcStats::parseStat("intr 1 2 3\nctxt 5\n").has_value());
        QVERIFY(!ProcStats::parseStat("cpu  1 2 x 4\n").has_value());
    }

    void meminfoUsesAvailable() {
        const auto m = ProcStats::parseMeminfo(gpuTestData("meminfo.txt"));
        QVERIFY(m.has_value());
        QCOMPARE(m->totalKiB, quint64(32803276));
        QCOMPARE(m->usedKiB(), quint64(32803276 - 20120448));
    }

    void meminfoOldKernelEstimatesAvailable() {
        const auto m = ProcStats::parseMeminfo(gpuTestData("meminfo_old_kernel.txt"));
        QVERIFY(m.has_value());
        QCOMPARE(m->availableKiB, quint64(512000 + 128000 + 256000));
        QCOMPARE(m->usedKiB(), quint64(2048000 - 896000));
    }

    void meminfoWithoutTotal() {
        QVERIFY(!ProcStats::parseMeminfo("MemFree: 10 kB\n").has_value());
    }
};

QTEST_GUILESS_MAIN(TestProcStats)
#include "tst_proc_stats.moc"
