// The cost meter's arithmetic and wording, and reading /proc/uptime's answer.

#include "remote/hosts/cost_meter.h"

#include <QTest>

using namespace tb;

class TestCostMeter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void costIsPriceTimesHours() {
        QCOMPARE(costOf(1.71, 2 * 3600.0), 3.42);
        QCOMPARE(costOf(2.0, 90 * 60.0), 3.0);
        QCOMPARE(costOf(0.0, 3600.0), 0.0);  // no price set
        QCOMPARE(costOf(1.5, -10.0), 0.0);   // a clock going backwards costs nothing
    }

    void soFarLineNamesCostAndRate() {
        QCOMPARE(formatCostSoFar(1.71, 2 * 3600.0), QStringLiteral("¥3.42 so far, ¥1.71/h"));
        QCOMPARE(formatCostSoFar(0.5, 60.0, QStringLiteral("$")),
                 QStringLiteral("$0.01 so far, $0.50/h"));
        QCOMPARE(formatCostSoFar(0.0, 3600.0), QStringLiteral("no price set"));
    }

    void runCostNamesDuration() {
        QCOMPARE(formatRunCost(1.71, 20 * 60.0), QStringLiteral("¥0.57 (20:00 at ¥1.71/h)"));
        QCOMPARE(formatRunCost(0.0, 60.0), QStringLiteral("no price set"));
    }

    void uptimeFormats() {
        QCOMPARE(formatUptime(245.9), QStringLiteral("4:05"));
        QCOMPARE(formatUptime(3 * 3600 + 25 * 60 + 10), QStringLiteral("3:25:10"));
        QCOMPARE(formatUptime(2 * 86400 + 3600), QStringLiteral("2 d 1:00:00"));
        QCOMPARE(formatUptime(-5), QStringLiteral("0:00"));
    }

    void runSecondsUsesEndOrNow() {
        QCOMPARE(runSeconds(1000.0, 1600.0, 5000.0), 600.0);  // ended
        QCOMPARE(runSeconds(1000.0, 0.0, 1300.0), 300.0);     // still running
        QCOMPARE(runSeconds(0.0, 0.0, 1300.0), 0.0);          // never started
    }

    void parsesProcUptime() {
        const auto seconds = parseUptime("12345.67 54321.00\n");
        QVERIFY(seconds.ok());
        QCOMPARE(*seconds, 12345.67);
    }

    void badUptimeSaysWhatItGot() {
        const auto seconds = parseUptime("cat: /proc/uptime: No such file\n");
        QVERIFY(!seconds.ok());
        QVERIFY(QString::fromStdString(seconds.error()).contains(QLatin1String("/proc/uptime")));
        QVERIFY(QString::fromStdString(seconds.error()).contains(QLatin1String("No such file")));
        QVERIFY(!parseUptime("").ok());
        for (const char* forged : {"nan 1\n", "inf 1\n", "-inf 1\n", "1e300 1\n", "-5 1\n"})
            QVERIFY2(!parseUptime(forged).ok(), forged);
    }
};

QTEST_GUILESS_MAIN(TestCostMeter)
#include "tst_cost_meter.moc"
